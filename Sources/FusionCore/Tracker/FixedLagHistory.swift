import FusionMath

/// Exact fusion of late measurements by bounded reprocessing.
///
/// A track keeps two estimates: the live filter, and a checkpoint (a
/// `Snapshot` of the filter: its estimate without the configuration the
/// live filter carries) that trails it by the measurements still inside the
/// lag window, which are kept here in time order. A measurement older than the live filter's time but not older
/// than the checkpoint is inserted in order and the live filter is rebuilt by
/// replaying the window from the checkpoint: the result is exactly what
/// in-order processing of the same measurements gives. A measurement older
/// than the checkpoint is dropped (and counted by the caller). The window
/// holds at most `K` measurements and at least the configured lag (when `K`
/// allows); whatever leaves it is in the checkpoint, so reprocessing costs at
/// most `K` updates. The window's measurements live in the engine's shared
/// `LagEntryPool` (a chain of `LaggedMeasurement`s, without their
/// classification evidence); the history holds the chain's ends, so a track
/// record costs what its window holds, not `K` entries. When the pool is
/// empty the history makes room as a full window does (jump to the pending
/// snapshot or fold its own oldest entry; with an empty window the
/// checkpoint takes the live filter), so it keeps working with less lag;
/// the pool counts it (`LagEntryPool.exhaustedCount`). Results are exactly
/// those of inline storage until the pool runs out. Every operation walks at
/// most the window (`K` links); none allocates. `release(to:)` returns the
/// entries when the track is deleted.
///
/// `K` is sized so that the lag's worth of measurements of a well-observed
/// track fits (an acoustic target heard by 9 arrays at 1 Hz sends ~8
/// bearings a second). Should a window still fill, its oldest entry leaves
/// early and the track can take less lateness until it drains
/// (`Outcome.windowFull` when that costs a measurement).
///
/// In-order measurements are fused once. Folding the oldest entry into the
/// checkpoint by fusing it again would make every detection cost two
/// updates; instead the history keeps a pending snapshot of the live filter,
/// taken right after an in-order update (it is then the checkpoint advanced
/// past every entry up to that one), and the checkpoint jumps to it by a
/// copy as soon as that drops no entry inside the lag. Only when the window is full and
/// the pending snapshot is still inside the lag is the oldest entry folded
/// by an update, as before. So the checkpoint is never newer than with
/// eager folding (late data up to `lagNs` stay fusable), and may be older,
/// which only widens what can be fused. With one pending snapshot the
/// window spans up to twice the lag between jumps: with `K` at least that
/// many measurements, no in-order measurement is fused twice (at the
/// benchmark's 1 s revisit, 5 s lag and `K` = 8: one in three is).
@frozen
public struct FixedLagHistory<Filter: TrackFilter & BitwiseCopyable, let K: Int>: BitwiseCopyable {
    public var checkpoint: Filter.Snapshot
    /// Oldest and newest entry of the window in the pool (-1: empty).
    @usableFromInline var head: Int32
    @usableFromInline var tail: Int32
    /// Measurements in the window.
    @usableFromInline var storedCount: Int32
    @inlinable public var count: Int { Int(storedCount) }
    /// The live filter just after it fused the `pendingCount`th entry, i.e.
    /// the checkpoint advanced past the first `pendingCount` entries;
    /// meaningless while `pendingCount` is 0.
    @usableFromInline var pending: Filter.Snapshot
    @usableFromInline var pendingCount: Int32
    /// Time of the `pendingCount`th entry (the pending snapshot's newest).
    @usableFromInline var pendingEntryNs: Int64
    /// Time of the newest measurement fused (in order or late).
    @usableFromInline var newestNs: Int64
    /// Time of the newest entry holding a replay snapshot.
    @usableFromInline var snapshotEntryNs: Int64
    /// Set by the first late measurement: from then on some entries keep
    /// replay snapshots (`LagEntryPool`), one per `lag / 8` of data.
    @usableFromInline var takesSnapshots: Bool
    /// Entries the window can hold.
    @inlinable public static var capacity: Int { K }

    /// Outcome of adding a measurement.
    public enum Outcome: Sendable, BitwiseCopyable, Equatable {
        /// In time order: fused at once.
        case inOrder
        /// Late but inside the window: fused by reprocessing.
        case reprocessed
        /// Older than the lag allows: not fused.
        case tooLate
        /// Within the lag, but older than a checkpoint that a full window
        /// (or an empty pool) had to advance early: not fused.
        case windowFull
        /// The update failed numerically: not fused.
        case failed
    }

    @inlinable public init(start: Filter) {
        checkpoint = start.snapshot
        pending = checkpoint
        pendingCount = 0
        pendingEntryNs = 0
        head = -1
        tail = -1
        storedCount = 0
        newestNs = start.state.timeNs
        snapshotEntryNs = .min
        takesSnapshots = false
    }

