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
    /// Per measurement in the batch: the track slot with the lowest gated
    /// NIS among those the measurement is not late for (-1: none), that
    /// NIS, and the gate's prediction of that track to the measurement's
    /// time. The assignment nearly always picks this track; its update then
    /// starts from the prediction instead of computing it again.
    let bestSlot: UnsafeMutablePointer<Int>
    let bestCost: UnsafeMutablePointer<Double>
    let bestPrediction: UnsafeMutablePointer<FusionEngine.Filter.Prediction>
    /// Where the gate predicts each candidate track (one more element
    /// after `bestPrediction`'s): copied into `bestPrediction` only when it
    /// becomes a measurement's best.
    let workPrediction: UnsafeMutablePointer<FusionEngine.Filter.Prediction>
    /// Where the tracks were at `gridTimeNs`, horizontally.
    var grid: SpatialGrid
    var gridTimeNs: Int64 = 0
    /// Per track slot: the estimate `maintain` carried to `gridTimeNs`
    /// (`coarselyPredictedState`), for `removeDuplicates` to read instead of
    /// predicting each track again, and once more per neighbour. Written
    /// only for slots in use, so only their pages are resident.
    let predictedAtGrid: UnsafeMutablePointer<PackedGaussianState>

    init(trackCapacity: Int, maxBatch: Int, maxPairs: Int, gridCellM: Double) {
        neighbours = .allocate(capacity: trackCapacity)
        neighbourCapacity = trackCapacity
        assignment = ClusteredAssignment(maxTracks: trackCapacity, maxMeasurements: maxBatch, maxPairs: maxPairs)
        gated = .allocate(capacity: maxBatch)
        bestSlot = .allocate(capacity: maxBatch)
        bestCost = .allocate(capacity: maxBatch)
        bestPrediction = .allocate(capacity: maxBatch + 1)
        workPrediction = bestPrediction + maxBatch
        grid = SpatialGrid(capacity: trackCapacity, cellSizeM: gridCellM)
        predictedAtGrid = .allocate(capacity: trackCapacity)
    }

    deinit {
        neighbours.deallocate()
        gated.deallocate()
        bestSlot.deallocate()
        bestCost.deallocate()
        bestPrediction.deallocate()
        predictedAtGrid.deallocate()
    }

    mutating func begin(batchCount: Int) {
        assignment.reset(measurementCount: batchCount)
        for j in 0..<batchCount {
            gated[j] = false
            bestSlot[j] = -1
        }
    }

    /// Records a gated pair; false when the pair budget is spent.
    mutating func addPair(track: Int, measurement: Int, cost: Double) -> Bool {
        gated[measurement] = true
        return assignment.addPair(track: track, measurement: measurement, cost: cost)
    }

    /// The gate's prediction of `slot` for measurement `j`, if it is the
    /// one kept (the update uses it up in place).
    func prediction(ofSlot slot: Int, forMeasurement j: Int) -> UnsafeMutablePointer<FusionEngine.Filter.Prediction>? {
        bestSlot[j] == slot ? bestPrediction + j : nil
    }
}
