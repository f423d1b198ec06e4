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
/// holds at most `K` measurements and at most the configured lag; whatever
/// leaves it is folded into the checkpoint, so reprocessing costs at most `K`
/// updates. Storage is inline: no heap; the window keeps measurements
/// without their classification evidence (`LaggedMeasurement`).
@frozen
public struct FixedLagHistory<Filter: TrackFilter & BitwiseCopyable, let K: Int>: BitwiseCopyable {
    public var checkpoint: Filter.Snapshot
    @usableFromInline var entries: InlineArray<K, LaggedMeasurement>
    /// Measurements in the window, oldest first.
    @usableFromInline var storedCount: Int
    @inlinable public var count: Int { storedCount }

    /// Outcome of adding a measurement.
    public enum Outcome: Sendable, BitwiseCopyable, Equatable {
        /// In time order: fused at once.
        case inOrder
        /// Late but inside the window: fused by reprocessing.
        case reprocessed
        /// Older than the checkpoint: not fused.
        case tooLate
        /// The update failed numerically: not fused.
        case failed
    }

    @inlinable public init(start: Filter) {
        checkpoint = start.snapshot
        let placeholder = Measurement.position(
            timeNs: 0, sensor: 0, enu: .zero, sigmaHorizontalM: 1, sigmaVerticalM: 1)
        entries = InlineArray(repeating: LaggedMeasurement(placeholder))
        storedCount = 0
    }

    /// Time of the oldest measurement that can still be fused.
    @inlinable public var oldestFusableNs: Int64 { Filter.timeNs(of: checkpoint) }

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
            fold(newestNs: m.timeNs, lagNs: lagNs, config: live)
            return .inOrder
        }
        guard m.timeNs >= oldestFusableNs else { return .tooLate }
        if count == K { foldOldest(config: live) }
        guard m.timeNs >= oldestFusableNs else { return .tooLate }
        // Insert in time order (after equal times, so replay is stable).
        var i = count
        while i > 0 && entries[i - 1].timeNs > m.timeNs {
            entries[i] = entries[i - 1]
            i -= 1
        }
        entries[i] = LaggedMeasurement(m)
        storedCount += 1
        let liveTime = live.state.timeNs
        var replay = live.resumed(from: checkpoint)
        for j in 0..<count {
            // A replayed update that fails leaves the filter as it was,
            // exactly as it did when the measurement was first fused.
            _ = try? replay.update(with: entries[j].measurement)
        }
        if replay.state.timeNs < liveTime { replay.predict(to: liveTime) }
        live = replay
        return .reprocessed
    }

    @inlinable mutating func append(_ m: Measurement, config: Filter) {
        if count == K { foldOldest(config: config) }
        entries[count] = LaggedMeasurement(m)
        storedCount += 1
    }

    /// Folds the oldest entry into the checkpoint; `config` is any filter of
    /// the track's configuration (the live one).
    @inlinable mutating func foldOldest(config: Filter) {
        guard count > 0 else { return }
        var filter = config.resumed(from: checkpoint)
        if (try? filter.update(with: entries[0].measurement)) != nil { checkpoint = filter.snapshot }
        for j in 1..<count { entries[j - 1] = entries[j] }
        storedCount -= 1
    }

    @inlinable mutating func fold(newestNs: Int64, lagNs: Int64, config: Filter) {
        while count > 0 && newestNs - entries[0].timeNs > lagNs { foldOldest(config: config) }
    }
}
