/// The confirmed or coasting tracks fused since the node last looked, in
/// order of their first update: what the node re-cues right after a
/// datagram, so that the cue a plot causes leaves with that plot instead
/// of waiting for the next periodic pass.
///
/// Fixed capacity (one entry per table slot, each slot listed at most
/// once), allocated at start-up; slots, not ids, because a deleted
/// track's slot leaves it (`FusionEngine.removeTrack`).
struct UpdatedTrackList: ~Copyable {
    let slots: UnsafeMutablePointer<Int32>
    /// Per table slot: already listed.
    let listed: UnsafeMutablePointer<Bool>
    let capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        slots = .allocate(capacity: capacity)
        listed = .allocate(capacity: capacity)
        listed.initialize(repeating: false, count: capacity)
    }

    deinit {
        slots.deallocate()
        listed.deallocate()
    }

    /// Lists `slot` unless it is already listed.
    mutating func insert(_ slot: Int) {
        guard slot >= 0, slot < capacity, !listed[slot] else { return }
        listed[slot] = true
        slots[count] = Int32(slot)
        count += 1
    }

    /// Takes `slot` off the list (a deleted track), keeping the order.
    mutating func remove(_ slot: Int) {
        guard slot >= 0, slot < capacity, listed[slot] else { return }
        listed[slot] = false
        var i = 0
        while Int(slots[i]) != slot { i += 1 }
        for j in i..<(count - 1) { slots[j] = slots[j + 1] }
        count -= 1
    }

    /// Empties the list.
    mutating func removeAll() {
        for i in 0..<count { listed[Int(slots[i])] = false }
        count = 0
    }
}
