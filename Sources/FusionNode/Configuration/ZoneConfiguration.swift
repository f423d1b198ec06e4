import FusionMath

/// A defended zone: a polygon or a circle on the ground, extruded from a
/// floor to a ceiling.
///
/// JSON: an element of `zones`. Heights `floor_m` and `ceiling_m` are metres
/// HAE, like every altitude in the ICD. Polygon vertices are WGS84; their
/// `alt_m` is optional and unused (the floor and ceiling bound the height).
public struct ZoneConfiguration: Sendable, Equatable {
    /// The zone's outline.
    public enum Shape: Sendable, Equatable {
        /// A simple (non-self-intersecting) polygon, at least 3 vertices, in
        /// file order; the closing edge from last to first is implied.
        case polygon([Geodetic])
        /// Every point within `radiusM` (great-circle distance) of `center`.
        case circle(center: Geodetic, radiusM: Double)
    }

    public var name: String
    public var shape: Shape
    /// Bottom and top of the protected volume, metres HAE; floor < ceiling.
    public var floorM: Double
    public var ceilingM: Double

    public init(name: String, shape: Shape, floorM: Double, ceilingM: Double) {
        self.name = name
        self.shape = shape
        self.floorM = floorM
        self.ceilingM = ceilingM
    }
}

extension ZoneConfiguration {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        let name = r.string("name")
        let kind = r.choice("kind", ["polygon", "circle"])
        let before = r.log.issues.count
        let floor = r.number("floor_m", .altitude)
        let ceiling = r.number("ceiling_m", .altitude)
        // Compare only two good numbers, not a placeholder.
        if r.log.issues.count == before && ceiling <= floor {
            r.log.add(r.path("ceiling_m"), "must be above floor_m (\(floor))")
        }
        var shape = Shape.polygon([])
        switch kind {
        case "polygon":
            r.forbid("center", because: "not used by a polygon zone")
            r.forbid("radius_m", because: "not used by a polygon zone")
            let beforeVertices = r.log.issues.count
            let vertices = r.objects("polygon", required: true) { vertex -> Geodetic in
                defer { vertex.finish() }
                return vertex.position(altitudeRequired: false)
            }
            if r.log.issues.count == beforeVertices, let why = PolygonCheck.problem(vertices) {
                r.log.add(r.path("polygon"), why)
            }
            shape = .polygon(vertices)
        case "circle":
            r.forbid("polygon", because: "not used by a circle zone")
            let center = r.point("center", required: true, altitudeRequired: false)
            // Larger than any sensor's reach; a typo in units, not a zone.
            let radius = r.number("radius_m", .positiveUpTo(200_000))
            shape = .circle(center: center ?? Geodetic(latitudeRad: 0, longitudeRad: 0, heightM: 0), radiusM: radius)
        default:
            // Kind missing or bad (already logged): the shape keys cannot be
            // checked, but they are not unknown either.
            for key in ["polygon", "center", "radius_m"] { _ = r.raw(key, required: false) }
        }
        self.init(name: name, shape: shape, floorM: floor, ceilingM: ceiling)
    }
}
