import FusionCore
import FusionMath
import Simulation
import Testing

/// The lag window of a track (`FixedLagHistory`) is bounded by time: what a
/// dense acoustic track receives within the lag is fused exactly, whatever
/// its delay and order; what is older is dropped and said to be.
@Suite struct FixedLagHistoryTests {
    typealias History = FixedLagHistory<StandardIMM, 32>
    static let second: Int64 = 1_000_000_000

    static func start() -> StandardIMM {
        var cov = StateCovariance.zero
        for i in 0..<3 { cov[i, i] = 200 * 200 }
        for i in 3..<6 { cov[i, i] = 50 * 50 }
        return StandardIMM.standard(state: GaussianState(mean: .zero, covariance: cov, timeNs: 0))
    }

    /// 8 measurements a second (8 sensors at 1 Hz) of a target at 40 m/s for
    /// 12 s, position noise 50 m.
    static func measurements(seed: UInt64) -> [Measurement] {
        var g = SeededGenerator(seed: seed)
        return (0..<96).map { k in
            let t = Int64(k) * second / 8 + 1
            let s = Double(t) * 1e-9
            let truth = Vector3(40 * s, 10 * s, 300)
            let noisy = Vector3(truth.x + 50 * g.normal(), truth.y + 50 * g.normal(), truth.z + 50 * g.normal())
            return .position(timeNs: t, sensor: SensorIndex(k % 8), enu: noisy, sigmaHorizontalM: 50, sigmaVerticalM: 50)
        }
    }

    /// Each measurement delivered 0-3 s after its time, in arrival order, under
    /// a 4 s lag: every one is fused (none too late, none lost to a full
    /// window), and the final estimate is the in-order one.
    @Test(arguments: UInt64(1)...5) func measurementsUpToThreeSecondsLateAreFusedExactly(seed: UInt64) {
        let lagNs = 4 * Self.second
        let ms = Self.measurements(seed: seed)
        var g = SeededGenerator(seed: seed &+ 1_000)
        let arrivals = ms.map { $0.timeNs + Int64(g.uniform(0, 3) * 1e9) }
        let delivered = ms.indices.sorted { arrivals[$0] < arrivals[$1] }.map { ms[$0] }
        var reference = Self.start(), delayed = Self.start()
        var referenceHistory = History(start: reference), delayedHistory = History(start: delayed)
        var pool = LagEntryPool(capacity: 2 * History.capacity)
        for m in ms { #expect(referenceHistory.add(m, to: &reference, lagNs: lagNs, pool: &pool) == .inOrder) }
        var reprocessed = 0
        for m in delivered {
            let outcome = delayedHistory.add(m, to: &delayed, lagNs: lagNs, pool: &pool)
            #expect(outcome == .inOrder || outcome == .reprocessed, "\(m.timeNs): \(outcome)")
            if outcome == .reprocessed { reprocessed += 1 }
            #expect(delayedHistory.count <= History.capacity)
        }
        #expect(reprocessed > 40)
        let a = reference.state, b = delayed.state
        #expect(a.timeNs == b.timeNs)
        for i in 0..<6 {
            #expect(abs(a.mean[i] - b.mean[i]) <= 1e-6 * max(1, abs(a.mean[i])), "component \(i)")
            #expect(abs(a.covariance[i, i] - b.covariance[i, i]) <= 1e-6 * a.covariance[i, i], "variance \(i)")
        }
    }

    /// A measurement further behind the track's newest than the lag is
    /// dropped as too late; one within the lag that a full window can no
    /// longer take is dropped as `windowFull` (the engine counts both).
    @Test func whatTheWindowCannotTakeIsDroppedAndNamed() {
        let ms = Self.measurements(seed: 9)
        var filter = Self.start()
        var history = History(start: filter)
        var pool = LagEntryPool(capacity: 2 * History.capacity)
        for m in ms where m.timeNs <= 6 * Self.second { _ = history.add(m, to: &filter, lagNs: 4 * Self.second, pool: &pool) }
        var old = ms[0]
        old.timeNs = 6 * Self.second - 5 * Self.second
        #expect(history.add(old, to: &filter, lagNs: 4 * Self.second, pool: &pool) == .tooLate)
        // 64 a second: 32 entries hold half a second, less than the lag.
        var dense = Self.start()
        var full = History(start: dense)
        for k in 0..<128 {
            var m = ms[k % ms.count]
            m.timeNs = Int64(k) * Self.second / 64 + 1
            _ = full.add(m, to: &dense, lagNs: 4 * Self.second, pool: &pool)
        }
        #expect(full.count == History.capacity)
        var late = ms[0]
        late.timeNs = Self.second
        #expect(full.add(late, to: &dense, lagNs: 4 * Self.second, pool: &pool) == .windowFull)
    }
}
