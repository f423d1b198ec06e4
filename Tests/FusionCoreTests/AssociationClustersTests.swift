import FusionCore
import Simulation
import Testing

@Suite struct AssociationClustersTests {
    /// Random sparse gating graphs: clusters must be exactly the connected
    /// components, local indices consistent, and per-cluster optimal
    /// assignment must cost the same as the one big assignment.
    @Test func clustersAreConnectedComponentsAndSolvingPerClusterIsOptimal() throws {
        var g = SeededGenerator(seed: 5)
        let maxTracks = 60, maxMeasurements = 50
        var clusters = AssociationClusters(maxTracks: maxTracks, maxMeasurements: maxMeasurements, maxPairs: 400)
        var whole = LinearAssignment(maxRows: maxTracks, maxColumns: maxMeasurements)
        var part = LinearAssignment(maxRows: maxTracks, maxColumns: maxMeasurements)
        var multiClusterScans = 0
        for _ in 0..<100 {
            clusters.reset()
            let trackMiss = (0..<maxTracks).map { _ in g.uniform(1, 6) }
            let measurementMiss = (0..<maxMeasurements).map { _ in g.uniform(1, 6) }
            // Tracks and measurements on a line; a pair gates when close.
            let tPos = (0..<maxTracks).map { _ in g.uniform(0, 100) }
            let mPos = (0..<maxMeasurements).map { _ in g.uniform(0, 100) }
            var pairs: [(Int, Int, Double)] = []
            for j in 0..<maxMeasurements {
                for i in 0..<maxTracks where abs(tPos[i] - mPos[j]) < 1.2 {
                    let c = g.uniform(-3, 8)
                    pairs.append((i, j, c))
                    let added = clusters.addPair(track: i, measurement: j, cost: c)
                    #expect(added)
                }
            }
            clusters.build()

            // Reference components by flood fill over the bipartite graph.
            var component = [Int](repeating: -1, count: maxTracks + maxMeasurements)
            var componentCount = 0
            for (i, _, _) in pairs where component[i] < 0 {
                var stack = [i]
                component[i] = componentCount
                while let v = stack.popLast() {
                    for (a, b, _) in pairs {
                        let ta = a, mb = maxTracks + b
                        if ta == v && component[mb] < 0 { component[mb] = componentCount; stack.append(mb) }
                        if mb == v && component[ta] < 0 { component[ta] = componentCount; stack.append(ta) }
                    }
                }
                componentCount += 1
            }
            #expect(clusters.clusterCount == componentCount)
            if componentCount > 1 { multiClusterScans += 1 }

            var seenPairs = 0
            var perClusterTotal = 0.0
            var inCluster = [Int](repeating: -1, count: maxTracks + maxMeasurements)
            for c in 0..<clusters.clusterCount {
                let cl = clusters.cluster(c)
                #expect(cl.trackCount > 0 && cl.measurementCount > 0 && !cl.pairs.isEmpty)
                for r in 0..<cl.trackCount { inCluster[clusters.track(cl, row: r)] = c }
                for k in 0..<cl.measurementCount { inCluster[maxTracks + clusters.measurement(cl, column: k)] = c }
                for q in cl.pairs {
                    let p = clusters.pair(q)
                    #expect(clusters.track(cl, row: p.localRow) == p.track)
                    #expect(clusters.measurement(cl, column: p.localColumn) == p.measurement)
                    seenPairs += 1
                }
                clusters.load(cluster: c, into: &part, trackMissCost: { trackMiss[$0] },
                              measurementMissCost: { measurementMiss[$0] })
                perClusterTotal += try part.solve()
            }
            #expect(seenPairs == pairs.count)
            // Same partition as the flood fill (cluster numbers may differ).
            for (i, j, _) in pairs {
                #expect(inCluster[i] == inCluster[maxTracks + j])
                for (i2, j2, _) in pairs where component[i2] == component[i] {
                    #expect(inCluster[i2] == inCluster[i] && inCluster[maxTracks + j2] == inCluster[i])
                }
            }

            // One big problem over the tracks and measurements in some pair.
            var involvedTrack = [Bool](repeating: false, count: maxTracks)
            var involvedMeasurement = [Bool](repeating: false, count: maxMeasurements)
            for (i, j, _) in pairs { involvedTrack[i] = true; involvedMeasurement[j] = true }
            whole.reset(rows: maxTracks, columns: maxMeasurements)
            for i in 0..<maxTracks { whole.setRowUnassignedCost(i, involvedTrack[i] ? trackMiss[i] : 0) }
            for j in 0..<maxMeasurements { whole.setColumnUnassignedCost(j, involvedMeasurement[j] ? measurementMiss[j] : 0) }
            for (i, j, c) in pairs { whole.setCost(row: i, column: j, c) }
            let wholeTotal = try whole.solve()
            #expect(abs(wholeTotal - perClusterTotal) < 1e-9 * max(1, abs(wholeTotal)))
        }
        #expect(multiClusterScans > 50)
    }

    func add(_ c: inout AssociationClusters, track: Int, measurement: Int, cost: Double) -> Bool {
        c.addPair(track: track, measurement: measurement, cost: cost)
    }

    @Test func capacityIsRespectedAndResetForgets() {
        var clusters = AssociationClusters(maxTracks: 4, maxMeasurements: 4, maxPairs: 3)
        #expect(add(&clusters, track: 0, measurement: 0, cost: 1))
        #expect(add(&clusters, track: 1, measurement: 0, cost: 1))
        #expect(add(&clusters, track: 2, measurement: 3, cost: 1))
        #expect(!add(&clusters, track: 3, measurement: 3, cost: 1))
        clusters.build()
        #expect(clusters.clusterCount == 2)
        let first = clusters.cluster(0)
        #expect(first.trackCount == 2 && first.measurementCount == 1)
        #expect(clusters.track(first, row: 0) == 0 && clusters.track(first, row: 1) == 1)

        clusters.reset()
        #expect(add(&clusters, track: 3, measurement: 1, cost: 2))
        clusters.build()
        #expect(clusters.clusterCount == 1)
        let only = clusters.cluster(0)
        #expect(only.trackCount == 1 && only.measurementCount == 1)
        #expect(clusters.track(only, row: 0) == 3 && clusters.measurement(only, column: 0) == 1)
        #expect(clusters.pair(only.pairs.lowerBound).cost == 2)
    }
}