    /// Time of the oldest measurement that can still be fused.
    @inlinable public var oldestFusableNs: Int64 { Filter.timeNs(of: checkpoint) }

    /// Fuses `m` into `live`, in order or by reprocessing. `lagNs` bounds the
    /// window from below: measurements up to `lagNs` older than the newest
    /// stay fusable (older ones leave it when the checkpoint next advances).
    /// `limit` (at most `K`) bounds the window's entries for this call.
    @inlinable public mutating func add(
        _ m: Measurement, to live: inout Filter, lagNs: Int64, limit: Int = K, pool: inout LagEntryPool
    ) -> Outcome {
        if m.timeNs >= live.state.timeNs {
            do throws(FilterError) {
                try live.update(with: m)
            } catch {
                return .failed
            }
            recordInOrder(m, live: live, lagNs: lagNs, limit: limit, pool: &pool)
            return .inOrder
        }
        guard m.timeNs >= oldestFusableNs else {
            return newestNs &- m.timeNs > lagNs ? .tooLate : .windowFull
        }
        while count >= min(K, limit) && count > 0 { foldOldest(config: live, pool: &pool) }
        // The fold a full window forced may have passed `m`.
        guard m.timeNs >= oldestFusableNs else { return .windowFull }
        var stored = pool.store(m)
        if stored == nil && count > 0 {
            // Pool empty: make room in this window, as a full one does.
            foldOldest(config: live, pool: &pool)
            guard m.timeNs >= oldestFusableNs else { return .windowFull }
            stored = pool.store(m)
        }
        guard let entry = stored else { return .windowFull }
        takesSnapshots = true
        // Insert in time order (after equal times, so replay is stable):
        // after the `i` entries not newer than `m`. On the way, the newest
        // entry before `m` with a replay snapshot (its state covers the
        // first `snapshotIndex` entries, all before `m`).
        var i: Int32 = 0
        var previous: Int32 = -1
        var cursor = head
        var snapshotIndex: Int32 = 0, snapshotEntry: Int32 = -1
        while cursor >= 0 && pool[cursor].timeNs <= m.timeNs {
            previous = cursor
            cursor = pool[cursor].next
            i += 1
            if pool[previous].snapshot >= 0 { (snapshotIndex, snapshotEntry) = (i, previous) }
        }
        pool[entry].next = cursor
        if previous >= 0 { pool[previous].next = entry } else { head = entry }
        if cursor < 0 { tail = entry }
        storedCount += 1
        // The pending snapshot lacks `m` if `m` sorts before its last entry:
        // retake it at the same entry during the replay.
        if i < pendingCount { pendingCount += 1 }
        let liveTime = live.state.timeNs
        // The pending snapshot is the checkpoint advanced past the first
        // `pendingCount` entries: when `m` sorts after them, replay from it,
        // not from the checkpoint (the same updates, fewer of them: a bearing
        // 1-3 s late would otherwise replay up to the whole window).
        // The newest entry snapshot before `m`, when later, saves more.
        let fromPending = pendingCount > 0 && i >= pendingCount
        var j: Int32
        var replay: Filter
        var lastSnapshotNs: Int64
        if snapshotIndex > (fromPending ? pendingCount : 0) {
            j = snapshotIndex
            replay = live.resumed(from: pool.snapshot(pool[snapshotEntry].snapshot, as: Filter.Snapshot.self))
            lastSnapshotNs = pool[snapshotEntry].timeNs
            cursor = pool[snapshotEntry].next
        } else {
            j = fromPending ? pendingCount : 0
            replay = live.resumed(from: fromPending ? pending : checkpoint)
            lastSnapshotNs = fromPending ? pendingEntryNs : oldestFusableNs
            cursor = head
            for _ in 0..<j { cursor = pool[cursor].next }
        }
        let spacingNs = lagNs / 8
        while cursor >= 0 {
            // A replayed update that fails leaves the filter as it was,
            // exactly as it did when the measurement was first fused.
            _ = try? replay.update(with: pool.measurement(at: cursor))
            j += 1
            if j == pendingCount { pending = replay.snapshot }
            // Entry snapshots from `m` on lacked `m`: retaken; entries a
            // spacing after the last snapshot get one.
            let t = pool[cursor].timeNs
            if pool[cursor].snapshot >= 0 {
                pool.replaceSnapshot(pool[cursor].snapshot, with: replay.snapshot)
                lastSnapshotNs = t
            } else if t &- lastSnapshotNs >= spacingNs {
                pool[cursor].snapshot = pool.storeSnapshot(replay.snapshot)
                if pool[cursor].snapshot >= 0 { lastSnapshotNs = t }
            }
            cursor = pool[cursor].next
        }
        snapshotEntryNs = lastSnapshotNs
        if replay.state.timeNs < liveTime { replay.predict(to: liveTime) }
        live = replay
        return .reprocessed
    }

