/// The gated (track, measurement) pairs of one scan, split into independent
/// clusters so that the optimal assignment runs per cluster.
///
/// Two pairs belong to the same cluster when they share a track or a
/// measurement, transitively: the connected components of the bipartite
/// gating graph. No assignment decision in one cluster can change the best
/// decision in another, so solving each cluster alone is exactly optimal,
/// and the O(k^3) cost of `LinearAssignment` applies to cluster sizes k,
/// not to the scan.
///
/// Algorithm: union-find with path halving and union by size (Tarjan 1975),
/// then a counting sort of tracks, measurements and pairs by cluster.
/// Node state is stamped with a scan generation, so `reset` is O(1) and a
/// scan costs O(pairs α(pairs)) whatever the capacity.
///
/// Only tracks and measurements that appear in some pair are in a cluster: a
/// measurement with no gated track is a new-target candidate and a track with
/// no gated measurement a miss, both handled by the tracker directly.
///
/// Flow per scan (see `LinearAssignment` for the solve); the grid's search
/// radius must cover the largest gate ellipse (e.g. sqrt(gate) times the
/// largest innovation standard deviation, horizontally):
///
///     grid.rebuild(itemCount: tracks.capacity) { i in tracks.isLive(i) ? tracks.predictedEN(i) : nil }
///     let gate = ChiSquare.gate(degreesOfFreedom: 3, probability: .p999)
///     clusters.reset()
///     for j in 0..<batch.count {
///         let p = batch.approximateEN(j)            // bearings: use forEachItem(nearSegmentFrom...)
///         let found = grid.query(eastM: p.e, northM: p.n, radiusM: searchRadiusM, into: &neighbours)
///         for q in 0..<found.count {
///             let i = neighbours[q]
///             let s = filter.innovation(track: i, measurement: batch[j])   // NIS and ln det S
///             if s.nis <= gate { _ = clusters.addPair(track: i, measurement: j, cost: s.nis + s.logDetS) }
///         }
///     }
///     clusters.build()
///     for c in 0..<clusters.clusterCount {
///         clusters.load(cluster: c, into: &lap, trackMissCost: missCost, measurementMissCost: newCost)
///         try lap.solve()  // then read lap.column(assignedToRow:) as in LinearAssignment's example
///     }
///
/// Storage is sized at init; nothing allocates after it.
public struct AssociationClusters: Sendable {
    /// One cluster: the tracks, measurements and pairs it holds are the
    /// ranges below in `track(at:)`, `measurement(at:)` and `pair(_:)`.
    @frozen public struct Cluster: Sendable {
        public var tracks: Range<Int>
        public var measurements: Range<Int>
        public var pairs: Range<Int>
        @inlinable public var trackCount: Int { tracks.count }
        @inlinable public var measurementCount: Int { measurements.count }
    }

    /// A gated pair with its indices local to its cluster: `localRow` is the
    /// track's position among the cluster's tracks, `localColumn` the
    /// measurement's among its measurements (the assignment's row and column).
    @frozen public struct Pair: Sendable, BitwiseCopyable {
        public var track: Int
        public var measurement: Int
        public var cost: Double
        public var localRow: Int
        public var localColumn: Int
    }

    public let maxTracks: Int
    public let maxMeasurements: Int
    public let maxPairs: Int

    // Input pairs, in insertion order.
    var pairTrack: [Int]
    var pairMeasurement: [Int]
    var pairCost: [Double]
    public private(set) var pairCount = 0

    // Union-find over nodes: tracks are 0..<maxTracks, measurements follow.
    var parent: [Int]
    var size: [Int]
    var stamp: [UInt32]
    var clusterOfNode: [Int]
    var localIndex: [Int]
    var generation: UInt32 = 1      // stamps start at 0: nothing is current before the first pair
    var touched: [Int]         // nodes seen this scan, in first-appearance order
    var touchedCount = 0

    // Output, grouped by cluster.
    var clusterTrackStart: [Int]
    var clusterMeasurementStart: [Int]
    var clusterPairStart: [Int]
    var fill: [Int]
    var sortedTracks: [Int]
    var sortedMeasurements: [Int]
    var sortedPairs: [Int]
    public private(set) var clusterCount = 0
    var built = false

