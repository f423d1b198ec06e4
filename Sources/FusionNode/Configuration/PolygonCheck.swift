import FusionMath

/// Shape checks for a zone polygon given in WGS84 vertices.
///
/// Works in a local equirectangular plane (east = Δlon·cos(lat0), north =
/// Δlat, radians): over a zone's few tens of kilometres its distortion is far
/// too small to make a simple polygon look self-intersecting or the reverse.
enum PolygonCheck {
    /// Why `vertices` cannot be a zone outline, or nil when they can.
    static func problem(_ vertices: [Geodetic]) -> String? {
        guard vertices.count >= 3 else {
            return "needs at least 3 vertices, has \(vertices.count)"
        }
        let points = plane(vertices)
        let n = points.count
        for i in 0..<n where points[i] == points[(i + 1) % n] {
            return "vertices \(i) and \((i + 1) % n) are the same point"
        }
        for i in 0..<n {
            for j in (i + 1)..<n {
                // Adjacent edges share a vertex; that is not a crossing.
                if j == i + 1 || (i == 0 && j == n - 1) { continue }
                if crosses(points[i], points[(i + 1) % n], points[j], points[(j + 1) % n]) {
                    return "edges \(i)-\((i + 1) % n) and \(j)-\((j + 1) % n) cross (the outline must not intersect itself)"
                }
            }
        }
        // After the crossing test: a symmetric bow tie also has zero area.
        // Shoelace area; 1e-12 rad² is about 40 m²: smaller is no zone.
        var twiceArea = 0.0
        for i in 0..<n {
            let a = points[i], b = points[(i + 1) % n]
            twiceArea += a.x * b.y - b.x * a.y
        }
        guard abs(twiceArea) > 1e-12 else { return "has no area (vertices on one line)" }
        return nil
    }

    private struct Point: Equatable {
        var x: Double
        var y: Double
    }

    private static func plane(_ vertices: [Geodetic]) -> [Point] {
        let lat0 = vertices[0].latitudeRad
        let scale = Math.cos(lat0)
        let lon0 = vertices[0].longitudeRad
        return vertices.map { v in
            // Unwrap longitude across the antimeridian relative to vertex 0.
            var dLon = v.longitudeRad - lon0
            if dLon > .pi { dLon -= 2 * .pi } else if dLon < -.pi { dLon += 2 * .pi }
            return Point(x: dLon * scale, y: v.latitudeRad - lat0)
        }
    }

    /// True when segments pq and rs share any point (touching counts).
    private static func crosses(_ p: Point, _ q: Point, _ r: Point, _ s: Point) -> Bool {
        let d1 = orient(r, s, p), d2 = orient(r, s, q)
        let d3 = orient(p, q, r), d4 = orient(p, q, s)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
            return true
        }
        return (d1 == 0 && onSegment(r, s, p)) || (d2 == 0 && onSegment(r, s, q))
            || (d3 == 0 && onSegment(p, q, r)) || (d4 == 0 && onSegment(p, q, s))
    }

    private static func orient(_ a: Point, _ b: Point, _ c: Point) -> Double {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    }

    /// True when c, known collinear with ab, lies within ab's bounding box.
    private static func onSegment(_ a: Point, _ b: Point, _ c: Point) -> Bool {
        min(a.x, b.x) <= c.x && c.x <= max(a.x, b.x) && min(a.y, b.y) <= c.y && c.y <= max(a.y, b.y)
    }
}
