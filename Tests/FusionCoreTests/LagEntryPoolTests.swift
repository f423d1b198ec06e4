import FusionCore
import FusionMath
import Simulation
import Testing

/// The shared lag-window pool (`LagEntryPool`): the pooled history gives
/// exactly the results of the old inline window while the pool has room;
/// an empty pool costs lag, not tracks (counted, no crash); a deleted
/// track gives its entries back.
@Suite struct LagEntryPoolTests {
    static let second: Int64 = 1_000_000_000

    /// A pool of `entries` entries and `snapshots` replay snapshots.
    static func pool(_ entries: Int, snapshots: Int = 0) -> LagEntryPool {
        LagEntryPool(
            capacity: entries, snapshotCapacity: snapshots, snapshotStride: MemoryLayout<StandardIMM.Snapshot>.stride)
    }

    static func start() -> StandardIMM {
        var cov = StateCovariance.zero
        for i in 0..<3 { cov[i, i] = 300 * 300 }
        for i in 3..<6 { cov[i, i] = 60 * 60 }
        let mean = StateVector([2_000, 3_000, 400, 0, 0, 0])
        return StandardIMM.standard(state: GaussianState(mean: mean, covariance: cov, timeNs: 0))
    }

    /// Bit for bit: every model state, the probabilities and the combined state.
    static func same(_ a: StandardIMM, _ b: StandardIMM) -> Bool {
        guard (0..<4).allSatisfy({ a.probabilities[$0].bitPattern == b.probabilities[$0].bitPattern }) else { return false }
        let states = [(a.state, b.state)] + (0..<4).map { (a.modelStates[$0], b.modelStates[$0]) }
        return states.allSatisfy { x, y in
            x.timeNs == y.timeNs && (0..<6).allSatisfy { i in
                x.mean[i].bitPattern == y.mean[i].bitPattern
                    && (0..<6).allSatisfy { j in x.covariance[i, j].bitPattern == y.covariance[i, j].bitPattern }
            }
        }
    }

    /// A manoeuvring target seen by two fixed radars, a radar on a moving
    /// vehicle (a new pose each plot) and ADS-B positions, 2-6 plots a
    /// second for 40 s; each plot is late by 0-5 s with probability
    /// `lateShare`, in arrival order.
    static func delivery(seed: UInt64, lateShare: Double) -> [Measurement] {
        var g = SeededGenerator(seed: seed)
        var ms: [(arrivalNs: Int64, m: Measurement)] = []
        var t: Int64 = 100_000_000
        while t < 40 * second {
            let s = Double(t) * 1e-9
            let truth = Vector3(2_000 + 40 * s + 200 * Math.sin(0.05 * s), 3_000 + 25 * s, 400 + 2 * s)
            let m: Measurement
            switch Int(g.uniform(0, 4)) {
            case 3:
                let noisy = Vector3(truth.x + 20 * g.normal(), truth.y + 20 * g.normal(), truth.z + 30 * g.normal())
                m = .position(timeNs: t, sensor: 9, enu: noisy, sigmaHorizontalM: 20, sigmaVerticalM: 30)
            case let k:
                let site = k == 2 ? Vector3(100 * s, -500, 5) : Vector3(Double(k) * 6_000, 0, 20)
                let d = truth - site
                let r = d.norm
                m = .radar(
                    timeNs: t, sensor: SensorIndex(k + 1), pose: SensorPose(positionENU: site),
                    rangeM: r + 15 * g.normal(), azimuthRad: Math.atan2(d.x, d.y) + 0.004 * g.normal(),
                    elevationRad: Math.asin(d.z / r) + 0.006 * g.normal(), rangeRateMps: nil,
                    sigmaRangeM: 15, sigmaAzimuthRad: 0.004, sigmaElevationRad: 0.006, sigmaRangeRateMps: 1)
            }
            let delayNs = g.uniform(0, 1) < lateShare ? Int64(g.uniform(0, 5) * 1e9) : 0
            ms.append((t + delayNs, m))
            t += Int64(g.uniform(0.15, 0.5) * 1e9)
        }
        return ms.sorted { $0.arrivalNs < $1.arrivalNs }.map(\.m)
    }

