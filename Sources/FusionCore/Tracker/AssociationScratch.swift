/// Scratch storage for one batch's association, allocated once at start-up
/// and reused: the spatial grid of tracks, the neighbour buffer, and the
/// clustered assignment of gated pairs.
struct AssociationScratch: ~Copyable {
    /// Track slots near the measurement being gated.
    let neighbours: UnsafeMutablePointer<Int>
    let neighbourCapacity: Int
    var assignment: ClusteredAssignment
    /// Per measurement in the batch: inside some track's gate.
    let gated: UnsafeMutablePointer<Bool>
    /// Where the tracks were at `gridTimeNs`, horizontally.
    var grid: SpatialGrid
    var gridTimeNs: Int64 = 0

    init(trackCapacity: Int, maxBatch: Int, maxPairs: Int, gridCellM: Double) {
        neighbours = .allocate(capacity: trackCapacity)
        neighbourCapacity = trackCapacity
        assignment = ClusteredAssignment(maxTracks: trackCapacity, maxMeasurements: maxBatch, maxPairs: maxPairs)
        gated = .allocate(capacity: maxBatch)
        grid = SpatialGrid(capacity: trackCapacity, cellSizeM: gridCellM)
    }

    deinit {
        neighbours.deallocate()
        gated.deallocate()
    }

    mutating func begin(batchCount: Int) {
        assignment.reset(measurementCount: batchCount)
        for j in 0..<batchCount { gated[j] = false }
    }

    /// Records a gated pair; false when the pair budget is spent.
    mutating func addPair(track: Int, measurement: Int, cost: Double) -> Bool {
        gated[measurement] = true
        return assignment.addPair(track: track, measurement: measurement, cost: cost)
    }
}
