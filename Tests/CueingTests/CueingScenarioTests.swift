import Cueing
import FusionCore
import FusionMath
import Simulation
import Testing

/// Scenario tests with synthetic constant-velocity tracks against one circle
/// zone (2 km radius at the origin) defended by an interceptor drone.
@Suite struct CueingScenarioTests {
    static let zone = Fixture.circle("NPP", east: 0, north: 0, radius: 2000)
    static let drone = Fixture.interceptor("IDR-1", zone: "NPP", kind: .interceptorDrone, at: Vector3(0, 0, 100), speed: 80, range: 12000)

    static func engine(_ parameters: CueingParameters = CueingParameters()) -> CueingEngine {
        Fixture.engine(zones: [zone], interceptors: [drone], parameters: parameters)
    }

    /// A track inbound from the east at 30 m/s, `t` seconds after `t0`.
    static func inbound(_ id: UInt32, _ cls: TargetClass, t: Double, status: ThreatTrack.Status = .confirmed, from x: Double = 12000)
        -> ThreatTrack
    {
        let now = Fixture.t0 + Int64(t * 1e9)
        return Fixture.track(id, cls, at: Vector3(x - 30 * t, 0, 300), velocity: Vector3(-30, 0, 0), timeNs: now, status: status)
    }

    @Test func uncrewedInboundGetsANewCueWellBeforeEntry() {
        var engine = Self.engine()
        let events = Fixture.step(&engine, at: Fixture.t0, [Self.inbound(17, .uncrewed, t: 0)])
        #expect(events.count == 1)
        guard let e = events.first else { return }
        #expect(e.kind == .new && e.trackId == 17 && e.targetClass == .uncrewed)
        #expect(e.zoneName == Fixture.name("NPP") && e.interceptorName == Fixture.name("IDR-1"))
        // 10 km to the zone edge at 30 m/s: about 333 s; the conservative
        // (2-sigma) entry is earlier, but minutes ahead.
        let entryS = Double(e.zoneEntryNs - e.timeNs) * 1e-9
        #expect(entryS > 250 && entryS <= 10000.0 / 30 + 1e-6)
        // Head-on from the centre: 11.9 km closing at 110 m/s, long before entry.
        let interceptS = Double(e.interceptTimeNs - e.timeNs) * 1e-9
        #expect(abs(interceptS - ((12000 - 30 * interceptS) - 0).magnitude / 80) < 0.5)
        #expect(e.interceptTimeNs < e.zoneEntryNs)
        // WGS84 forms are the ENU ones through the node's frame.
        let back = Fixture.frame.enu(from: e.interceptPoint)
        #expect(back.isApproximatelyEqual(to: e.interceptPointENU, absoluteTolerance: 1e-3))
        #expect(Fixture.frame.enu(from: e.targetPosition).isApproximatelyEqual(to: e.targetPositionENU, absoluteTolerance: 1e-3))
        #expect(abs(e.horizontalSigmaM - 10) < 1e-9)
    }

    /// Crewed, bird and unknown tracks, and tentative uncrewed ones, flying
    /// straight in (one starting inside) never get a cue over a whole run,
    /// while an uncrewed confirmed track in the same picture does.
    @Test func onlyConfirmedUncrewedTracksAreEverCued() {
        var engine = Self.engine()
        var ledger = CueLedger()
        for step in 0..<400 {
            let t = Double(step)
            let tracks = [
                Self.inbound(1, .crewed, t: t), Self.inbound(2, .bird, t: t), Self.inbound(3, .unknown, t: t),
                Self.inbound(4, .uncrewed, t: t, status: .tentative), Self.inbound(5, .crewed, t: t, from: 1000),
                Self.inbound(6, .unknown, t: t, from: 500), Self.inbound(9, .uncrewed, t: t, from: 11000),
            ]
            let events = Fixture.step(&engine, at: Fixture.t0 + Int64(step) * Fixture.second, tracks)
            #expect(events.allSatisfy { $0.trackId == 9 })
            ledger.record(events, tracks: tracks)
        }
        #expect(ledger.problems.isEmpty, "\(ledger.problems.prefix(3))")
        #expect(ledger.counts[.new] == 1)
    }