    /// Property: on random late, reordered, multi-sensor sequences the
    /// pooled history and the old inline one give the same outcome at every
    /// step and the same filter bit for bit, for a window of 8 (full often)
    /// and of 32, with replay snapshots (odd seeds; replays then start from
    /// the newest entry snapshot before the late measurement) and without;
    /// the pool then holds exactly the window, and nothing once the history
    /// is released.
    @Test(arguments: UInt64(1)...12) func pooledHistoryEqualsTheInlineWindow(seed: UInt64) {
        let snapshots = seed % 2 == 1 ? 64 : 0
        let lagNs = 4 * Self.second
        let ms = Self.delivery(seed: seed, lateShare: seed % 3 == 0 ? 0.8 : 0.4)
        var outcomes: [FixedLagHistory<StandardIMM, 8>.Outcome: Int] = [:]
        do {
            var pool = Self.pool(8, snapshots: snapshots)
            var live = Self.start(), oldLive = Self.start()
            var history = FixedLagHistory<StandardIMM, 8>(start: live)
            var old = InlineLagHistoryReference<8>(start: oldLive)
            for (k, m) in ms.enumerated() {
                let outcome = history.add(m, to: &live, lagNs: lagNs, pool: &pool)
                #expect(outcome == old.add(m, to: &oldLive, lagNs: lagNs), "seed \(seed) step \(k)")
                #expect(Self.same(live, oldLive), "seed \(seed) step \(k), K 8: filters differ")
                #expect(pool.inUse == history.count && history.count == old.entries.count)
                outcomes[outcome, default: 0] += 1
            }
            #expect(pool.exhaustedCount == 0)
            history.release(to: &pool)
            #expect(pool.inUse == 0 && pool.snapshotsInUse == 0)
        }
        #expect(outcomes[.reprocessed, default: 0] > 10, "\(outcomes)")
        var pool = Self.pool(32, snapshots: snapshots)
        var peakSnapshots = 0
        var live = Self.start(), oldLive = Self.start()
        var history = FixedLagHistory<StandardIMM, 32>(start: live)
        var old = InlineLagHistoryReference<32>(start: oldLive)
        for (k, m) in ms.enumerated() {
            #expect(history.add(m, to: &live, lagNs: lagNs, pool: &pool) == old.add(m, to: &oldLive, lagNs: lagNs))
            #expect(Self.same(live, oldLive), "seed \(seed) step \(k), K 32: filters differ")
            peakSnapshots = max(peakSnapshots, pool.snapshotsInUse)
        }
        #expect(pool.inUse == history.count && pool.exhaustedCount == 0)
        #expect(snapshots == 0 ? peakSnapshots == 0 : peakSnapshots >= 4, "\(peakSnapshots) replay snapshots")
    }

