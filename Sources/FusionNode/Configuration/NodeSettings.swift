import FusionMath

/// The node itself: its identity and where its local frame sits.
///
/// JSON section `node` (optional). Without it the node id is 0, the origin
/// comes from the first good gpsd fix and the geoid separation is 0 m.
public struct NodeSettings: Sendable, Equatable {
    /// Carried in every cue and track so that a region can tell nodes apart.
    public var id: UInt32
    /// Origin of the local ENU frame; nil to take the first good gpsd fix.
    public var origin: Geodetic?
    /// Geoid height above the ellipsoid at the site, metres: converts heights
    /// that a standard gives above mean sea level (flight levels excepted) to
    /// HAE, h = H + N.
    public var geoidSeparationM: Double

    public init(id: UInt32 = 0, origin: Geodetic? = nil, geoidSeparationM: Double = 0) {
        self.id = id
        self.origin = origin
        self.geoidSeparationM = geoidSeparationM
    }
}

extension NodeSettings {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        self.init(
            id: UInt32(r.integer("id", in: 0...Int(UInt32.max))),
            origin: r.point("origin", required: false),
            // The geoid stays within about ±110 m of the ellipsoid everywhere.
            geoidSeparationM: r.number("geoid_separation_m", .within(-150...150), default: 0))
    }
}
