/// The `AcousticSourceMemory` of every track that has fused a bearing, in
/// one table allocated at engine start, instead of inline in each track
/// record: a radar or ADS-B track never hears an acoustic sensor, and the
/// 384 bytes of an empty memory were 8 % of its record (3.7 MiB at 10,000
/// radar tracks).
///
/// A track holds a slot index (`TrackRecord.acousticSlot`, -1 until its
/// first bearing). The table has a slot per track slot, so it cannot run
/// out before the track table does, and one more that stays empty: what a
/// track without a slot reads, so that every reader sees exactly what an
/// inline empty memory gave. Slots are handed out from the low end first
/// and freed ones reused first, so only the pages of the high-water mark
/// become resident. Every operation is O(1) and nothing allocates after
/// `init`.
public struct AcousticSourceTable: ~Copyable {
    @usableFromInline let memories: UnsafeMutablePointer<AcousticSourceMemory>
    /// Free slots, a stack (`freeCount` of them), then slots never used.
    @usableFromInline let freeSlots: UnsafeMutablePointer<Int32>
    @usableFromInline var freeCount = 0
    @usableFromInline var highWater = 0
    public let capacity: Int

    /// A table of `capacity` memories (one per track slot).
    public init(capacity: Int) {
        precondition(capacity > 0 && capacity < Int(Int32.max), "acoustic source table capacity out of range")
        self.capacity = capacity
        memories = .allocate(capacity: capacity + 1)
        (memories + capacity).initialize(to: AcousticSourceMemory())
        freeSlots = .allocate(capacity: capacity)
    }

    deinit {
        memories.deallocate()
        freeSlots.deallocate()
    }

    /// Slots held now.
    @inlinable public var inUse: Int { highWater - freeCount }

    /// The memory of slot `index`; for -1, the empty one (read only).
    @inlinable public func memory(_ index: Int32) -> UnsafeMutablePointer<AcousticSourceMemory> {
        index >= 0 ? memories + Int(index) : memories + capacity
    }

    /// `index` itself when it is a slot, else a new empty slot stored in
    /// it. Traps only if more slots are asked for than `capacity`, which a
    /// slot per track cannot do.
    @inlinable public mutating func slot(_ index: inout Int32) -> UnsafeMutablePointer<AcousticSourceMemory> {
        if index >= 0 { return memories + Int(index) }
        if freeCount > 0 {
            freeCount -= 1
            index = freeSlots[freeCount]
        } else {
            precondition(highWater < capacity, "acoustic source table cannot run out before the track table")
            index = Int32(highWater)
            highWater += 1
        }
        (memories + Int(index)).initialize(to: AcousticSourceMemory())
        return memories + Int(index)
    }

    /// Gives slot `index` back (a track is being deleted); `index` is -1
    /// afterwards.
    @inlinable public mutating func release(_ index: inout Int32) {
        guard index >= 0 else { return }
        freeSlots[freeCount] = index
        freeCount += 1
        index = -1
    }
}
