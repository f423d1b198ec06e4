import FusionMath

/// A growing east/north bounding box, metres.
struct MapBounds {
    var minE = Double.infinity, maxE = -Double.infinity
    var minN = Double.infinity, maxN = -Double.infinity

    mutating func add(_ points: [Vector3]) {
        for p in points where p.x.isFinite && p.y.isFinite {
            minE = min(minE, p.x)
            maxE = max(maxE, p.x)
            minN = min(minN, p.y)
            maxN = max(maxN, p.y)
        }
    }

    /// The ranges, or 5 km around the origin when nothing was added.
    var east: ClosedRange<Double> { minE <= maxE ? minE...maxE : -5000...5000 }
    var north: ClosedRange<Double> { minN <= maxN ? minN...maxN : -5000...5000 }
}
