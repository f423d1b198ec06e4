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
    /// Per measurement in the batch: the two smallest gate costs (normalised
    /// squared innovations) among the tracks whose gate it fell in.
    let bestCost: UnsafeMutablePointer<Double>
    let secondCost: UnsafeMutablePointer<Double>
    /// Where the tracks were at `gridTimeNs`, horizontally.
    var grid: SpatialGrid
    var gridTimeNs: Int64 = 0

    init(trackCapacity: Int, maxBatch: Int, maxPairs: Int, gridCellM: Double) {
        neighbours = .allocate(capacity: trackCapacity)
        neighbourCapacity = trackCapacity
        assignment = ClusteredAssignment(maxTracks: trackCapacity, maxMeasurements: maxBatch, maxPairs: maxPairs)
        gated = .allocate(capacity: maxBatch)
        bestCost = .allocate(capacity: maxBatch)
        secondCost = .allocate(capacity: maxBatch)
        grid = SpatialGrid(capacity: trackCapacity, cellSizeM: gridCellM)
    }

    deinit {
        neighbours.deallocate()
        gated.deallocate()
        bestCost.deallocate()
        secondCost.deallocate()
    }

    mutating func begin(batchCount: Int) {
        assignment.reset(measurementCount: batchCount)
        for j in 0..<batchCount {
            gated[j] = false
            bestCost[j] = .infinity
            secondCost[j] = .infinity
        }
    }

    /// True when a second track explains measurement `j` almost as well as
    /// the best one: their gate costs differ by less than `margin`.
    func isAmbiguous(_ j: Int, margin: Double) -> Bool { secondCost[j] - bestCost[j] < margin }

    /// Records a gated pair; false when the pair budget is spent.
    mutating func addPair(track: Int, measurement: Int, cost: Double) -> Bool {
        gated[measurement] = true
        if cost < bestCost[measurement] {
            secondCost[measurement] = bestCost[measurement]
            bestCost[measurement] = cost
        } else if cost < secondCost[measurement] {
            secondCost[measurement] = cost
        }
        return assignment.addPair(track: track, measurement: measurement, cost: cost)
    }
}
