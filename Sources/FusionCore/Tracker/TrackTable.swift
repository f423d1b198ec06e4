/// Fixed-capacity storage for tracks, sized once at start-up.
///
/// One allocation at init, none afterwards: inserting into a full table
/// fails (the caller counts the refusal) while existing tracks keep working.
/// Slots are stable while a track lives, so a slot index can be held in the
/// spatial grid and in association scratch; iteration goes over a dense list
/// of occupied slots, so its cost follows the live count, not the capacity.
/// This is the RigidArray idea of swift-collections, for a table with holes.
public struct TrackTable<Element: BitwiseCopyable>: ~Copyable {
    @usableFromInline let storage: UnsafeMutablePointer<Element>
    /// Dense list of occupied slot indices, `count` long.
    @usableFromInline let active: UnsafeMutablePointer<Int32>
    /// For each slot: its position in `active`, or -1 when free.
    @usableFromInline let position: UnsafeMutablePointer<Int32>
    /// Stack of free slot indices, `capacity - count` long.
    @usableFromInline let free: UnsafeMutablePointer<Int32>
    public let capacity: Int
    public private(set) var count: Int

    public init(capacity: Int) {
        precondition(capacity > 0 && capacity < Int(Int32.max), "track table capacity out of range")
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
        active = .allocate(capacity: capacity)
        position = .allocate(capacity: capacity)
        free = .allocate(capacity: capacity)
        position.initialize(repeating: -1, count: capacity)
        // Lowest slots are handed out first: the free stack pops from the end.
        for i in 0..<capacity { free[i] = Int32(capacity - 1 - i) }
        count = 0
    }

    deinit {
        storage.deallocate()
        active.deallocate()
        position.deallocate()
        free.deallocate()
    }

    @inlinable public var isFull: Bool { count == capacity }
    @inlinable public var isEmpty: Bool { count == 0 }

    /// Stores `element` in a free slot and returns the slot, or nil when full.
    public mutating func insert(_ element: Element) -> Int? {
        guard count < capacity else { return nil }
        let slot = Int(free[capacity - count - 1])
        (storage + slot).initialize(to: element)
        active[count] = Int32(slot)
        position[slot] = Int32(count)
        count += 1
        return slot
    }

    /// Frees `slot`. The last active entry moves into its place in the dense list.
    public mutating func remove(slot: Int) {
        let p = Int(position[slot])
        precondition(p >= 0, "removing a free track slot")
        let last = active[count - 1]
        active[p] = last
        position[Int(last)] = Int32(p)
        position[slot] = -1
        count -= 1
        free[capacity - count - 1] = Int32(slot)
    }

    @inlinable public func isOccupied(slot: Int) -> Bool { slot >= 0 && slot < capacity && position[slot] >= 0 }

    /// The slot of the `i`th live track, `0 ..< count`. Removing a track
    /// changes this order, so iterate backwards when removing as you go.
    @inlinable public func slot(atActiveIndex i: Int) -> Int { Int(active[i]) }

    /// `_read` rather than `get`: reading one field (`tracks[s].filter`)
    /// must not copy the whole multi-kilobyte record first.
    @inlinable public subscript(slot: Int) -> Element {
        _read { yield storage[slot] }
        nonmutating _modify { yield &storage[slot] }
    }
}
