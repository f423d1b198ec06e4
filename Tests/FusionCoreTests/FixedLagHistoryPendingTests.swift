import FusionMath
import Testing

import FusionCore

/// The lag window's contract: a late measurement inside the lag gives the
/// live filter exactly (bit for bit) what in-order processing gives, now
/// that the checkpoint advances by copying a pending snapshot instead of
/// fusing every measurement a second time.
@Suite struct FixedLagHistoryPendingTests {
    static let second: Int64 = 1_000_000_000

    /// Position plots of a target flying east at 30 m/s, one a second, with
    /// a little deterministic scatter.
    static func plots(count: Int) -> [Measurement] {
        (0..<count).map { k in
            let t = Double(k)
            let wobble = Vector3(7 * Math.sin(1.3 * t), 5 * Math.cos(0.7 * t), 2 * Math.sin(0.3 * t))
            return Measurement.position(
                timeNs: Int64(k) * second, sensor: 1, enu: Vector3(30 * t, 1_000, 300) + wobble,
                sigmaHorizontalM: 10, sigmaVerticalM: 15)
        }
    }

    static func start() -> StandardIMM {
        var cov = StateCovariance.zero
        for i in 0..<3 { cov[i, i] = 400 }
        for i in 3..<6 { cov[i, i] = 900 }
        let mean = StateVector([0, 1_000, 300, 0, 0, 0])
        return StandardIMM.standard(state: GaussianState(mean: mean, covariance: cov, timeNs: 0))
    }

    static func expectSame(_ a: StandardIMM, _ b: StandardIMM, _ note: String) {
        #expect(a.state.timeNs == b.state.timeNs, "\(note): time")
        for i in 0..<6 {
            #expect(a.state.mean[i] == b.state.mean[i], "\(note): mean \(i)")
            for j in 0..<6 { #expect(a.state.covariance[i, j] == b.state.covariance[i, j], "\(note): P[\(i), \(j)]") }
        }
    }

    @Test func lateMeasurementsInsideTheLagGiveExactlyTheInOrderResult() {
        let lagNs = 5 * Self.second
        let plots = Self.plots(count: 40)
        var reference = Self.start()
        var referenceHistory = FixedLagHistory<StandardIMM, 8>(start: reference)
        var pool = LagEntryPool(
            capacity: 64, snapshotCapacity: 64, snapshotStride: MemoryLayout<StandardIMM.Snapshot>.stride)
        for m in plots { #expect(referenceHistory.add(m, to: &reference, lagNs: lagNs, pool: &pool) == .inOrder) }
        // Every 7th plot held back until 1, 3 or 4 newer ones are fused.
        for delayS in [1.0, 2.5, 4.0] {
            var live = Self.start()
            var history = FixedLagHistory<StandardIMM, 8>(start: live)
            var held: [Measurement] = []
            var reprocessed = 0
            for m in plots {
                if m.timeNs / Self.second % 7 == 3 { held.append(m) } else { _ = history.add(m, to: &live, lagNs: lagNs, pool: &pool) }
                // Released once a plot `delayS` newer has been fused.
                while let first = held.first, m.timeNs - first.timeNs >= Int64(delayS * 1e9) {
                    if history.add(first, to: &live, lagNs: lagNs, pool: &pool) == .reprocessed { reprocessed += 1 }
                    held.removeFirst()
                }
            }
            for m in held where history.add(m, to: &live, lagNs: lagNs, pool: &pool) == .reprocessed { reprocessed += 1 }
            #expect(reprocessed == 6, "delay \(delayS) s: \(reprocessed) reprocessed")
            Self.expectSame(live, reference, "delay \(delayS) s")
        }
    }

    @Test func packedStatesUnpackExactly() {
        var live = Self.start()
        var history = FixedLagHistory<StandardIMM, 8>(start: live)
        var pool = LagEntryPool(capacity: 8)
        for m in Self.plots(count: 12) { _ = history.add(m, to: &live, lagNs: 5 * Self.second, pool: &pool) }
        for j in 0..<4 {
            let s = live.modelStates[j]
            let back = PackedGaussianState(s).unpacked
            #expect(back.timeNs == s.timeNs)
            for a in 0..<6 {
                #expect(back.mean[a] == s.mean[a])
                for b in 0..<6 { #expect(back.covariance[a, b] == s.covariance[a, b]) }
            }
        }
        Self.expectSame(live.resumed(from: live.snapshot), live, "snapshot round trip")
    }
}
