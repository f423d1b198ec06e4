extension FixedLagHistory {
    /// The newest estimate the window holds of the track as it was before
    /// `timeNs` (`timeNs` at or after the checkpoint): the replay snapshot
    /// of the newest entry not after `timeNs` that has one, the pending
    /// snapshot when that is newer, else the checkpoint. A late measurement
    /// is gated against it, predicted forward: what the track knew at the
    /// measurement's time, as in-order processing would have gated it
    /// (the checkpoint alone trails the newest data by one to two lags,
    /// seconds of prediction that widen the gate over its neighbours'
    /// measurements once the lag covers sound's travel as well as late
    /// delivery). Walks at most the window.
    @inlinable public func snapshot(before timeNs: Int64, in pool: borrowing LagEntryPool) -> Filter.Snapshot {
        var best: Int32 = -1
        var usePending = false
        var i: Int32 = 0
        var cursor = head
        while cursor >= 0 && pool[cursor].timeNs <= timeNs {
            i += 1
            if i == pendingCount {
                usePending = true
                best = -1
            } else if pool[cursor].snapshot >= 0 {
                usePending = false
                best = pool[cursor].snapshot
            }
            cursor = pool[cursor].next
        }
        if best >= 0 { return pool.snapshot(best, as: Filter.Snapshot.self) }
        return usePending ? pending : checkpoint
    }
}
