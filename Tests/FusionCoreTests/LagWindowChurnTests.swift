import FusionCore
import FusionMath
import Simulation
import Testing

/// Lag windows sharing one `LagEntryPool` under churn: late and reordered
/// data, pools with far too few entries or replay snapshots, tracks deleted
/// and started again. Every walk of the checks is bounded, so a broken
/// chain or free list fails a step instead of hanging the run.
@Suite struct LagWindowChurnTests {
    typealias Pooled = LagEntryPoolTests
    typealias History = FixedLagHistory<StandardIMM, 32>

    /// One track: the pooled window, and the inline reference fed the same.
    struct Track {
        var live = Pooled.start(), referenceLive = Pooled.start()
        var history: History
        var reference = InlineLagHistoryReference<32>(start: Pooled.start())
        let measurements: [Measurement]
        var next = 0

        init(measurements: [Measurement]) {
            history = History(start: live)
            self.measurements = measurements
        }

        /// Outcomes of the pooled window and of the reference.
        mutating func add(_ m: Measurement, lagNs: Int64, pool: inout LagEntryPool) -> (History.Outcome, History.Outcome) {
            (history.add(m, to: &live, lagNs: lagNs, pool: &pool), reference.add(m, to: &referenceLive, lagNs: lagNs))
        }

        /// Deletes the track and starts it again from the prior (as the
        /// engine does with a new track on the same target).
        mutating func restart(pool: inout LagEntryPool) {
            history.release(to: &pool)
            live = Pooled.start()
            referenceLive = live
            history = History(start: live)
            reference = InlineLagHistoryReference<32>(start: live)
        }
    }

    /// Property: three tracks (windows of 32, as the engine's) share a
    /// pool of plenty (200), few (24) or very few (6) entries and of 0, 1,
    /// 3 or 40 replay snapshots (all 12 pairings over the seeds), take random late
    /// sequences (half the plots 0-5 s late) in random interleaving, and
    /// are deleted and restarted now and then. After every step each
    /// window's chain is well formed (`FixedLagHistory.isConsistent`), no
    /// entry or snapshot is in two windows or in a window and the free
    /// list, the pool's counts are those of the windows, and while no
    /// entry has been refused each track's filter and outcome are bit for
    /// bit the inline reference's: replay snapshots, even too few, never
    /// change a result.
    @Test(arguments: UInt64(1)...12) func windowsStayWellFormedUnderChurnAndExhaustion(seed: UInt64) {
        let lagNs = 4 * Pooled.second
        let entryCapacity = [200, 24, 6][Int(seed % 3)]
        let snapshotCapacity = [0, 1, 3, 40][Int(seed % 4)]
        var pool = Pooled.pool(entryCapacity, snapshots: snapshotCapacity)
        var tracks = (0..<3).map { Track(measurements: Pooled.delivery(seed: 100 * seed + $0, lateShare: 0.5)) }
        var g = SeededGenerator(seed: 7_000 + seed)
        var steps = 0, restarts = 0, compared = 0, reprocessed = 0, broken = 0
        var peakSnapshots = 0
        while let k = tracks.indices.filter({ tracks[$0].next < tracks[$0].measurements.count }).randomElement(using: &g) {
            steps += 1
            if g.uniform(0, 1) < 0.02 {
                tracks[k].restart(pool: &pool)
                restarts += 1
            }
            let m = tracks[k].measurements[tracks[k].next]
            tracks[k].next += 1
            let (outcome, expected) = tracks[k].add(m, lagNs: lagNs, pool: &pool)
            if outcome == .reprocessed { reprocessed += 1 }
            if pool.exhaustedCount == 0 {
                compared += 1
                #expect(outcome == expected, "seed \(seed) step \(steps): \(outcome) vs \(expected)")
                #expect(Pooled.same(tracks[k].live, tracks[k].referenceLive), "seed \(seed) step \(steps): filters differ")
            }
            // The checks, bounded: a failure stops the run before a broken
            // chain can hang the next `add`.
            var held = Set<Int32>(), snapshots = Set<Int32>(), entriesSeen = 0, snapshotsSeen = 0
            for t in tracks.indices {
                var window: [Int32] = []
                if !tracks[t].history.isConsistent(in: pool, visit: { window.append($0) }) { broken += 1 }
                for e in window {
                    held.insert(e)
                    entriesSeen += 1
                    if pool[e].snapshot >= 0 {
                        snapshots.insert(pool[e].snapshot)
                        snapshotsSeen += 1
                    }
                }
            }
            var freeHeld = 0, freeSnapshotsHeld = 0
            let poolOK = pool.isConsistent(
                visitFreeEntry: { if held.contains($0) { freeHeld += 1 } },
                visitFreeSnapshot: { if snapshots.contains($0) { freeSnapshotsHeld += 1 } })
            if !poolOK || freeHeld > 0 || freeSnapshotsHeld > 0 { broken += 1 }
            if held.count != entriesSeen || entriesSeen != pool.inUse { broken += 1 }
            if snapshots.count != snapshotsSeen || snapshotsSeen != pool.snapshotsInUse { broken += 1 }
            peakSnapshots = max(peakSnapshots, pool.snapshotsInUse)
            if broken > 0 {
                let counts = "entries \(entriesSeen)/\(pool.inUse), snapshots \(snapshotsSeen)/\(pool.snapshotsInUse)"
                Issue.record("seed \(seed) step \(steps): windows or pool broken (\(counts))")
                break
            }
        }
        for t in tracks.indices { tracks[t].history.release(to: &pool) }
        #expect(broken == 0 && pool.inUse == 0 && pool.snapshotsInUse == 0 && pool.isConsistent())
        // The run went where it should: replays, deletions, and (with few
        // entries) refusals; with snapshots available, some were taken.
        #expect(steps > 300 && restarts > 0 && reprocessed > 10, "\(steps) steps, \(restarts) restarts, \(reprocessed) replays")
        #expect(entryCapacity == 200 ? compared == steps : pool.exhaustedCount > 0, "\(compared) of \(steps) compared")
        #expect(snapshotCapacity == 0 ? peakSnapshots == 0 : peakSnapshots > 0 && peakSnapshots <= snapshotCapacity, "\(peakSnapshots)")
    }
}
