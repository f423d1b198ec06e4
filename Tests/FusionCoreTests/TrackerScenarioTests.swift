import FusionCore
import FusionMath
import Simulation
import Testing

/// Scenario tests of the whole tracker: simulate, run, score.
@Suite struct TrackerScenarioTests {
    static func radar(_ scenario: Scenario, clutter: Double = 0, sensor: SensorIndex = 1) -> RadarSensorModel {
        var r = RadarSensorModel(sensor: sensor, positionENU: Vector3(0, 0, 20), frame: scenario.frame)
        r.clutterMeanPerScan = clutter
        r.secondaryRadar = false
        r.maxRangeM = 20_000
        return r
    }

    @Test func singleDroneIsTrackedWithOneTrack() {
        let scenario = Scenario.single(kind: .pistonDrone, rangeM: 12_000, durationS: 200, seed: 4)
        let feed = SensorFeed(scenario: scenario, radars: [Self.radar(scenario)], seed: 4)
        var engine = FusionEngine()
        var scorer = RunScorer(scoreFromNs: scenario.startNs + 10_000_000_000)
        TrackingRun.run(feed, scenario: scenario, engine: &engine) { scorer.add($0) }
        #expect(scorer.falseTrackCount == 0)
        #expect(scorer.identitySwaps == 0)
        #expect(scorer.coverage > 0.95)
        #expect(scorer.rmsLocalisationM < 40)
        #expect(engine.counters.tracksConfirmed == 1)
    }
}

extension TrackerScenarioTests {
    /// Two drones crossing 100 m apart at right angles under a 1 s radar:
    /// the tracks keep their identities in at least 95 of 100 seeded runs.
    @Test func crossingTargetsKeepTheirIdentities() {
        var clean = 0
        for seed in UInt64(1)...100 {
            let scenario = Scenario.crossing(
                kind: .pistonDrone, separationM: 100, centre: Vector3(4_000, 3_000, 500), runS: 160, seed: seed)
            let feed = SensorFeed(scenario: scenario, radars: [Self.radar(scenario)], seed: seed)
            var engine = FusionEngine()
            var scorer = RunScorer(matchDistanceM: 300, scoreFromNs: scenario.startNs + 10_000_000_000)
            var firstTrack: [Int: UInt32] = [:]
            var lastTrack: [Int: UInt32] = [:]
            TrackingRun.run(feed, scenario: scenario, engine: &engine) { snapshot in
                let matches = scorer.match(snapshot)
                for (k, truth) in matches.enumerated() {
                    guard let truth, snapshot.timeNs > scenario.startNs + 10_000_000_000 else { continue }
                    if firstTrack[truth] == nil { firstTrack[truth] = snapshot.tracks[k].id }
                    lastTrack[truth] = snapshot.tracks[k].id
                }
            }
            let kept = firstTrack.count == 2 && firstTrack == lastTrack
            if kept { clean += 1 }
        }
        #expect(clean >= 95, "identities kept in \(clean) of 100 runs")
    }

    /// 20% of plots delivered 0.5-3 s late and out of order: every final
    /// track state is within one sigma of the same plots processed in time.
    @Test func lateAndReorderedPlotsGiveTheSameTracks() {
        for seed in UInt64(1)...5 {
            let scenario = Scenario.randomTargets(
                count: 8, kinds: [.pistonDrone, .multirotor, .jetDrone, .lightAircraft], halfWidthM: 9_000,
                durationS: 300, seed: seed)
            let inOrder = SensorFeed(scenario: scenario, radars: [Self.radar(scenario)], seed: seed)
            let late = inOrder.delaying(LateDelivery(fraction: 0.2, delayS: 0.5...3), seed: seed &+ 100)
            func finalTracks(_ feed: SensorFeed) -> ([TrackView], EngineCounters) {
                var engine = FusionEngine()
                TrackingRun.run(feed, scenario: scenario, engine: &engine) { _ in }
                var tracks: [TrackView] = []
                engine.forEachReportableTrack(atNs: scenario.endNs + 4_000_000_000) { tracks.append($0) }
                return (tracks, engine.counters)
            }
            let (reference, _) = finalTracks(inOrder)
            let (delayed, counters) = finalTracks(late)
            #expect(counters.lateFused > 100)
            #expect(counters.lateDropped == 0)
            #expect(!reference.isEmpty)
            for track in reference {
                // The same target's track in the delayed run: the nearest one.
                let other = delayed.min {
                    ($0.estimate.position - track.estimate.position).squaredNorm
                        < ($1.estimate.position - track.estimate.position).squaredNorm
                }
                guard let other else {
                    Issue.record("no track in the delayed run")
                    continue
                }
                for i in 0..<6 {
                    let sigma = track.estimate.covariance[i, i].squareRoot()
                    let delta = abs(other.estimate.mean[i] - track.estimate.mean[i])
                    #expect(delta <= sigma, "seed \(seed) track \(track.id) component \(i): \(delta) > \(sigma)")
                }
            }
        }
    }
}
