import FusionCore
import FusionMath
import Simulation
import Testing

/// Dead sensors, through tracker, classifier and cueing (the hard cases'
/// site and cue checks of `CueingHardCaseTests`): the radar trips for 90 s,
/// half the acoustic arrays die for good, every sensor goes silent for 30 s
/// (a power or network cut). Through each, over 5 seeds:
/// - the safety and lifecycle checks of the hard-case suite hold: no cue
///   on a track that is not an uncrewed target, a cue on a track that is
///   lost is cancelled at once, sequence numbers increase, and no crewed
///   aircraft is ever declared uncrewed;
/// - what the remaining sensors still cover stays tracked: a drone heard
///   by two or more live arrays while the radar is down (see the FIXME), a
///   drone in the radar's view while arrays are dead;
/// - when a sensor comes back, its targets are tracked again within 20 s.
@Suite struct SensorOutageTests {
    static let seeds = UInt64(1)...5
    static let radar = SensorIndex(1)
    /// The seven arrays of the hard cases' site (`HardCaseSetup`).
    static let arrays = (100...106).map { SensorIndex($0) }

    static func at(_ s: Double) -> Int64 { Scenario.defaultStartNs + Int64(s * 1e9) }

    /// Matched and present truth-seconds of uncrewed targets, in one phase.
    struct Share: CustomStringConvertible {
        var matched = 0
        var present = 0
        mutating func add(_ isMatched: Bool) {
            present += 1
            if isMatched { matched += 1 }
        }
        var value: Double { present == 0 ? 1 : Double(matched) / Double(present) }
        var description: String { "\(matched)/\(present)" }
    }

    struct Run {
        var outcome = CueingHardCaseTests.Outcome()
        var crewedDeclaredUncrewed: [String] = []
    }

    /// Runs `hardCase` over the seeds with `outages`; `observe` gets each
    /// snapshot, the live sensors' setup and, per uncrewed truth present,
    /// whether a track is matched to it.
    static func run(
        _ hardCase: HardCase, outages: [SensorOutage],
        observe: (HardCaseSetup, Int64, TruthSample, Bool) -> Void
    ) -> Run {
        var result = Run()
        for seed in seeds {
            CueingHardCaseTests.run(hardCase, seed: seed, outages: outages, into: &result.outcome) {
                setup, snapshot, matches in
                var matched: Set<Int> = []
                for (k, id) in matches.enumerated() {
                    guard let id else { continue }
                    matched.insert(id)
                    let track = snapshot.tracks[k]
                    if track.belief.declared == .uncrewed,
                        snapshot.truths.first(where: { $0.id == id })?.kind.truthClass == .crewed
                    {
                        result.crewedDeclaredUncrewed.append("seed \(seed) track \(track.id) t=\(snapshot.timeNs)")
                    }
                }
                for truth in snapshot.truths where truth.kind.truthClass == .uncrewed {
                    observe(setup, snapshot.timeNs, truth, matched.contains(truth.id))
                }
            }
        }
        return result
    }

    static func expectSafe(_ run: Run, _ name: String) {
        #expect(run.outcome.problems.isEmpty, "\(name): \(run.outcome.problems.count): \(run.outcome.problems.prefix(5))")
        #expect(run.crewedDeclaredUncrewed.isEmpty, "\(name): \(run.crewedDeclaredUncrewed.prefix(5))")
    }

