import FusionMath

/// Exact fusion of late measurements by bounded reprocessing.
///
/// A track keeps two estimates: the live filter, and a checkpoint (a
/// `Snapshot` of the filter: its estimate without the configuration the
/// live filter carries) that trails it by the measurements still inside the
/// lag window, which are kept here in time order. A measurement older than
/// the live filter's time but not older than the checkpoint is inserted in
/// order and the live filter is rebuilt by replaying the window from the
/// checkpoint: the result is exactly what in-order processing of the same
/// measurements gives. A measurement older than the checkpoint is dropped
/// (and counted by the caller).
///
/// The window is bounded by time: a measurement leaves it (is folded into
/// the checkpoint) once it is more than the configured lag older than the
/// track's newest. `K` is only its fixed storage, a ring sized so that the
/// lag's worth of measurements of a well-observed track fits (an acoustic
/// target heard by 9 arrays at 1 Hz sends ~8 bearings a second: 32 hold
/// 4 s). Should a window still fill, its oldest entry is folded early and
/// the track can take less lateness until it drains (`Outcome.windowFull`
/// when that costs a measurement). Reprocessing costs at most `K` updates.
/// Storage is inline: no heap; entries keep measurements without their
/// classification evidence (`LaggedMeasurement`).
@frozen
public struct FixedLagHistory<Filter: TrackFilter & BitwiseCopyable, let K: Int>: BitwiseCopyable {
    public var checkpoint: Filter.Snapshot
    /// A ring: the window's oldest entry is at `head`, the others follow.
    @usableFromInline var entries: InlineArray<K, LaggedMeasurement>
    @usableFromInline var head: Int
    /// Measurements in the window.
    @usableFromInline var storedCount: Int
    /// Time of the newest measurement fused (in order or late).
    @usableFromInline var newestNs: Int64
    @inlinable public var count: Int { storedCount }
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
        let placeholder = Measurement.position(
            timeNs: 0, sensor: 0, enu: .zero, sigmaHorizontalM: 1, sigmaVerticalM: 1)
        entries = InlineArray(repeating: LaggedMeasurement(placeholder))
        head = 0
        storedCount = 0
        newestNs = start.state.timeNs
    }

    /// Time of the oldest measurement that can still be fused.
    @inlinable public var oldestFusableNs: Int64 { Filter.timeNs(of: checkpoint) }

    /// Ring index of the window's `j`-th entry, oldest first.
    @inlinable func index(_ j: Int) -> Int {
        let i = head + j
        return i >= K ? i - K : i
    }

    /// Fuses `m` into `live`, in order or by reprocessing. `lagNs` bounds the
    /// window: measurements more than `lagNs` older than the newest are folded
    /// into the checkpoint.
    @inlinable public mutating func add(_ m: Measurement, to live: inout Filter, lagNs: Int64) -> Outcome {
        if m.timeNs >= live.state.timeNs {
            do throws(FilterError) {
                try live.update(with: m)
            } catch {
                return .failed
            }
            append(m, config: live)
            newestNs = max(newestNs, m.timeNs)
            fold(newestNs: newestNs, lagNs: lagNs, config: live)
            return .inOrder
        }
        if count == K { foldOldest(config: live) }
        guard m.timeNs >= oldestFusableNs else {
            return newestNs &- m.timeNs > lagNs ? .tooLate : .windowFull
        }
        // Insert in time order (after equal times, so replay is stable).
        var j = count
        while j > 0 && entries[index(j - 1)].timeNs > m.timeNs {
            entries[index(j)] = entries[index(j - 1)]
            j -= 1
        }
        entries[index(j)] = LaggedMeasurement(m)
        storedCount += 1
        let liveTime = live.state.timeNs
        var replay = live.resumed(from: checkpoint)
        for k in 0..<count {
            // A replayed update that fails leaves the filter as it was,
            // exactly as it did when the measurement was first fused.
            _ = try? replay.update(with: entries[index(k)].measurement)
        }
        if replay.state.timeNs < liveTime { replay.predict(to: liveTime) }
        live = replay
        return .reprocessed
    }

    @inlinable mutating func append(_ m: Measurement, config: Filter) {
        if count == K { foldOldest(config: config) }
        entries[index(count)] = LaggedMeasurement(m)
        storedCount += 1
    }

    /// Folds the oldest entry into the checkpoint; `config` is any filter of
    /// the track's configuration (the live one).
    @inlinable mutating func foldOldest(config: Filter) {
        guard count > 0 else { return }
        var filter = config.resumed(from: checkpoint)
        if (try? filter.update(with: entries[head].measurement)) != nil { checkpoint = filter.snapshot }
        head = head + 1 == K ? 0 : head + 1
        storedCount -= 1
    }

    @inlinable mutating func fold(newestNs: Int64, lagNs: Int64, config: Filter) {
        while count > 0 && newestNs - entries[head].timeNs > lagNs { foldOldest(config: config) }
    }
}
