/// A uniform grid over the horizontal plane of the local ENU frame, holding
/// item indices (track slots) at positions, for "which tracks are near this
/// detection" queries whose cost follows the local density, not the number
/// of tracks.
///
/// Cells are squares of `cellSizeM` metres, cell `(floor(east/s),
/// floor(north/s))`. The plane is unbounded: cell coordinates are hashed into
/// a fixed power-of-two bucket table (spatial hashing, Teschner et al.,
/// "Optimized spatial hashing for collision detection of deformable
/// objects", VMV 2003), each bucket an intrusive doubly linked list of items,
/// so insert, remove and move are O(1). Cells that collide in a bucket are
/// told apart by the cell coordinates kept per item.
///
/// A query visits the cells whose square intersects the query disc and
/// returns exactly the items whose stored horizontal position lies within
/// the radius (distance <= radius), each once. Cost: O((2r/s + 1)^2 + items
/// in those buckets). When the disc covers more cells than there are
/// buckets, the query walks every bucket once instead (then O(buckets +
/// items)): choose `cellSizeM` of the order of the gate radius so that does
/// not happen.
///
/// Coordinates must be finite; cell coordinates are clamped to ±2^40 so that
/// even absurd positions cannot trap (results stay exact: the distance test
/// decides). Storage is sized at init; nothing allocates after it.
public struct SpatialGrid: Sendable {
    public let capacity: Int
    public let cellSizeM: Double
    public private(set) var count = 0

    let bucketMask: Int
    var heads: [Int32]          // first item per bucket, -1 = empty
    var next: [Int32]
    var previous: [Int32]
    var bucketOf: [Int32]       // -1 = item not in the grid
    var east: [Double]
    var north: [Double]
    var cellX: [Int]
    var cellY: [Int]

    static var cellLimit: Int { 1 << 40 }

    /// - Parameters:
    ///   - capacity: items are indices 0..<capacity.
    ///   - cellSizeM: cell side, metres (a few km: of the order of a gate radius).
    ///   - bucketCount: hash table size, rounded up to a power of two;
    ///     defaults to about twice the capacity.
    public init(capacity: Int, cellSizeM: Double, bucketCount: Int = 0) {
        precondition(capacity >= 0 && capacity < Int(Int32.max))
        precondition(cellSizeM > 0 && cellSizeM.isFinite)
        self.capacity = capacity
        self.cellSizeM = cellSizeM
        var buckets = 1
        let wanted = bucketCount > 0 ? bucketCount : 2 * capacity
        while buckets < wanted { buckets <<= 1 }
        bucketMask = buckets - 1
        heads = Array(repeating: -1, count: buckets)
        let n = max(1, capacity)
        next = Array(repeating: -1, count: n)
        previous = Array(repeating: -1, count: n)
        bucketOf = Array(repeating: -1, count: n)
        east = Array(repeating: 0, count: n)
        north = Array(repeating: 0, count: n)
        cellX = Array(repeating: 0, count: n)
        cellY = Array(repeating: 0, count: n)
    }

    public var bucketCount: Int { bucketMask + 1 }

    /// True when `item` is in the grid.
    public func contains(_ item: Int) -> Bool {
        precondition(item >= 0 && item < capacity)
        return bucketOf[item] >= 0
    }

    /// The stored position of `item` (which must be in the grid).
    public func position(of item: Int) -> (eastM: Double, northM: Double) {
        precondition(contains(item))
        return (east[item], north[item])
    }

    func cell(_ coordinate: Double) -> Int {
        precondition(coordinate.isFinite, "grid position is not finite")
        let c = (coordinate / cellSizeM).rounded(.down)
        let limit = Double(Self.cellLimit)
        return Int(Swift.max(-limit, Swift.min(limit, c)))
    }

    func bucket(_ cx: Int, _ cy: Int) -> Int {
        // Two odd multipliers and a final avalanche (splitmix64's) so that
        // neighbouring cells spread over the table.
        var h = UInt64(bitPattern: Int64(cx)) &* 0x9E37_79B9_7F4A_7C15
        h ^= UInt64(bitPattern: Int64(cy)) &* 0xC2B2_AE3D_27D4_EB4F
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        return Int(truncatingIfNeeded: h) & bucketMask
    }

    /// Adds `item` at a position, metres east and north of the frame origin.
    public mutating func insert(_ item: Int, eastM: Double, northM: Double) {
        precondition(!contains(item), "item already in the grid")
        east[item] = eastM
        north[item] = northM
        cellX[item] = cell(eastM)
        cellY[item] = cell(northM)
        link(item, bucket(cellX[item], cellY[item]))
        count += 1
    }

    /// Removes `item` (which must be in the grid).
    public mutating func remove(_ item: Int) {
        precondition(contains(item), "item not in the grid")
        unlink(item)
        count -= 1
    }

    /// Moves `item` to a new position; relinks only when its cell changes.
    /// Inserts it when absent.
    public mutating func move(_ item: Int, eastM: Double, northM: Double) {
        guard contains(item) else { return insert(item, eastM: eastM, northM: northM) }
        let cx = cell(eastM), cy = cell(northM)
        east[item] = eastM
        north[item] = northM
        if cx != cellX[item] || cy != cellY[item] {
            unlink(item)
            cellX[item] = cx
            cellY[item] = cy
            link(item, bucket(cx, cy))
        }
    }

    /// Empties the grid. O(buckets + capacity).
    public mutating func removeAll() {
        for b in 0..<heads.count { heads[b] = -1 }
        for k in 0..<capacity { bucketOf[k] = -1 }
        count = 0
    }

    /// Empties the grid, then inserts items `0..<itemCount` for which
    /// `position` returns a position (nil: leave out, e.g. a free track slot).
    public mutating func rebuild(itemCount: Int, position: (Int) -> (eastM: Double, northM: Double)?) {
        precondition(itemCount <= capacity)
        removeAll()
        for k in 0..<itemCount {
            if let p = position(k) { insert(k, eastM: p.eastM, northM: p.northM) }
        }
    }

    mutating func link(_ item: Int, _ b: Int) {
        let head = heads[b]
        next[item] = head
        previous[item] = -1
        if head >= 0 { previous[Int(head)] = Int32(item) }
        heads[b] = Int32(item)
        bucketOf[item] = Int32(b)
    }

    mutating func unlink(_ item: Int) {
        let b = Int(bucketOf[item])
        let p = previous[item], n = next[item]
        if p >= 0 { next[Int(p)] = n } else { heads[b] = n }
        if n >= 0 { previous[Int(n)] = p }
        bucketOf[item] = -1
    }
}
