import FusionCore

/// The lag window as it was before the shared pool (`LagEntryPool`): every
/// measurement of the window inline in the history, the same checkpoint,
/// pending snapshot and folding rules. A test oracle only: the property
/// test (`LagEntryPoolTests`) checks that the pooled history gives exactly
/// its results while the pool has room. Kept as the old code was, with a
/// Swift array for the window since a test may allocate.
struct InlineLagHistoryReference<let K: Int> {
    typealias Filter = StandardIMM
    typealias Outcome = FixedLagHistory<Filter, K>.Outcome
    var checkpoint: Filter.Snapshot
    var entries: [Measurement] = []
    var pending: Filter.Snapshot
    var pendingCount = 0
    var newestNs: Int64

    init(start: Filter) {
        checkpoint = start.snapshot
        pending = checkpoint
        newestNs = start.state.timeNs
    }

    var oldestFusableNs: Int64 { Filter.timeNs(of: checkpoint) }

    mutating func add(_ m: Measurement, to live: inout Filter, lagNs: Int64) -> Outcome {
        if m.timeNs >= live.state.timeNs {
            guard (try? live.update(with: m)) != nil else { return .failed }
            newestNs = max(newestNs, m.timeNs)
            if entries.count == K {
                if isPendingOlderThanLag(atNs: m.timeNs, lagNs: lagNs) { jumpToPending() } else { foldOldest(config: live) }
            }
            entries.append(m)
            if isPendingOlderThanLag(atNs: m.timeNs, lagNs: lagNs) { jumpToPending() }
            if pendingCount == 0 {
                pending = live.snapshot
                pendingCount = entries.count
            }
            return .inOrder
        }
        guard m.timeNs >= oldestFusableNs else { return newestNs &- m.timeNs > lagNs ? .tooLate : .windowFull }
        if entries.count == K { foldOldest(config: live) }
        guard m.timeNs >= oldestFusableNs else { return .windowFull }
        var i = entries.count
        while i > 0 && entries[i - 1].timeNs > m.timeNs { i -= 1 }
        entries.insert(m, at: i)
        if i < pendingCount { pendingCount += 1 }
        let liveTime = live.state.timeNs
        let first = pendingCount > 0 && i >= pendingCount ? pendingCount : 0
        var replay = live.resumed(from: first > 0 ? pending : checkpoint)
        for j in first..<entries.count {
            _ = try? replay.update(with: entries[j])
            if j + 1 == pendingCount { pending = replay.snapshot }
        }
        if replay.state.timeNs < liveTime { replay.predict(to: liveTime) }
        live = replay
        return .reprocessed
    }

    func isPendingOlderThanLag(atNs timeNs: Int64, lagNs: Int64) -> Bool {
        pendingCount > 0 && timeNs - entries[pendingCount - 1].timeNs > lagNs
    }

    mutating func jumpToPending() {
        checkpoint = pending
        entries.removeFirst(pendingCount)
        pendingCount = 0
    }

    mutating func foldOldest(config: Filter) {
        guard !entries.isEmpty else { return }
        if pendingCount == 1 { return jumpToPending() }
        var filter = config.resumed(from: checkpoint)
        if (try? filter.update(with: entries[0])) != nil { checkpoint = filter.snapshot }
        entries.removeFirst()
        if pendingCount > 0 { pendingCount -= 1 }
    }
}
