/// Global nearest neighbour over many tracks and measurements: gated pairs
/// are split into independent clusters (`AssociationClusters`) and each is
/// solved optimally (`LinearAssignment`) up to `maxOptimalCluster` tracks or
/// measurements; a larger cluster (a dense knot of crossing targets and
/// clutter) is resolved greedily by cost so that a batch stays bounded in
/// time. Storage is sized at init; solving never allocates.
public struct ClusteredAssignment: Sendable {
    public let maxOptimalCluster: Int
    public private(set) var clusters: AssociationClusters
    var assignment: LinearAssignment
    /// Per measurement: the assigned track or -1.
    var assignedTrack: [Int]
    /// For the greedy fallback: pairs already ruled out.
    var taken: [Bool]
    public private(set) var greedyClusters = 0

    public init(maxTracks: Int, maxMeasurements: Int, maxPairs: Int, maxOptimalCluster: Int = 48) {
        self.maxOptimalCluster = maxOptimalCluster
        clusters = AssociationClusters(maxTracks: maxTracks, maxMeasurements: maxMeasurements, maxPairs: maxPairs)
        assignment = LinearAssignment(maxRows: maxOptimalCluster, maxColumns: maxOptimalCluster)
        assignedTrack = [Int](repeating: -1, count: maxMeasurements)
        taken = [Bool](repeating: false, count: maxPairs)
    }

    /// Starts a new problem over measurements `0..<measurementCount`.
    public mutating func reset(measurementCount: Int) {
        clusters.reset()
        for j in 0..<min(measurementCount, assignedTrack.count) { assignedTrack[j] = -1 }
    }

    /// Adds a gated pair; false when the pair capacity is spent.
    public mutating func addPair(track: Int, measurement: Int, cost: Double) -> Bool {
        clusters.addPair(track: track, measurement: measurement, cost: cost)
    }

    /// The track assigned to `measurement` by the last `solve`, or nil.
    public func track(assignedTo measurement: Int) -> Int? {
        let t = assignedTrack[measurement]
        return t >= 0 ? t : nil
    }

    /// Solves every cluster. Leaving a track or a measurement unassigned
    /// costs `missCost` each, so a pair costing less than twice that is
    /// preferred to leaving both out.
    public mutating func solve(missCost: Double) {
        clusters.build()
        for c in 0..<clusters.clusterCount {
            let cl = clusters.cluster(c)
            guard cl.trackCount <= maxOptimalCluster && cl.measurementCount <= maxOptimalCluster else {
                solveGreedily(cl)
                continue
            }
            clusters.load(
                cluster: c, into: &assignment, trackMissCost: { _ in missCost }, measurementMissCost: { _ in missCost })
            do throws(AssignmentError) {
                try assignment.solve()
            } catch {
                // Finite miss costs make every cluster feasible; never trap on it.
                solveGreedily(cl)
                continue
            }
            for r in 0..<cl.trackCount {
                if let k = assignment.column(assignedToRow: r) {
                    assignedTrack[clusters.measurement(cl, column: k)] = clusters.track(cl, row: r)
                }
            }
        }
    }

    /// Cheapest pair first until no pair has both ends free. O(pairs^2) for
    /// the cluster: only for clusters too large to solve optimally.
    mutating func solveGreedily(_ cl: AssociationClusters.Cluster) {
        greedyClusters &+= 1
        for q in cl.pairs { taken[q] = false }
        while true {
            var best = -1
            var bestCost = Double.infinity
            for q in cl.pairs where !taken[q] {
                let cost = clusters.pair(q).cost
                if cost < bestCost {
                    best = q
                    bestCost = cost
                }
            }
            guard best >= 0 else { return }
            let chosen = clusters.pair(best)
            assignedTrack[chosen.measurement] = chosen.track
            for q in cl.pairs where !taken[q] {
                let p = clusters.pair(q)
                if p.track == chosen.track || p.measurement == chosen.measurement { taken[q] = true }
            }
        }
    }
}