    @Test func theRadarTripsFor90Seconds() {
        let outages = [SensorOutage(sensor: Self.radar, fromNs: Self.at(60), toNs: Self.at(150))]
        // Uncrewed truth-seconds while the radar is down, by how many live
        // arrays hear the target (0, 1, 2, 3 or more); tracked again after.
        var byArrays = [Share](repeating: Share(), count: 4)
        var recovered = Share()
        for hardCase in [HardCase.multirotors, .lowSlowHelicopter, .droneLikeLightAircraft] {
            let run = Self.run(hardCase, outages: outages) { setup, t, truth, matched in
                // From 10 s after the trip: the arrays alone.
                if t >= Self.at(70) && t < Self.at(150) {
                    byArrays[min(setup.arraysHearing(truth, atNs: t), 3)].add(matched)
                }
                if t >= Self.at(170) && setup.radarSees(truth, atNs: t) { recovered.add(matched) }
            }
            print("\(hardCase), radar down 60-150 s: cues \(run.outcome.counts), cancels \(run.outcome.cancelReasons)")
            Self.expectSafe(run, "\(hardCase)")
        }
        var heard = byArrays[2]
        heard.matched += byArrays[3].matched
        heard.present += byArrays[3].present
        print("radar down 60-150 s: tracked (within 500 m) when heard by 0/1/2/3+ arrays \(byArrays); in the radar's view after 170 s \(recovered)")
        #expect(heard.present > 0 && recovered.present > 0, "the phases must hold drones to show anything")
        // FIXME: 66 of 90 (73 %) measured (67 before session 5's merges).
        // The tracks are not lost: the misses are tracks fed by two arrays'
        // bearings for a minute, which drift 500-700 m (mostly in range)
        // from their drone. Radar-fed
        // tracks are exempt from the 3-sensor rule for bearing-only tracks
        // (`TrackerConfiguration.bearingSupportSensors`), so this is the
        // accuracy of two-bearing fixes at 1-2 km, not deletion.
        #expect(heard.value >= 0.7, "heard by 2 or more arrays while the radar is down: \(heard)")
        #expect(recovered.value >= 0.95, "in the radar's view again: \(recovered)")
    }

    @Test func fourArraysDieForGood() {
        // The array at the origin and three on the ring, 40 s in.
        let dead = [Self.arrays[0], Self.arrays[1], Self.arrays[3], Self.arrays[5]]
        let outages = dead.map { SensorOutage(sensor: $0, fromNs: Self.at(40)) }
        var seen = Share()
        let run = Self.run(.multirotors, outages: outages) { setup, t, truth, matched in
            if t >= Self.at(50) && setup.radarSees(truth, atNs: t) { seen.add(matched) }
        }
        print("multirotors, 4 of 7 arrays dead from 40 s: in the radar's view tracked \(seen); cues \(run.outcome.counts)")
        Self.expectSafe(run, "4 arrays dead")
        #expect(seen.present > 0)
        #expect(seen.value >= 0.95, "in the radar's view: \(seen)")
    }

    @Test(arguments: [HardCase.multirotors, .jetDrones])
    func everySensorIsSilentFor30Seconds(_ hardCase: HardCase) {
        let outages = ([Self.radar, SensorIndex(2)] + Self.arrays).map {
            SensorOutage(sensor: $0, fromNs: Self.at(80), toNs: Self.at(110))
        }
        var recovered = Share()
        let run = Self.run(hardCase, outages: outages) { setup, t, truth, matched in
            if t >= Self.at(130) && setup.radarSees(truth, atNs: t) { recovered.add(matched) }
        }
        print("\(hardCase), all silent 80-110 s: in the radar's view after 130 s tracked \(recovered); cues \(run.outcome.counts), cancels \(run.outcome.cancelReasons)")
        Self.expectSafe(run, "\(hardCase) blackout")
        #expect(recovered.present > 0)
        #expect(recovered.value >= 0.95, "in the radar's view again: \(recovered)")
        // Tracks die in a 30 s silence (10 s coast limit): their cues are
        // cancelled as the coasting tracks' accuracy fails the cue quality
        // gate, or at the latest as the tracks are lost (no cue stays in
        // force on a lost track: `expectSafe`), and new ones follow.
        let cancelledForSilence = (run.outcome.cancelReasons[.trackQuality] ?? 0) + (run.outcome.cancelReasons[.trackLost] ?? 0)
        #expect(cancelledForSilence > 0, "\(run.outcome.cancelReasons)")
    }
}
