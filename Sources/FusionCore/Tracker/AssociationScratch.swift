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
    /// NIS, and which element of `predictions` holds the gate's prediction
    /// of that track to the measurement's time. The assignment nearly
    /// always picks this track; its update then starts from the prediction
    /// instead of computing it again.
    let bestSlot: UnsafeMutablePointer<Int>
    let bestCost: UnsafeMutablePointer<Double>
    let bestIndex: UnsafeMutablePointer<Int>
    /// `maxBatch + 1` predictions: one per measurement's best and one the
    /// gate predicts each candidate into (`workIndex`). A candidate that
    /// becomes a measurement's best swaps indices with it instead of
    /// copying its 1.8 KB prediction (`keepWorkPrediction`). The indices
    /// stay a permutation, so no two owners share an element.
    let predictions: UnsafeMutablePointer<FusionEngine.Filter.Prediction>
    var workIndex: Int
    /// Where the tracks were, horizontally: each at its last maintenance
    /// slice (`visitedNs`), a new track where it started. The newest slice
    /// ran at `gridTimeNs`, the oldest still in force at `gridOldestNs`.
    var grid: SpatialGrid
    var gridTimeNs: Int64 = 0
    var gridOldestNs: Int64 = 0
    /// Per track slot: when a maintenance slice last aged it (`.min`: not
    /// yet). Per slice: when it last ran.
    let visitedNs: UnsafeMutablePointer<Int64>
    let sliceVisitNs: UnsafeMutablePointer<Int64>
    let sliceCount: Int
    /// Per track slot: the estimate `maintain` carried to `gridTimeNs`
    /// (`coarselyPredictedState`), for `removeDuplicates` to read instead of
    /// predicting each track again, and once more per neighbour. Written
    /// only for slots in use, so only their pages are resident.
    let predictedAtGrid: UnsafeMutablePointer<PackedGaussianState>

    init(trackCapacity: Int, maxBatch: Int, maxPairs: Int, gridCellM: Double, slices: Int) {
        visitedNs = .allocate(capacity: trackCapacity)
        visitedNs.initialize(repeating: .min, count: trackCapacity)
        sliceCount = max(1, slices)
        sliceVisitNs = .allocate(capacity: sliceCount)
        sliceVisitNs.initialize(repeating: 0, count: sliceCount)
        neighbours = .allocate(capacity: trackCapacity)
        neighbourCapacity = trackCapacity
        assignment = ClusteredAssignment(maxTracks: trackCapacity, maxMeasurements: maxBatch, maxPairs: maxPairs)
        gated = .allocate(capacity: maxBatch)
        bestSlot = .allocate(capacity: maxBatch)
        bestCost = .allocate(capacity: maxBatch)
        predictions = .allocate(capacity: maxBatch + 1)
        bestIndex = .allocate(capacity: maxBatch)
        for j in 0..<maxBatch { bestIndex[j] = j }
        workIndex = maxBatch
        grid = SpatialGrid(capacity: trackCapacity, cellSizeM: gridCellM)
        predictedAtGrid = .allocate(capacity: trackCapacity)
    }

    deinit {
        neighbours.deallocate()
        gated.deallocate()
        bestSlot.deallocate()
        bestCost.deallocate()
        bestIndex.deallocate()
        predictions.deallocate()
        predictedAtGrid.deallocate()
        visitedNs.deallocate()
        sliceVisitNs.deallocate()
    }

    /// How far, in seconds, a grid position may lie from time `t`: every
    /// position was taken between `gridOldestNs` and `gridTimeNs` (a new
    /// track's at its start, as before slicing), so a track has moved at
    /// most its speed times this since its grid position.
    func gridAgeS(at t: Int64) -> Double {
        max(abs(secondsBetween(gridTimeNs, t)), abs(secondsBetween(gridOldestNs, t)))
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

    /// Where the gate predicts the candidate track it is testing.
    var workPrediction: UnsafeMutablePointer<FusionEngine.Filter.Prediction> { predictions + workIndex }

    /// Keeps the work prediction as measurement `j`'s best (`slot`, `cost`);
    /// `j`'s previous best becomes the next work space.
    mutating func keepWorkPrediction(asBestOf j: Int, slot: Int, cost: Double) {
        bestSlot[j] = slot
        bestCost[j] = cost
        let kept = workIndex
        workIndex = bestIndex[j]
        bestIndex[j] = kept
    }

    /// The gate's prediction of `slot` for measurement `j`, if it is the
    /// one kept (the update uses it up in place).
    func prediction(ofSlot slot: Int, forMeasurement j: Int) -> UnsafeMutablePointer<FusionEngine.Filter.Prediction>? {
        bestSlot[j] == slot ? predictions + bestIndex[j] : nil
    }
}