    /// Records `m`, which `live` has just fused in time order: the window
    /// keeps it, the checkpoint jumps to the pending snapshot once that is
    /// older than the lag, and a new pending snapshot is taken when none is.
    @inlinable public mutating func recordInOrder(
        _ m: Measurement, live: Filter, lagNs: Int64, limit: Int = K, pool: inout LagEntryPool
    ) {
        newestNs = max(newestNs, m.timeNs)
        append(m, live: live, lagNs: lagNs, limit: limit, pool: &pool)
        if isPendingOlderThanLag(atNs: m.timeNs, lagNs: lagNs) { jumpToPending(pool: &pool) }
        if pendingCount == 0 && storedCount > 0 {
            pending = live.snapshot
            pendingCount = storedCount
            pendingEntryNs = pool[tail].timeNs
        }
    }

    /// Appends in-order `m` (already fused into `live`); a full window (or
    /// an empty pool) first jumps to the pending snapshot if that drops
    /// nothing inside the lag, else folds its oldest entry. With an empty
    /// window and an empty pool, `m` goes straight into the checkpoint.
    @inlinable mutating func append(
        _ m: Measurement, live: Filter, lagNs: Int64, limit: Int = K, pool: inout LagEntryPool
    ) {
        while count >= min(K, limit) && count > 0 { makeRoom(atNs: m.timeNs, config: live, lagNs: lagNs, pool: &pool) }
        var stored = pool.store(m)
        if stored == nil && count > 0 {
            makeRoom(atNs: m.timeNs, config: live, lagNs: lagNs, pool: &pool)
            stored = pool.store(m)
        }
        guard let entry = stored else {
            // Nothing left to fold: the window is empty, so the live filter
            // (which has just fused `m`) is the checkpoint.
            checkpoint = live.snapshot
            pendingCount = 0
            return
        }
        if tail >= 0 { pool[tail].next = entry } else { head = entry }
        tail = entry
        storedCount += 1
        if takesSnapshots && m.timeNs &- snapshotEntryNs >= lagNs / 8 {
            pool[entry].snapshot = pool.storeSnapshot(live.snapshot)
            if pool[entry].snapshot >= 0 { snapshotEntryNs = m.timeNs }
        }
    }

    /// Drops at least the oldest entry: by a jump to the pending snapshot
    /// when that drops nothing inside the lag, else by folding it.
    @inlinable mutating func makeRoom(atNs timeNs: Int64, config: Filter, lagNs: Int64, pool: inout LagEntryPool) {
        if isPendingOlderThanLag(atNs: timeNs, lagNs: lagNs) {
            jumpToPending(pool: &pool)
        } else {
            foldOldest(config: config, pool: &pool)
        }
    }

    /// True when there is a pending snapshot and its newest entry is more
    /// than `lagNs` older than `timeNs`: jumping to it drops nothing that
    /// must stay fusable.
    @inlinable func isPendingOlderThanLag(atNs timeNs: Int64, lagNs: Int64) -> Bool {
        pendingCount > 0 && timeNs - pendingEntryNs > lagNs
    }

    /// Advances the checkpoint to the pending snapshot (a copy, no update)
    /// and drops the entries it covers.
    @inlinable mutating func jumpToPending(pool: inout LagEntryPool) {
        checkpoint = pending
        for _ in 0..<pendingCount { dropOldest(pool: &pool) }
        pendingCount = 0
    }

    /// Folds the oldest entry into the checkpoint; `config` is any filter of
    /// the track's configuration (the live one).
    @inlinable mutating func foldOldest(config: Filter, pool: inout LagEntryPool) {
        guard count > 0 else { return }
        if pendingCount == 1 { return jumpToPending(pool: &pool) }
        var filter = config.resumed(from: checkpoint)
        if (try? filter.update(with: pool.measurement(at: head))) != nil { checkpoint = filter.snapshot }
        dropOldest(pool: &pool)
        if pendingCount > 0 { pendingCount -= 1 }
    }

    @inlinable mutating func dropOldest(pool: inout LagEntryPool) {
        head = pool.free(head)
        storedCount -= 1
        if head < 0 { tail = -1 }
    }

    /// Returns every entry to the pool (the track is being deleted); the
    /// history is empty afterwards.
    @inlinable public mutating func release(to pool: inout LagEntryPool) {
        while head >= 0 { head = pool.free(head) }
        tail = -1
        storedCount = 0
        pendingCount = 0
    }
}
