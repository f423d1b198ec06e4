import FusionCore
import FusionMath
import Simulation
import Testing

@Suite struct SpatialGridTests {
    /// Random insert/move/remove sequences; every query must return exactly
    /// the items a brute-force distance check finds.
    func exercise(seed: UInt64, capacity: Int, cellSizeM: Double, bucketCount: Int, maxRadiusM: Double) {
        var g = SeededGenerator(seed: seed)
        var grid = SpatialGrid(capacity: capacity, cellSizeM: cellSizeM, bucketCount: bucketCount)
        var present = [Bool](repeating: false, count: capacity)
        var east = [Double](repeating: 0, count: capacity), north = [Double](repeating: 0, count: capacity)
        var buffer = [Int](repeating: -1, count: capacity)
        var nonEmptyQueries = 0, nonEmptyCorridors = 0
        for step in 0..<4000 {
            let item = Int(g.next() % UInt64(capacity))
            let r = g.uniform()
            if !present[item] {
                east[item] = g.uniform(-30_000, 30_000)
                north[item] = g.uniform(-30_000, 30_000)
                grid.insert(item, eastM: east[item], northM: north[item])
                present[item] = true
            } else if r < 0.25 {
                grid.remove(item)
                present[item] = false
            } else {
                // Mostly short moves (same or next cell), sometimes a jump.
                if r < 0.85 {
                    east[item] += g.normal(mean: 0, sigma: 500)
                    north[item] += g.normal(mean: 0, sigma: 500)
                } else {
                    east[item] = g.uniform(-30_000, 30_000)
                    north[item] = g.uniform(-30_000, 30_000)
                }
                grid.move(item, eastM: east[item], northM: north[item])
            }
            #expect(grid.count == present.filter { $0 }.count)
            guard step % 8 == 0 else { continue }
            let qe = g.uniform(-32_000, 32_000), qn = g.uniform(-32_000, 32_000)
            let radius = g.uniform(0, maxRadiusM)
            let result = grid.query(eastM: qe, northM: qn, radiusM: radius, into: &buffer)
            #expect(result.complete)
            let found = Array(buffer[0..<result.count]).sorted()
            var expected: [Int] = []
            for k in 0..<capacity where present[k] {
                let de = east[k] - qe, dn = north[k] - qn
                if de * de + dn * dn <= radius * radius { expected.append(k) }
            }
            #expect(found == expected)
            if !expected.isEmpty { nonEmptyQueries += 1 }

            // A bearing corridor: segment from a sensor, random direction and length.
            let bearing = g.uniform(0, 2 * Double.pi), length = g.uniform(0, 25_000)
            let bx = qe + length * Math.sin(bearing), by = qn + length * Math.cos(bearing)
            let halfWidth = g.uniform(0, maxRadiusM / 3)
            var corridor: [Int] = []
            grid.forEachItem(nearSegmentFromEastM: qe, northM: qn, toEastM: bx, northM: by, halfWidthM: halfWidth) {
                corridor.append($0)
            }
            var expectedCorridor: [Int] = []
            for k in 0..<capacity where present[k] {
                let dx = bx - qe, dy = by - qn
                let t = max(0, min(1, ((east[k] - qe) * dx + (north[k] - qn) * dy) / (dx * dx + dy * dy)))
                let ex = east[k] - (qe + t * dx), ey = north[k] - (qn + t * dy)
                if ex * ex + ey * ey <= halfWidth * halfWidth { expectedCorridor.append(k) }
            }
            #expect(corridor.sorted() == expectedCorridor)
            if !expectedCorridor.isEmpty { nonEmptyCorridors += 1 }
        }
        #expect(nonEmptyQueries > 50)
        #expect(nonEmptyCorridors > 50)
    }

    @Test func queriesAreExactOverRandomOperations() {
        exercise(seed: 1, capacity: 400, cellSizeM: 2_000, bucketCount: 0, maxRadiusM: 6_000)
    }

    @Test func queriesStayExactWithHeavyBucketCollisions() {
        // Four buckets for many cells: collisions everywhere, and large radii
        // take the walk-every-bucket path.
        exercise(seed: 2, capacity: 150, cellSizeM: 1_500, bucketCount: 4, maxRadiusM: 9_000)
    }

    @Test func queriesStayExactWithCellsMuchSmallerThanTheRadius() {
        exercise(seed: 3, capacity: 200, cellSizeM: 250, bucketCount: 64, maxRadiusM: 3_000)
    }

    @Test func fullBufferReportsIncomplete() {
        var grid = SpatialGrid(capacity: 10, cellSizeM: 1_000)
        for k in 0..<10 { grid.insert(k, eastM: Double(k) * 10, northM: 0) }
        var small = [Int](repeating: -1, count: 4)
        let r = grid.query(eastM: 0, northM: 0, radiusM: 1_000, into: &small)
        #expect(r.count == 4)
        #expect(!r.complete)
        #expect(Set(small).count == 4)
        var big = [Int](repeating: -1, count: 10)
        let all = grid.query(eastM: 0, northM: 0, radiusM: 1_000, into: &big)
        #expect(all.count == 10 && all.complete)
    }

    @Test func boundaryDistanceIsInclusiveAndFarPositionsDoNotTrap() {
        var grid = SpatialGrid(capacity: 4, cellSizeM: 1_000)
        grid.insert(0, eastM: 3_000, northM: 4_000)   // exactly 5 km from the origin
        grid.insert(1, eastM: 1e15, northM: -1e15)     // beyond the clamped cell range
        grid.insert(2, eastM: 1e15 + 10, northM: -1e15)
        var buffer = [Int](repeating: -1, count: 4)
        #expect(grid.query(eastM: 0, northM: 0, radiusM: 5_000, into: &buffer).count == 1)
        #expect(buffer[0] == 0)
        #expect(grid.query(eastM: 0, northM: 0, radiusM: 4_999.999, into: &buffer).count == 0)
        let far = grid.query(eastM: 1e15 + 5, northM: -1e15, radiusM: 6, into: &buffer)
        #expect(far.count == 2)
        #expect(Set(buffer[0..<2]) == [1, 2])
    }

    @Test func rebuildReplacesTheContents() {
        var grid = SpatialGrid(capacity: 8, cellSizeM: 500)
        grid.insert(7, eastM: 0, northM: 0)
        grid.rebuild(itemCount: 8) { k in k % 2 == 0 ? (Double(k) * 100, 0) : nil }
        #expect(grid.count == 4)
        #expect(!grid.contains(7) && grid.contains(6))
        var buffer = [Int](repeating: -1, count: 8)
        let r = grid.query(eastM: 0, northM: 0, radiusM: 250, into: &buffer)
        #expect(Array(buffer[0..<r.count]).sorted() == [0, 2])
    }
}