    public init(maxTracks: Int, maxMeasurements: Int, maxPairs: Int) {
        precondition(maxTracks >= 0 && maxMeasurements >= 0 && maxPairs >= 0)
        self.maxTracks = maxTracks
        self.maxMeasurements = maxMeasurements
        self.maxPairs = maxPairs
        let nodes = max(1, maxTracks + maxMeasurements)
        let p = max(1, maxPairs)
        let maxClusters = max(1, min(maxPairs, min(maxTracks, maxMeasurements)))
        pairTrack = Array(repeating: 0, count: p)
        pairMeasurement = Array(repeating: 0, count: p)
        pairCost = Array(repeating: 0, count: p)
        parent = Array(repeating: 0, count: nodes)
        size = Array(repeating: 0, count: nodes)
        stamp = Array(repeating: 0, count: nodes)
        clusterOfNode = Array(repeating: 0, count: nodes)
        localIndex = Array(repeating: 0, count: nodes)
        touched = Array(repeating: 0, count: min(nodes, 2 * p))
        clusterTrackStart = Array(repeating: 0, count: maxClusters + 1)
        clusterMeasurementStart = Array(repeating: 0, count: maxClusters + 1)
        clusterPairStart = Array(repeating: 0, count: maxClusters + 1)
        fill = Array(repeating: 0, count: maxClusters + 1)
        sortedTracks = Array(repeating: 0, count: max(1, min(maxTracks, p)))
        sortedMeasurements = Array(repeating: 0, count: max(1, min(maxMeasurements, p)))
        sortedPairs = Array(repeating: 0, count: p)
    }

    /// Forgets the previous scan. O(1).
    public mutating func reset() {
        pairCount = 0
        touchedCount = 0
        clusterCount = 0
        built = false
        generation &+= 1
        if generation == 0 {
            // Wrapped after 2^32 scans: clear the stamps once so no stale node looks current.
            for k in 0..<stamp.count { stamp[k] = 0 }
            generation = 1
        }
    }

    var isFull: Bool { pairCount == maxPairs }

    /// Records a gated pair; `cost` is what the assignment will minimise.
    /// Returns false (and records nothing) when the pair capacity is full.
    /// Each (track, measurement) pair must be added at most once.
    public mutating func addPair(track: Int, measurement: Int, cost: Double) -> Bool {
        precondition(track >= 0 && track < maxTracks && measurement >= 0 && measurement < maxMeasurements)
        guard !isFull else { return false }
        built = false
        pairTrack[pairCount] = track
        pairMeasurement[pairCount] = measurement
        pairCost[pairCount] = cost
        pairCount += 1
        union(node(track), node(maxTracks + measurement))
        return true
    }

    /// The node index, made current for this scan on first sight.
    mutating func node(_ k: Int) -> Int {
        if stamp[k] != generation {
            stamp[k] = generation
            parent[k] = k
            size[k] = 1
            touched[touchedCount] = k
            touchedCount += 1
        }
        return k
    }

