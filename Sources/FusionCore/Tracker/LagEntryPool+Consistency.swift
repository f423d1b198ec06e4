extension LagEntryPool {
    /// Checks the pool's own bookkeeping: the free lists of entries and of
    /// replay snapshots hold exactly the slots below their high-water marks
    /// that are not in use, each once. A broken free list would hand one
    /// slot to two windows (whose chains then merge or loop). Walks each
    /// list at most its capacity + 1 links; `visitFreeEntry` and
    /// `visitFreeSnapshot` see the free slots (for checks against the
    /// windows: none of theirs is free). For tests; O(capacity).
    public func isConsistent(
        visitFreeEntry: (Int32) -> Void = { _ in }, visitFreeSnapshot: (Int32) -> Void = { _ in }
    ) -> Bool {
        guard usedCount >= 0 && usedCount <= entryHighWater && entryHighWater <= capacity,
            snapshotsUsed >= 0 && snapshotsUsed <= snapshotHighWater && snapshotHighWater <= snapshotCapacity
        else { return false }
        var free = 0
        var cursor = freeEntry
        while cursor >= 0 {
            guard free < entryHighWater - usedCount && Int(cursor) < entryHighWater else { return false }
            free += 1
            visitFreeEntry(cursor)
            cursor = entries[Int(cursor)].next
        }
        guard free == entryHighWater - usedCount else { return false }
        free = 0
        cursor = freeSnapshot
        while cursor >= 0 {
            guard free < snapshotHighWater - snapshotsUsed && Int(cursor) < snapshotHighWater else { return false }
            free += 1
            visitFreeSnapshot(cursor)
            cursor = snapshots.load(fromByteOffset: Int(cursor) * snapshotStride, as: Int32.self)
        }
        return free == snapshotHighWater - snapshotsUsed
    }
}