    /// A cue is cancelled in the very step its track stops being uncrewed.
    @Test(arguments: [TargetClass.unknown, .crewed, .bird])
    func reclassificationCancelsInTheSameStep(newClass: TargetClass) {
        var engine = Self.engine()
        var ledger = CueLedger()
        for step in 0..<40 {
            let cls: TargetClass = step < 10 ? .uncrewed : newClass
            let tracks = [Self.inbound(17, cls, t: Double(step))]
            let events = Fixture.step(&engine, at: Fixture.t0 + Int64(step) * Fixture.second, tracks)
            ledger.record(events, tracks: tracks)
            if step == 0 { #expect(events.map(\.kind) == [.new]) }
            if step == 10 {
                #expect(events.count == 1)
                #expect(events.first?.kind == .cancel && events.first?.cancelReason == .reclassified)
                #expect(events.first?.targetClass == newClass)
            }
            if step > 10 { #expect(events.isEmpty) }
            #expect(engine.activeCueCount == (step < 10 ? 1 : 0))
        }
        #expect(ledger.problems.isEmpty, "\(ledger.problems.prefix(3))")
    }

    /// Dropping back to tentative (or an unusable state) cancels too.
    @Test func losingConfirmationCancels() {
        var engine = Self.engine()
        _ = Fixture.step(&engine, at: Fixture.t0, [Self.inbound(17, .uncrewed, t: 0)])
        let events = Fixture.step(&engine, at: Fixture.t0 + Fixture.second, [Self.inbound(17, .uncrewed, t: 1, status: .tentative)])
        #expect(events.map(\.cancelReason) == [.notConfirmed])
    }

    @Test func losingTheTrackCancelsInTheSameStep() {
        var engine = Self.engine()
        var ledger = CueLedger()
        let first = [Self.inbound(17, .uncrewed, t: 0), Self.inbound(18, .uncrewed, t: 0, from: 11000)]
        ledger.record(Fixture.step(&engine, at: Fixture.t0, first), tracks: first)
        #expect(engine.activeCueCount == 1)  // one drone, capacity 1: the nearer threat holds it
        let second = [Self.inbound(17, .uncrewed, t: 1)]
        let events = Fixture.step(&engine, at: Fixture.t0 + Fixture.second, second)
        ledger.record(events, tracks: second)
        // Track 18 (the earlier entry) is gone: its cue is cancelled and the
        // freed drone goes to 17 in the same step, cancel first.
        #expect(events.map(\.kind) == [.cancel, .new])
        #expect(events.first?.cancelReason == .trackLost && events.first?.trackId == 18)
        #expect(events.last?.trackId == 17)
        #expect(ledger.problems.isEmpty, "\(ledger.problems.prefix(3))")
    }

    /// Turning away cancels with `.noLongerThreat` once no sigma trajectory
    /// enters the zone.
    @Test func turningAwayCancels() {
        var engine = Self.engine()
        _ = Fixture.step(&engine, at: Fixture.t0, [Self.inbound(17, .uncrewed, t: 0)])
        let away = Fixture.track(17, .uncrewed, at: Vector3(11970, 0, 300), velocity: Vector3(30, 0, 0), timeNs: Fixture.t0 + Fixture.second)
        let events = Fixture.step(&engine, at: Fixture.t0 + Fixture.second, [away])
        #expect(events.map(\.cancelReason) == [.noLongerThreat])
    }

    /// Threats come ranked by entry time; a track already inside enters now.
    @Test func threatsAreRankedByEntryTime() {
        var engine = Self.engine()
        var rng = SeededGenerator(seed: 3)
        var tracks: [ThreatTrack] = []
        for id in 0..<12 {
            let r = rng.uniform(0, 14000), a = rng.uniform(0, 2 * Double.pi)
            let p = Vector3(r * Math.cos(a), r * Math.sin(a), 500)
            let v = (rng.uniform(10, 60) / p.norm) * Vector3(-p.x, -p.y, 0)
            tracks.append(Fixture.track(UInt32(id), .uncrewed, at: p, velocity: v, timeNs: Fixture.t0))
        }
        _ = Fixture.step(&engine, at: Fixture.t0, tracks)
        var entries: [(UInt32, Int64)] = []
        engine.forEachThreat { entries.append(($0.trackId, $0.entryNs)) }
        #expect(entries.count == 12)
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.1 <= $1.1 })
        for (id, entry) in entries where tracks[Int(id)].state.position.norm <= 2000 {
            #expect(entry == Fixture.t0)
        }
    }

