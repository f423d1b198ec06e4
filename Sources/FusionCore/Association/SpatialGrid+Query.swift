extension SpatialGrid {
    /// Calls `body` with every item whose horizontal distance from
    /// (`eastM`, `northM`) is at most `radiusM`, each exactly once, in no
    /// particular order (deterministic for a given history of operations).
    public func forEachItem(nearEastM eastM: Double, northM: Double, radiusM: Double, _ body: (Int) -> Void) {
        precondition(eastM.isFinite && northM.isFinite, "query position is not finite")
        guard radiusM >= 0, count > 0 else { return }
        let r2 = radiusM * radiusM

        if radiusM.isFinite {
            let cx0 = cell(eastM - radiusM), cx1 = cell(eastM + radiusM)
            let cy0 = cell(northM - radiusM), cy1 = cell(northM + radiusM)
            let width = cx1 - cx0 + 1, height = cy1 - cy0 + 1
            // Fewer cells than buckets: visit cells (the local-density path).
            if width <= bucketCount && height <= bucketCount && width * height <= bucketCount {
                for cx in cx0...cx1 {
                    let dx = axisGap(eastM, cx)
                    for cy in cy0...cy1 {
                        let dy = axisGap(northM, cy)
                        // The disc misses this cell's square: nothing in it can be in range.
                        if dx * dx + dy * dy > r2 { continue }
                        var k = heads[bucket(cx, cy)]
                        while k >= 0 {
                            let item = Int(k)
                            if cellX[item] == cx && cellY[item] == cy {
                                let ex = east[item] - eastM, ny = north[item] - northM
                                if ex * ex + ny * ny <= r2 { body(item) }
                            }
                            k = next[item]
                        }
                    }
                }
                return
            }
        }
        // The disc covers more cells than there are buckets: one pass over
        // every bucket is cheaper than revisiting buckets cell by cell.
        for b in 0..<bucketCount {
            var k = heads[b]
            while k >= 0 {
                let item = Int(k)
                let ex = east[item] - eastM, ny = north[item] - northM
                if ex * ex + ny * ny <= r2 { body(item) }
                k = next[item]
            }
        }
    }

    /// Calls `body` with every item whose horizontal distance from the
    /// segment A-B is at most `halfWidthM`, each exactly once: the candidates
    /// for a bearing-only (acoustic) detection, A the sensor and B the point
    /// at the maximum detection range along the bearing. Visits only the
    /// cells of the segment's bounding box that can lie within the corridor.
    public func forEachItem(
        nearSegmentFromEastM ax: Double, northM ay: Double, toEastM bx: Double, northM by: Double,
        halfWidthM: Double, _ body: (Int) -> Void
    ) {
        precondition(ax.isFinite && ay.isFinite && bx.isFinite && by.isFinite, "segment is not finite")
        guard halfWidthM >= 0, halfWidthM.isFinite, count > 0 else { return }
        let w2 = halfWidthM * halfWidthM
        let cx0 = cell(Swift.min(ax, bx) - halfWidthM), cx1 = cell(Swift.max(ax, bx) + halfWidthM)
        let cy0 = cell(Swift.min(ay, by) - halfWidthM), cy1 = cell(Swift.max(ay, by) + halfWidthM)
        let width = cx1 - cx0 + 1, height = cy1 - cy0 + 1
        if width <= bucketCount && height <= bucketCount && width * height <= bucketCount {
            // A cell can hold a point of the corridor only if its centre is
            // within halfWidth + half its diagonal of the segment.
            let reach = halfWidthM + 0.5 * cellSizeM * 2.0.squareRoot()
            for cx in cx0...cx1 {
                for cy in cy0...cy1 {
                    let boundary = Swift.max(abs(cx), abs(cy)) >= Self.cellLimit
                    if !boundary {
                        let centreX = (Double(cx) + 0.5) * cellSizeM, centreY = (Double(cy) + 0.5) * cellSizeM
                        if squaredDistance(centreX, centreY, ax, ay, bx, by) > reach * reach { continue }
                    }
                    var k = heads[bucket(cx, cy)]
                    while k >= 0 {
                        let item = Int(k)
                        if cellX[item] == cx && cellY[item] == cy
                            && squaredDistance(east[item], north[item], ax, ay, bx, by) <= w2 {
                            body(item)
                        }
                        k = next[item]
                    }
                }
            }
            return
        }
        for b in 0..<bucketCount {
            var k = heads[b]
            while k >= 0 {
                let item = Int(k)
                if squaredDistance(east[item], north[item], ax, ay, bx, by) <= w2 { body(item) }
                k = next[item]
            }
        }
    }

    /// Squared distance from point P to segment A-B (A when they coincide).
    func squaredDistance(_ px: Double, _ py: Double, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Double {
        let dx = bx - ax, dy = by - ay
        let length2 = dx * dx + dy * dy
        var t = length2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / length2 : 0
        t = Swift.min(1, Swift.max(0, t))
        let ex = px - (ax + t * dx), ey = py - (ay + t * dy)
        return ex * ex + ey * ey
    }

    /// Distance along one axis from `x` to the cell `c`'s interval; zero
    /// inside it. Clamped boundary cells stand for everything beyond them,
    /// so they are never pruned.
    func axisGap(_ x: Double, _ c: Int) -> Double {
        if c <= -Self.cellLimit || c >= Self.cellLimit { return 0 }
        let lower = Double(c) * cellSizeM, upper = lower + cellSizeM
        return x < lower ? lower - x : (x > upper ? x - upper : 0)
    }

    /// Writes the items within `radiusM` of (`eastM`, `northM`) into
    /// `results[0..<count]` (the caller's buffer, whose `count` is its
    /// capacity; it is never resized). `complete` is false when more items
    /// were in range than fit: the first `results.count` found are written.
    public func query(
        eastM: Double, northM: Double, radiusM: Double, into results: inout [Int]
    ) -> (count: Int, complete: Bool) {
        var written = 0
        var complete = true
        let limit = results.count
        forEachItem(nearEastM: eastM, northM: northM, radiusM: radiusM) { item in
            if written < limit {
                results[written] = item
                written += 1
            } else {
                complete = false
            }
        }
        return (written, complete)
    }
}
