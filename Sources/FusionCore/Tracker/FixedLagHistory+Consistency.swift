extension FixedLagHistory {
    /// Checks the window against `pool`: what `add`, `recordInOrder` and
    /// `release` rely on. The chain from `head` holds `count` (at most `K`)
    /// entries of the pool in time order, none older than the checkpoint,
    /// and ends at `tail`; the pending snapshot covers at most the window,
    /// up to an entry of time `pendingEntryNs`; each replay snapshot is a
    /// slot of the pool's table. Walks at most `K` + 1 links, so a chain
    /// that runs into a cycle fails here instead of looping. `visit` sees
    /// each entry's index, oldest first (for checks across windows: no two
    /// windows share an entry or a snapshot). For tests; O(`K`).
    public func isConsistent(in pool: borrowing LagEntryPool, visit: (Int32) -> Void = { _ in }) -> Bool {
        guard storedCount >= 0 && storedCount <= K && pendingCount >= 0 && pendingCount <= storedCount,
            (head < 0) == (storedCount == 0) && (tail < 0) == (storedCount == 0)
        else { return false }
        var walked: Int32 = 0
        var cursor = head
        var last: Int32 = -1
        var previousNs = oldestFusableNs
        while cursor >= 0 {
            guard walked < storedCount && Int(cursor) < pool.capacity else { return false }
            let e = pool[cursor]
            guard e.timeNs >= previousNs, e.snapshot >= -1 && Int(e.snapshot) < pool.snapshotCapacity else { return false }
            walked += 1
            if walked == pendingCount && e.timeNs != pendingEntryNs { return false }
            visit(cursor)
            previousNs = e.timeNs
            last = cursor
            cursor = e.next
        }
        return walked == storedCount && last == tail
    }
}