    /// Updates come at most once a second per cue, even when every step
    /// would qualify. (A launched interceptor's intercept, "if launched
    /// now", drifts while it waits, so with zero thresholds each step
    /// qualifies.) Cancels are never delayed.
    @Test func updatesAreRateLimitedToOneHertz() {
        var parameters = CueingParameters()
        parameters.updateDistanceM = 0
        parameters.updateTimeS = 0
        var engine = Self.engine(parameters)
        var ledger = CueLedger()
        var lastNs: Int64? = nil
        for step in 0..<600 {  // 60 s at 10 Hz
            let now = Fixture.t0 + Int64(step) * 100_000_000
            let tracks = [Self.inbound(17, .uncrewed, t: Double(step) * 0.1)]
            let events = Fixture.step(&engine, at: now, tracks)
            ledger.record(events, tracks: tracks)
            for e in events {
                if let last = lastNs { #expect(e.timeNs - last >= Fixture.second) }
                lastNs = e.timeNs
            }
        }
        #expect(ledger.problems.isEmpty, "\(ledger.problems.prefix(3))")
        #expect(ledger.counts[.new] == 1 && ledger.counts[.cancel] == nil)
        #expect((ledger.counts[.update] ?? 0) >= 55)
    }

    /// With the default thresholds, against a gun team (whose intercept, the
    /// entry into its range, stays put for a steady target): a steady target
    /// measured with noise gets no update in 60 s, a weaving one gets
    /// updates, each at least a second apart and each moving the intercept
    /// point by more than 50 m or its time by more than 1 s.
    @Test func updatesNeedTheInterceptToMove() {
        let gun = Fixture.interceptor("GUN-1", zone: "NPP", kind: .gunTeam, at: Vector3(0, 0, 0), speed: 0, range: 2500)
        var rng = SeededGenerator(seed: 9)
        for weaving in [false, true] {
            var engine = Fixture.engine(zones: [Self.zone], interceptors: [gun])
            var ledger = CueLedger()
            var last: CueEvent? = nil
            var position = Vector3(12000, 0, 300)
            for step in 0..<600 {  // 60 s at 10 Hz
                let t = Double(step) * 0.1
                let now = Fixture.t0 + Int64(step) * 100_000_000
                let heading = Double.pi + (weaving ? 0.1 * Math.sin(t / 4) : 0)
                let v = Vector3(30 * Math.cos(heading), 30 * Math.sin(heading), 0)
                if step > 0 { position += 0.1 * v }
                let noisy = position + Vector3(rng.normal(mean: 0, sigma: 3), rng.normal(mean: 0, sigma: 3), 0)
                let vn = v + Vector3(rng.normal(mean: 0, sigma: 0.01), rng.normal(mean: 0, sigma: 0.01), 0)
                let tracks = [Fixture.track(17, .uncrewed, at: noisy, velocity: vn, timeNs: now)]
                let events = Fixture.step(&engine, at: now, tracks)
                ledger.record(events, tracks: tracks)
                for e in events {
                    if let previous = last, e.kind == .update {
                        #expect(e.timeNs - previous.timeNs >= Fixture.second)
                        let moved = (e.interceptPointENU - previous.interceptPointENU).norm
                        let shifted = Double(abs(e.interceptTimeNs - previous.interceptTimeNs)) * 1e-9
                        #expect(moved > 50 || shifted > 1)
                    }
                    last = e
                }
            }
            #expect(ledger.problems.isEmpty, "\(ledger.problems.prefix(3))")
            #expect(ledger.counts[.new] == 1 && ledger.counts[.cancel] == nil)
            if weaving {
                #expect((ledger.counts[.update] ?? 0) >= 5)
            } else {
                #expect(ledger.counts[.update] == nil)
            }
        }
    }

    /// When the better interceptor frees up, a threat held by a worse one
    /// moves to it in the same step (cancel `.reassigned`, then new).
    @Test func movesToABetterInterceptorWhenItFreesUp() {
        let near = Fixture.interceptor("EAST", zone: "NPP", kind: .interceptorDrone, at: Vector3(2000, 0, 100), speed: 80, range: 15000)
        let far = Fixture.interceptor("WEST", zone: "NPP", kind: .interceptorDrone, at: Vector3(-2000, 0, 100), speed: 80, range: 15000)
        var engine = Fixture.engine(zones: [Self.zone], interceptors: [far, near])
        var ledger = CueLedger()
        let both = [Self.inbound(1, .uncrewed, t: 0, from: 9000), Self.inbound(2, .uncrewed, t: 0, from: 10000)]
        let first = Fixture.step(&engine, at: Fixture.t0, both)
        ledger.record(first, tracks: both)
        #expect(first.map(\.trackId) == [1, 2] && first.map(\.interceptorName) == [Fixture.name("EAST"), Fixture.name("WEST")])
        let alone = [Self.inbound(2, .uncrewed, t: 1, from: 10000)]
        let second = Fixture.step(&engine, at: Fixture.t0 + Fixture.second, alone)
        ledger.record(second, tracks: alone)
        #expect(second.map(\.kind) == [.cancel, .cancel, .new])
        #expect(Set(second.prefix(2).map(\.cancelReason)) == [.trackLost, .reassigned])
        #expect(second.last?.trackId == 2 && second.last?.interceptorName == Fixture.name("EAST"))
        #expect(ledger.problems.isEmpty, "\(ledger.problems.prefix(3))")
        #expect(engine.statistics.reassignments == 1)
    }

    /// A reload that keeps the names keeps the cues; one that drops the
    /// interceptor cancels its cue at the next step.
    @Test func reconfigurationKeepsCuesByName() throws {
        var engine = Self.engine()
        _ = Fixture.step(&engine, at: Fixture.t0, [Self.inbound(17, .uncrewed, t: 0)])
        let other = Fixture.circle("CITY", east: 30000, north: 0, radius: 3000)
        let gun = Fixture.interceptor("GUN-1", zone: "CITY", kind: .gunTeam, at: Vector3(30000, 0, 0), speed: 0, range: 2500)
        try engine.configure(zones: [other, Self.zone], interceptors: [gun, Self.drone])
        let kept = Fixture.step(&engine, at: Fixture.t0 + 2 * Fixture.second, [Self.inbound(17, .uncrewed, t: 2)])
        // Same cue, now at new indices: an update carrying them, no cancel.
        #expect(kept.map(\.kind) == [.update])
        #expect(kept.first?.interceptorIndex == 1 && kept.first?.zoneIndex == 1)
        try engine.configure(zones: [other], interceptors: [gun])
        let dropped = Fixture.step(&engine, at: Fixture.t0 + 4 * Fixture.second, [Self.inbound(17, .uncrewed, t: 4)])
        #expect(dropped.map(\.cancelReason) == [.reconfigured])
        #expect(throws: CueingConfigurationError.unknownZone(interceptorIndex: 0)) {
            try engine.configure(zones: [other], interceptors: [Self.drone])
        }
    }

    /// No code path can hold an engagement cue for a non-uncrewed class.
    @Test(arguments: [TargetClass.unknown, .crewed, .bird])
    func cueEventRefusesEngagementOfOtherClasses(cls: TargetClass) {
        for kind in [CueKind.new, .update] {
            #expect(throws: CueEventError.notUncrewed) {
                _ = try CueEvent(
                    nodeId: 7, sequence: 1, kind: kind, cancelReason: .none, timeNs: 0, trackId: 1, zoneIndex: 0,
                    zoneName: CueName(), interceptorIndex: 0, interceptorName: CueName(), targetClass: cls,
                    pUncrewed: 0.5, targetPositionENU: .zero, targetVelocityENU: .zero,
                    targetPosition: Fixture.frame.origin, targetVelocityECEF: .zero, horizontalSigmaM: 0,
                    verticalSigmaM: 0, velocitySigmaMps: 0, interceptPointENU: .zero, interceptPoint: Fixture.frame.origin,
                    interceptTimeNs: 0, zoneEntryNs: 0)
            }
        }
    }
}
