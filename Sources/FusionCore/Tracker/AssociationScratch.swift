/// Scratch storage for one batch's association, allocated once at start-up
/// and reused: candidate tracks, gated pairs, and the assignment result.

struct AssociationScratch: ~Copyable {
    let maxBatch: Int
    let maxPairs: Int
    /// Track slots near the measurement being gated.
    let candidates: UnsafeMutablePointer<Int32>
    let candidateCapacity: Int
    /// Gated pairs: track slot, measurement index in batch, cost.
    let pairTrack: UnsafeMutablePointer<Int32>
    let pairMeasurement: UnsafeMutablePointer<Int32>
    let pairCost: UnsafeMutablePointer<Double>
    var pairCount = 0
    /// Per measurement in the batch: inside some track's gate; assigned slot or -1.
    let gated: UnsafeMutablePointer<Bool>
    let assignedTrack: UnsafeMutablePointer<Int32>
    /// Where the tracks were at `gridTimeNs`, for neighbour queries.
    var grid: TrackLocator
    var gridTimeNs: Int64 = 0

    init(trackCapacity: Int, maxBatch: Int, maxPairs: Int, gridCellM: Double) {
        self.maxBatch = maxBatch
        self.maxPairs = maxPairs
        candidateCapacity = trackCapacity
        candidates = .allocate(capacity: trackCapacity)
        pairTrack = .allocate(capacity: maxPairs)
        pairMeasurement = .allocate(capacity: maxPairs)
        pairCost = .allocate(capacity: maxPairs)
        gated = .allocate(capacity: maxBatch)
        assignedTrack = .allocate(capacity: maxBatch)
        grid = TrackLocator(capacity: trackCapacity, cellM: gridCellM)
    }

    deinit {
        candidates.deallocate()
        pairTrack.deallocate()
        pairMeasurement.deallocate()
        pairCost.deallocate()
        gated.deallocate()
        assignedTrack.deallocate()
    }

    mutating func begin(batchCount: Int) {
        pairCount = 0
        for j in 0..<batchCount {
            gated[j] = false
            assignedTrack[j] = -1
        }
    }

    /// Records a gated pair; false when the pair budget is spent.
    mutating func addPair(track: Int, measurement: Int, cost: Double) -> Bool {
        guard pairCount < maxPairs else { return false }
        pairTrack[pairCount] = Int32(track)
        pairMeasurement[pairCount] = Int32(measurement)
        pairCost[pairCount] = cost
        pairCount += 1
        gated[measurement] = true
        return true
    }
}
