/// Scratch storage for one batch's association, allocated once at start-up
/// and reused: the spatial grid of tracks, neighbour buffer, gated pairs in
/// clusters, the assignment solver, and the per-measurement result.
struct AssociationScratch: ~Copyable {
    /// Largest cluster solved optimally; a larger one (a dense knot of
    /// crossing targets and clutter) is resolved greedily by cost so that a
    /// batch stays bounded in time.
    static var maxOptimalCluster: Int { 48 }

    let maxBatch: Int
    /// Track slots near the measurement being gated.
    let neighbours: UnsafeMutablePointer<Int>
    let neighbourCapacity: Int
    var clusters: AssociationClusters
    var assignment: LinearAssignment
    /// Per measurement in the batch: inside some track's gate; assigned slot or -1.
    let gated: UnsafeMutablePointer<Bool>
    let assignedTrack: UnsafeMutablePointer<Int32>
    /// For the greedy fallback: pairs already taken, per pair index.
    let taken: UnsafeMutablePointer<Bool>
    /// Where the tracks were at `gridTimeNs`, horizontally.
    var grid: SpatialGrid
    var gridTimeNs: Int64 = 0

    init(trackCapacity: Int, maxBatch: Int, maxPairs: Int, gridCellM: Double) {
        self.maxBatch = maxBatch
        neighbours = .allocate(capacity: trackCapacity)
        neighbourCapacity = trackCapacity
        clusters = AssociationClusters(maxTracks: trackCapacity, maxMeasurements: maxBatch, maxPairs: maxPairs)
        assignment = LinearAssignment(maxRows: Self.maxOptimalCluster, maxColumns: Self.maxOptimalCluster)
        gated = .allocate(capacity: maxBatch)
        assignedTrack = .allocate(capacity: maxBatch)
        taken = .allocate(capacity: maxPairs)
        grid = SpatialGrid(capacity: trackCapacity, cellSizeM: gridCellM)
    }

    deinit {
        neighbours.deallocate()
        gated.deallocate()
        assignedTrack.deallocate()
        taken.deallocate()
    }

    mutating func begin(batchCount: Int) {
        clusters.reset()
        for j in 0..<batchCount {
            gated[j] = false
            assignedTrack[j] = -1
        }
    }

    /// Records a gated pair; false when the pair budget is spent.
    mutating func addPair(track: Int, measurement: Int, cost: Double) -> Bool {
        gated[measurement] = true
        return clusters.addPair(track: track, measurement: measurement, cost: cost)
    }

    /// Solves every cluster and fills `assignedTrack`. Leaving a track or a
    /// measurement unassigned costs `missCost` each, so a gated pair (cost
    /// below twice that) is always preferred to leaving both out.
    mutating func solve(missCost: Double) {
        clusters.build()
        for c in 0..<clusters.clusterCount {
            let cl = clusters.cluster(c)
            if cl.trackCount <= Self.maxOptimalCluster && cl.measurementCount <= Self.maxOptimalCluster {
                clusters.load(
                    cluster: c, into: &assignment, trackMissCost: { _ in missCost },
                    measurementMissCost: { _ in missCost })
                do throws(AssignmentError) {
                    try assignment.solve()
                } catch {
                    // Cannot happen with finite miss costs; fall back rather than trap.
                    solveGreedily(cl)
                    continue
                }
                for r in 0..<cl.trackCount {
                    if let k = assignment.column(assignedToRow: r) {
                        assignedTrack[clusters.measurement(cl, column: k)] = Int32(clusters.track(cl, row: r))
                    }
                }
            } else {
                solveGreedily(cl)
            }
        }
    }

    /// Cheapest pair first until no pair is left with a free track and a
    /// free measurement. O(pairs^2) for the cluster: only for the rare
    /// clusters too large to solve optimally.
    mutating func solveGreedily(_ cl: AssociationClusters.Cluster) {
        for q in cl.pairs { taken[q] = false }
        while true {
            var best = -1
            var bestCost = Double.infinity
            for q in cl.pairs where !taken[q] {
                let p = clusters.pair(q)
                if p.cost < bestCost {
                    best = q
                    bestCost = p.cost
                }
            }
            guard best >= 0 else { return }
            let chosen = clusters.pair(best)
            assignedTrack[chosen.measurement] = Int32(chosen.track)
            for q in cl.pairs where !taken[q] {
                let p = clusters.pair(q)
                if p.track == chosen.track || p.measurement == chosen.measurement { taken[q] = true }
            }
        }
    }
}