    mutating func find(_ k: Int) -> Int {
        var x = k
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    mutating func union(_ a: Int, _ b: Int) {
        var ra = find(a), rb = find(b)
        guard ra != rb else { return }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = ra
        size[ra] += size[rb]
    }

    /// Groups the pairs into clusters. Call once after the last `addPair`.
    /// Clusters are numbered in order of their first node's appearance, so
    /// the result is deterministic for a given input order.
    public mutating func build() {
        // Number the components in order of first appearance, then count
        // tracks, measurements and pairs per cluster.
        clusterCount = 0
        for t in 0..<touchedCount { clusterOfNode[touched[t]] = -1 }
        var trackTotal = 0, measurementTotal = 0
        for t in 0..<touchedCount {
            let k = touched[t]
            let r = find(k)
            if clusterOfNode[r] < 0 {
                clusterOfNode[r] = clusterCount
                clusterTrackStart[clusterCount] = 0
                clusterMeasurementStart[clusterCount] = 0
                clusterPairStart[clusterCount] = 0
                clusterCount += 1
            }
        }
        for t in 0..<touchedCount {
            let k = touched[t]
            let c = clusterOfNode[find(k)]
            if k < maxTracks { clusterTrackStart[c] += 1; trackTotal += 1 } else { clusterMeasurementStart[c] += 1; measurementTotal += 1 }
        }
        for q in 0..<pairCount { clusterPairStart[clusterOfNode[find(pairTrack[q])]] += 1 }
        Self.exclusivePrefixSum(&clusterTrackStart, count: clusterCount)
        Self.exclusivePrefixSum(&clusterMeasurementStart, count: clusterCount)
        Self.exclusivePrefixSum(&clusterPairStart, count: clusterCount)

        // Scatter nodes in first-appearance order; a node's local index is its
        // offset within its cluster's range.
        for c in 0..<clusterCount { fill[c] = clusterTrackStart[c] }
        for t in 0..<touchedCount where touched[t] < maxTracks {
            let k = touched[t]
            let c = clusterOfNode[find(k)]
            sortedTracks[fill[c]] = k
            localIndex[k] = fill[c] - clusterTrackStart[c]
            fill[c] += 1
        }
        for c in 0..<clusterCount { fill[c] = clusterMeasurementStart[c] }
        for t in 0..<touchedCount where touched[t] >= maxTracks {
            let k = touched[t]
            let c = clusterOfNode[find(k)]
            sortedMeasurements[fill[c]] = k - maxTracks
            localIndex[k] = fill[c] - clusterMeasurementStart[c]
            fill[c] += 1
        }
        for c in 0..<clusterCount { fill[c] = clusterPairStart[c] }
        for q in 0..<pairCount {
            let c = clusterOfNode[find(pairTrack[q])]
            sortedPairs[fill[c]] = q
            fill[c] += 1
        }
        built = true
    }

    static func exclusivePrefixSum(_ a: inout [Int], count: Int) {
        var running = 0
        for c in 0..<count {
            let n = a[c]
            a[c] = running
            running += n
        }
        a[count] = running
    }

    /// Cluster `c`, 0..<clusterCount (after `build`).
    public func cluster(_ c: Int) -> Cluster {
        precondition(built && c >= 0 && c < clusterCount, "cluster read before build() or out of range")
        return Cluster(
            tracks: clusterTrackStart[c]..<clusterTrackStart[c + 1],
            measurements: clusterMeasurementStart[c]..<clusterMeasurementStart[c + 1],
            pairs: clusterPairStart[c]..<clusterPairStart[c + 1])
    }

    /// The track at position `k` of a cluster's `tracks` range.
    public func track(at k: Int) -> Int { sortedTracks[k] }

    /// The measurement at position `k` of a cluster's `measurements` range.
    public func measurement(at k: Int) -> Int { sortedMeasurements[k] }

    /// The track of `cluster` whose local row is `row`.
    public func track(_ cluster: Cluster, row: Int) -> Int { sortedTracks[cluster.tracks.lowerBound + row] }

    /// The measurement of `cluster` whose local column is `column`.
    public func measurement(_ cluster: Cluster, column: Int) -> Int {
        sortedMeasurements[cluster.measurements.lowerBound + column]
    }

    /// The pair at position `k` of a cluster's `pairs` range, with local indices.
    public func pair(_ k: Int) -> Pair {
        let q = sortedPairs[k]
        let i = pairTrack[q], j = pairMeasurement[q]
        return Pair(track: i, measurement: j, cost: pairCost[q],
                    localRow: localIndex[i], localColumn: localIndex[maxTracks + j])
    }

    /// Loads cluster `c` into `assignment`: its pair costs, each track's
    /// non-assignment cost `trackMissCost(track)` and each measurement's
    /// `measurementMissCost(measurement)` (global indices in the closures).
    public func load(
        cluster c: Int, into assignment: inout LinearAssignment,
        trackMissCost: (Int) -> Double, measurementMissCost: (Int) -> Double
    ) {
        let cl = cluster(c)
        assignment.reset(rows: cl.trackCount, columns: cl.measurementCount)
        for r in 0..<cl.trackCount { assignment.setRowUnassignedCost(r, trackMissCost(track(cl, row: r))) }
        for k in 0..<cl.measurementCount {
            assignment.setColumnUnassignedCost(k, measurementMissCost(measurement(cl, column: k)))
        }
        for q in cl.pairs {
            let p = pair(q)
            assignment.setCost(row: p.localRow, column: p.localColumn, p.cost)
        }
    }
}
