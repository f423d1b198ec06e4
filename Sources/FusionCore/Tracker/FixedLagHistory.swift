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
/// most `K` updates. Storage is inline: no heap; the window keeps measurements
/// without their classification evidence (`LaggedMeasurement`).
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
    @usableFromInline var entries: InlineArray<K, LaggedMeasurement>
    /// Measurements in the window, oldest first.
    @usableFromInline var storedCount: Int
    @inlinable public var count: Int { storedCount }
    /// The live filter just after it fused `entries[pendingCount - 1]`, i.e.
    /// the checkpoint advanced past the first `pendingCount` entries;
    /// meaningless while `pendingCount` is 0.
    @usableFromInline var pending: Filter.Snapshot
    @usableFromInline var pendingCount: Int
    /// Time of the newest measurement fused (in order or late).
    @usableFromInline var newestNs: Int64
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
        /// had to advance early: not fused.
        case windowFull
        /// The update failed numerically: not fused.
        case failed
    }

    @inlinable public init(start: Filter) {
        checkpoint = start.snapshot
        pending = checkpoint
        pendingCount = 0
        let placeholder = Measurement.position(
            timeNs: 0, sensor: 0, enu: .zero, sigmaHorizontalM: 1, sigmaVerticalM: 1)
        entries = InlineArray(repeating: LaggedMeasurement(placeholder))
        storedCount = 0
        newestNs = start.state.timeNs
    }

    /// Time of the oldest measurement that can still be fused.
    @inlinable public var oldestFusableNs: Int64 { Filter.timeNs(of: checkpoint) }

    /// Fuses `m` into `live`, in order or by reprocessing. `lagNs` bounds the
    /// window from below: measurements up to `lagNs` older than the newest
    /// stay fusable (older ones leave it when the checkpoint next advances).
    @inlinable public mutating func add(_ m: Measurement, to live: inout Filter, lagNs: Int64) -> Outcome {
        if m.timeNs >= live.state.timeNs {
            do throws(FilterError) {
                try live.update(with: m)
            } catch {
                return .failed
            }
            recordInOrder(m, live: live, lagNs: lagNs)
            return .inOrder
        }
        guard m.timeNs >= oldestFusableNs else {
            return newestNs &- m.timeNs > lagNs ? .tooLate : .windowFull
        }
        if count == K { foldOldest(config: live) }
        // The fold a full window forced may have passed `m`.
        guard m.timeNs >= oldestFusableNs else { return .windowFull }
        // Insert in time order (after equal times, so replay is stable).
        var i = count
        while i > 0 && entries[i - 1].timeNs > m.timeNs {
            entries[i] = entries[i - 1]
            i -= 1
        }
        entries[i] = LaggedMeasurement(m)
        storedCount += 1
        // The pending snapshot lacks `m` if `m` sorts before its last entry:
        // retake it at the same entry during the replay.
        if i < pendingCount { pendingCount += 1 }
        let liveTime = live.state.timeNs
        // The pending snapshot is the checkpoint advanced past the first
        // `pendingCount` entries: when `m` sorts after them, replay from it,
        // not from the checkpoint (the same updates, fewer of them: a bearing
        // 1-3 s late would otherwise replay up to the whole window).
        let first = pendingCount > 0 && i >= pendingCount ? pendingCount : 0
        var replay = live.resumed(from: first > 0 ? pending : checkpoint)
        for j in first..<count {
            // A replayed update that fails leaves the filter as it was,
            // exactly as it did when the measurement was first fused.
            _ = try? replay.update(with: entries[j].measurement)
            if j + 1 == pendingCount { pending = replay.snapshot }
        }
        if replay.state.timeNs < liveTime { replay.predict(to: liveTime) }
        live = replay
        return .reprocessed
    }

    /// Records `m`, which `live` has just fused in time order: the window
    /// keeps it, the checkpoint jumps to the pending snapshot once that is
    /// older than the lag, and a new pending snapshot is taken when none is.
    @inlinable public mutating func recordInOrder(_ m: Measurement, live: Filter, lagNs: Int64) {
        newestNs = max(newestNs, m.timeNs)
        append(m, config: live, lagNs: lagNs)
        if isPendingOlderThanLag(atNs: m.timeNs, lagNs: lagNs) { jumpToPending() }
        if pendingCount == 0 {
            pending = live.snapshot
            pendingCount = count
        }
    }

    /// Appends in-order `m`; a full window first jumps to the pending
    /// snapshot if that drops nothing inside the lag, else folds its oldest entry.
    @inlinable mutating func append(_ m: Measurement, config: Filter, lagNs: Int64) {
        if count == K {
            if isPendingOlderThanLag(atNs: m.timeNs, lagNs: lagNs) {
                jumpToPending()
            } else {
                foldOldest(config: config)
            }
        }
        entries[count] = LaggedMeasurement(m)
        storedCount += 1
    }

    /// True when there is a pending snapshot and its newest entry is more
    /// than `lagNs` older than `timeNs`: jumping to it drops nothing that
    /// must stay fusable.
    @inlinable func isPendingOlderThanLag(atNs timeNs: Int64, lagNs: Int64) -> Bool {
        pendingCount > 0 && timeNs - entries[pendingCount - 1].timeNs > lagNs
    }

    /// Advances the checkpoint to the pending snapshot (a copy, no update)
    /// and drops the entries it covers.
    @inlinable mutating func jumpToPending() {
        checkpoint = pending
        for j in pendingCount..<count { entries[j - pendingCount] = entries[j] }
        storedCount -= pendingCount
        pendingCount = 0
    }

    /// Folds the oldest entry into the checkpoint; `config` is any filter of
    /// the track's configuration (the live one).
    @inlinable mutating func foldOldest(config: Filter) {
        guard count > 0 else { return }
        if pendingCount == 1 { return jumpToPending() }
        var filter = config.resumed(from: checkpoint)
        if (try? filter.update(with: entries[0].measurement)) != nil { checkpoint = filter.snapshot }
        for j in 1..<count { entries[j - 1] = entries[j] }
        storedCount -= 1
        if pendingCount > 0 { pendingCount -= 1 }
    }
}
