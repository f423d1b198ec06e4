import Cueing
import FusionCore
import FusionMath
import Simulation
import Testing

/// The partial step (`step(atNs:updated:emit:)`): what the node runs right
/// after a datagram, over the tracks that datagram updated, between the
/// periodic full steps.
@Suite struct CueingPartialStepTests {
    typealias P = CueingPropertyTests

    /// One partial step over `updated`; the events it sent, in order.
    static func partial(_ engine: inout CueingEngine, at nowNs: Int64, _ updated: [ThreatTrack]) -> [CueEvent] {
        var events: [CueEvent] = []
        updated.withUnsafeBufferPointer { buffer in
            engine.step(atNs: nowNs, updated: buffer) { events.append($0) }
        }
        return events
    }

    static func tracks(_ targets: [P.Target], at now: Int64, _ rng: inout SeededGenerator) -> [ThreatTrack] {
        targets.filter(\.present).map { t in
            let noise = Vector3(rng.normal(mean: 0, sigma: 15), rng.normal(mean: 0, sigma: 15), rng.normal(mean: 0, sigma: 5))
            return Fixture.track(
                t.id, t.targetClass, at: t.position + noise, velocity: t.velocity, timeNs: now, status: t.status,
                sigmaP: 15, sigmaV: 2)
        }
    }

    /// With every track listed, a partial step decides exactly what a full
    /// step decides (same events, same sequence numbers), and a full step
    /// right after it at the same time has nothing left to say.
    @Test func partialStepOverEveryTrackEqualsTheFullStep() {
        var rng = SeededGenerator(seed: 31)
        var compared = 0, decisions = 0
        for situation in 0..<10 {
            var full = Fixture.engine(zones: P.zones, interceptors: P.interceptors)
            var split = Fixture.engine(zones: P.zones, interceptors: P.interceptors)
            var targets = (0..<10).map { P.randomTarget(UInt32(situation * 100 + $0), &rng) }
            for step in 0..<120 {
                let now = Fixture.t0 + Int64(situation) * 10_000 * Fixture.second + Int64(step) * Fixture.second
                for i in targets.indices {
                    targets[i].position += targets[i].velocity
                    if rng.uniform() < 0.03 { targets[i].targetClass = [.uncrewed, .unknown, .crewed, .bird][Int(rng.next() % 4)] }
                    if rng.uniform() < 0.03 { targets[i].status = [.confirmed, .coasting, .tentative][Int(rng.next() % 3)] }
                }
                let tracks = Self.tracks(targets, at: now, &rng)
                let want = Fixture.step(&full, at: now, tracks)
                let got = Self.partial(&split, at: now, tracks)
                let after = Fixture.step(&split, at: now, tracks)
                #expect(got.map(Self.key) == want.map(Self.key), "situation \(situation) step \(step)")
                #expect(after.isEmpty, "the full step after a partial one over every track: \(after.map(Self.key))")
                compared += 1
                decisions += want.filter { $0.kind != .update }.count
            }
        }
        #expect(compared == 1_200 && decisions > 50, "the run must decide things: \(decisions)")
    }

    static func key(_ e: CueEvent) -> String {
        "\(e.sequence) \(e.kind) \(e.trackId) \(e.interceptorName) \(e.cancelReason)"
    }

    /// Random raids where each track is updated at its own times between
    /// full steps (each second), its class and status changing only when
    /// it is updated (as in the node: at a measurement, or at the periodic
    /// pass). Whatever the order: strictly increasing sequence, no second
    /// cue for a track, updates and cancels only for the cue in force,
    /// engagement cues only for tracks cueable in that very step, updates
    /// at most once a second, and no interceptor over capacity.
    @Test func partialStepsBetweenFullStepsKeepTheLifecycleRules() {
        var rng = SeededGenerator(seed: 4242)
        var problems: [String] = []
        var partialEvents = 0
        for situation in 0..<20 {
            var ledger = CueLedger()
            var engine = Fixture.engine(zones: P.zones, interceptors: P.interceptors)
            var targets = (0..<10).map { P.randomTarget(UInt32(situation * 100 + $0), &rng) }
            var lastUpdateNs: [UInt32: Int64] = [:]
            let base = Fixture.t0 + Int64(situation) * 10_000 * Fixture.second
            for tenth in 0..<1_200 {
                let now = base + Int64(tenth) * Fixture.second / 10
                for i in targets.indices { targets[i].position += 0.1 * targets[i].velocity }
                let events: [CueEvent]
                let listed: [ThreatTrack]
                if tenth % 10 == 0 {
                    for i in targets.indices where rng.uniform() < 0.02 { targets[i].present.toggle() }
                    listed = Self.tracks(targets, at: now, &rng)
                    events = Fixture.step(&engine, at: now, listed)
                } else {
                    var chosen: [P.Target] = []
                    for i in targets.indices where targets[i].present && rng.uniform() < 0.15 {
                        if rng.uniform() < 0.05 { targets[i].targetClass = [.uncrewed, .unknown, .crewed][Int(rng.next() % 3)] }
                        if rng.uniform() < 0.05 { targets[i].status = [.confirmed, .coasting, .tentative][Int(rng.next() % 3)] }
                        chosen.append(targets[i])
                    }
                    listed = Self.tracks(chosen, at: now, &rng)
                    events = Self.partial(&engine, at: now, listed)
                    partialEvents += events.count
                    for e in events where !listed.contains(where: { $0.id == e.trackId }) {
                        problems.append("partial step spoke of unlisted track \(e.trackId)")
                    }
                }
                ledger.record(events, tracks: listed)
                for e in events where e.kind == .update {
                    if let last = lastUpdateNs[e.trackId], now - last < Fixture.second {
                        problems.append("two updates of track \(e.trackId) within a second")
                    }
                }
                for e in events where e.kind != .cancel { lastUpdateNs[e.trackId] = now }
                var held = [Int](repeating: 0, count: P.interceptors.count)
                engine.forEachActiveCue { held[$0.interceptorIndex] += 1 }
                for k in held.indices where held[k] > P.interceptors[k].capacity {
                    problems.append("interceptor \(k) holds \(held[k])")
                }
                #expect(ledger.active.count == engine.activeCueCount)
            }
            problems += ledger.problems
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(partialEvents > 100, "partial steps must have cued: \(partialEvents)")
    }
}