    /// Two windows sharing a pool too small for both (6 entries; each
    /// wants 8-16 at 2-6 plots a second and a 4 s lag), fed the same plots
    /// and two plots (one and six back) a second time, late, every tenth: every shortage is counted,
    /// the windows fold their oldest entries early and keep fusing, the
    /// late plots they can no longer take are `windowFull` (as with a full
    /// window), and the in-order filters are exactly those of in-order
    /// processing. With room, every late plot is fused.
    @Test(arguments: [6, 64]) func anEmptyPoolCostsLagNotTracks(capacity: Int) {
        let lagNs = 4 * Self.second
        let ms = Self.delivery(seed: 77, lateShare: 0)
        var pool = Self.pool(capacity, snapshots: 4)
        var a = Self.start(), b = Self.start(), reference = Self.start()
        var historyA = FixedLagHistory<StandardIMM, 32>(start: a)
        var historyB = FixedLagHistory<StandardIMM, 32>(start: b)
        var late: [FixedLagHistory<StandardIMM, 32>.Outcome: Int] = [:]
        for (k, m) in ms.enumerated() {
            _ = try? reference.update(with: m)
            #expect(historyA.add(m, to: &a, lagNs: lagNs, pool: &pool) == .inOrder)
            #expect(historyB.add(m, to: &b, lagNs: lagNs, pool: &pool) == .inOrder)
            if k < 20 { #expect(Self.same(a, reference) && Self.same(b, reference), "step \(k)") }
            #expect(pool.inUse == historyA.count + historyB.count && pool.inUse <= pool.capacity)
            guard k >= 20, k % 10 == 0 else { continue }
            for back in [6, 1] {
                var again = ms[k - back]
                again.timeNs += 1
                late[historyA.add(again, to: &a, lagNs: lagNs, pool: &pool), default: 0] += 1
                late[historyB.add(again, to: &b, lagNs: lagNs, pool: &pool), default: 0] += 1
            }
        }
        let total = late.values.reduce(0, +)
        #expect(total > 10)
        if capacity < 16 {
            #expect(pool.exhaustedCount > 50)
            #expect(late[.reprocessed, default: 0] > 0, "\(late)")
            #expect(late[.windowFull, default: 0] > 0, "\(late)")
            #expect(late[.reprocessed, default: 0] + late[.windowFull, default: 0] == total, "\(late)")
        } else {
            #expect(pool.exhaustedCount == 0)
            #expect(late[.reprocessed, default: 0] == total, "\(late)")
        }
        historyA.release(to: &pool)
        historyB.release(to: &pool)
        #expect(pool.inUse == 0 && pool.snapshotsInUse == 0)
    }

    static func radar(_ scenario: Scenario, clutter: Double) -> RadarSensorModel {
        var r = RadarSensorModel(sensor: 1, positionENU: Vector3(0, 0, 20), frame: scenario.frame)
        r.clutterMeanPerScan = clutter
        r.maxRangeM = 20_000
        return r
    }

    /// Entries in the pool: exactly those of the live tracks' windows.
    static func entriesHeld(_ engine: borrowing FusionEngine) -> Int {
        (0..<engine.tracks.count).reduce(0) { $0 + engine.tracks[engine.tracks.slot(atActiveIndex: $1)].history.count }
    }

    /// An engine whose pool holds one entry per slot (30 targets need
    /// 4-8 each) under 20 % late plots: the shortage is counted, and the
    /// tracks are confirmed and kept as with a pool of room.
    @Test func engineWithAShortPoolKeepsTracking() {
        let scenario = Scenario.randomTargets(
            count: 30, kinds: [.pistonDrone, .multirotor, .jetDrone], halfWidthM: 9_000, durationS: 150, seed: 3)
        let feed = SensorFeed(scenario: scenario, radars: [Self.radar(scenario, clutter: 2)], seed: 3)
            .delaying(LateDelivery(fraction: 0.2, delayS: 0.5...3), seed: 103)
        func run(entriesPerTrack: Int) -> (confirmed: Int, counters: EngineCounters, held: Int, inUse: Int) {
            var configuration = TrackerConfiguration()
            configuration.capacity = 100
            configuration.lagEntriesPerTrack = entriesPerTrack
            var engine = FusionEngine(configuration: configuration)
            TrackingRun.run(feed, scenario: scenario, engine: &engine) { _ in }
            var confirmed = 0
            engine.forEachReportableTrack(atNs: scenario.endNs) { _ in confirmed += 1 }
            return (confirmed, engine.counters, Self.entriesHeld(engine), engine.lagPool.inUse)
        }
        let roomy = run(entriesPerTrack: 40)
        let short = run(entriesPerTrack: 1)
        #expect(roomy.counters.lagPoolExhausted == 0)
        #expect(short.counters.lagPoolExhausted > 100, "\(short.counters)")
        #expect(short.held == short.inUse && roomy.held == roomy.inUse)
        #expect(roomy.confirmed >= 20)
        #expect(short.confirmed >= roomy.confirmed - 2, "\(short.confirmed) vs \(roomy.confirmed)")
        #expect(short.counters.lateFused > 0)
        #expect(short.counters.lateDroppedWindowFull > roomy.counters.lateDroppedWindowFull)
    }

    /// Track churn (clutter starts and ends tentative tracks every scan, for
    /// 6 simulated minutes): the pool holds exactly the live windows
    /// throughout, and nothing once every track is gone.
    @Test func deletedTracksGiveTheirEntriesBack() {
        let scenario = Scenario.randomTargets(count: 20, halfWidthM: 9_000, durationS: 360, seed: 5)
        let feed = SensorFeed(scenario: scenario, radars: [Self.radar(scenario, clutter: 15)], seed: 5)
        var configuration = TrackerConfiguration()
        configuration.capacity = 400
        var engine = FusionEngine(configuration: configuration)
        for r in feed.revisits { engine.setRevisit(sensor: r.sensor, periodNs: r.periodNs) }
        var nextNs = scenario.startNs + Self.second
        var mismatches = 0
        for batch in feed.batches {
            while batch.arrivalNs > nextNs {
                engine.maintain(atNs: nextNs)
                if engine.lagPool.inUse != Self.entriesHeld(engine) { mismatches += 1 }
                nextNs += Self.second
            }
            batch.detections.map(\.measurement).withUnsafeBufferPointer { engine.process($0) }
        }
        #expect(mismatches == 0)
        #expect(engine.counters.tracksDeleted > 2_000, "churn: \(engine.counters.tracksDeleted) deleted")
        #expect(engine.lagPool.peakInUse < 400, "peak \(engine.lagPool.peakInUse)")
        engine.maintain(atNs: scenario.endNs + 60 * Self.second)
        #expect(engine.tracks.count == 0)
        #expect(engine.lagPool.inUse == 0)
    }
}
