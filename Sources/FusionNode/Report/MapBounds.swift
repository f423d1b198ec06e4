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

    /// Adds the points that lie inside at least one of `areas` (centre and
    /// radius, metres; the height is ignored), or all of them when there
    /// are no areas. Used to fit the map to the sensors' coverage: an
    /// airliner tracked by ADS-B 60 km out must not shrink the defended
    /// area to a corner of the picture (the map clips what falls outside).
    mutating func add(_ points: [Vector3], within areas: [(centre: Vector3, radiusM: Double)]) {
        guard !areas.isEmpty else { return add(points) }
        add(points.filter { p in
            areas.contains { a in
                let de = p.x - a.centre.x, dn = p.y - a.centre.y
                return de * de + dn * dn <= a.radiusM * a.radiusM
            }
        })
    }

    /// The ranges, or 5 km around the origin when nothing was added.
    var east: ClosedRange<Double> { minE <= maxE ? minE...maxE : -5000...5000 }
    var north: ClosedRange<Double> { minN <= maxN ? minN...maxN : -5000...5000 }
}
