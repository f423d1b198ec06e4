import FusionMath

/// Why a zone could not be built from its configuration.
public enum ZoneError: Error, Sendable, Equatable {
    case tooFewVertices
    case tooManyVertices
    case nonPositiveRadius
    case floorNotBelowCeiling
    case notFinite
}

/// An air protection zone (ICD 3): a vertical prism over a polygon or a
/// circle, between a floor and a ceiling.
///
/// Frame: the node's local ENU frame (metres). Polygon vertices and circle
/// centres given in WGS84 are converted once, at construction, through
/// `LocalFrame`; the horizontal shape is then the polygon of their east and
/// north coordinates. Floor and ceiling are heights above the WGS84
/// ellipsoid (HAE, as everywhere in the ICD), not above ground. They are
/// turned into ENU `up` values at the zone's reference point (its first
/// vertex or its centre): the tangent plane drops below the ellipsoid by
/// d^2 / (2 R), about 2 m at 5 km from that point, which is the vertical
/// error of the prism at its edges.
/// FIXME: a zone tens of kilometres wide would need the curvature term per
/// point; sites of the reference size do not.
///
/// Boundaries count as inside (the zone is a closed set).
@frozen
public struct Zone: Sendable, BitwiseCopyable {
    public enum Shape: UInt8, Sendable, BitwiseCopyable {
        case polygon
        case circle
    }

    /// Most polygon vertices a zone holds (inline, no heap).
    public static let maxVertices = 64

    public let name: CueName
    public let shape: Shape
    /// Floor and ceiling as ENU `up`, metres.
    public let floorUpM: Double
    public let ceilingUpM: Double
    @usableFromInline let east: InlineArray<64, Double>
    @usableFromInline let north: InlineArray<64, Double>
    /// Polygon vertex count (0 for a circle).
    public let vertexCount: Int
    /// Circle centre (east, north) and radius, metres.
    public let centerEast: Double
    public let centerNorth: Double
    public let radiusM: Double

    /// A polygon zone from ENU (east, north) vertices in order (either sense),
    /// with floor and ceiling as ENU `up`.
    public init<S: Sequence>(name: CueName, polygonENU vertices: S, floorUpM: Double, ceilingUpM: Double)
        throws(ZoneError) where S.Element == Vector<2>
    {
        var e = InlineArray<64, Double>(repeating: 0), n = InlineArray<64, Double>(repeating: 0)
        var count = 0
        for v in vertices {
            guard count < Zone.maxVertices else { throw .tooManyVertices }
            guard v.isFinite else { throw .notFinite }
            e[count] = v[0]
            n[count] = v[1]
            count += 1
        }
        guard count >= 3 else { throw .tooFewVertices }
        guard floorUpM.isFinite && ceilingUpM.isFinite else { throw .notFinite }
        guard floorUpM < ceilingUpM else { throw .floorNotBelowCeiling }
        self.name = name
        shape = .polygon
        self.floorUpM = floorUpM
        self.ceilingUpM = ceilingUpM
        east = e
        north = n
        vertexCount = count
        centerEast = 0
        centerNorth = 0
        radiusM = 0
    }

    /// A circle zone in ENU, floor and ceiling as ENU `up`.
    public init(name: CueName, circleCenterENU c: Vector<2>, radiusM: Double, floorUpM: Double, ceilingUpM: Double)
        throws(ZoneError)
    {
        guard c.isFinite && radiusM.isFinite && floorUpM.isFinite && ceilingUpM.isFinite else { throw .notFinite }
        guard radiusM > 0 else { throw .nonPositiveRadius }
        guard floorUpM < ceilingUpM else { throw .floorNotBelowCeiling }
        self.name = name
        shape = .circle
        self.floorUpM = floorUpM
        self.ceilingUpM = ceilingUpM
        east = InlineArray(repeating: 0)
        north = InlineArray(repeating: 0)
        vertexCount = 0
        centerEast = c[0]
        centerNorth = c[1]
        self.radiusM = radiusM
    }

    /// A polygon zone from WGS84 vertices (their heights are ignored), with
    /// floor and ceiling in metres HAE.
    public init<S: Sequence>(
        name: CueName, polygon vertices: S, floorHAEM: Double, ceilingHAEM: Double, frame: LocalFrame
    ) throws(ZoneError) where S.Element == Geodetic {
        var first: Geodetic? = nil
        var enu = InlineArray<64, Vector<2>>(repeating: .zero)
        var count = 0
        for g in vertices {
            guard count < Zone.maxVertices else { throw .tooManyVertices }
            if first == nil { first = g }
            let p = frame.enu(from: Geodetic(latitudeRad: g.latitudeRad, longitudeRad: g.longitudeRad, heightM: 0))
            enu[count] = Vector<2>([p.x, p.y])
            count += 1
        }
        guard let reference = first else { throw .tooFewVertices }
        let (floorUp, ceilingUp) = Zone.upLimits(at: reference, floorHAEM, ceilingHAEM, frame)
        var list = InlineArray<64, Vector<2>>(repeating: .zero)
        for i in 0..<count { list[i] = enu[i] }
        try self.init(
            name: name, polygonENU: ZoneVertexPrefix(vertices: list, count: count), floorUpM: floorUp,
            ceilingUpM: ceilingUp)
    }

    /// A circle zone around a WGS84 centre, radius in metres, floor and
    /// ceiling in metres HAE.
    public init(name: CueName, center: Geodetic, radiusM: Double, floorHAEM: Double, ceilingHAEM: Double, frame: LocalFrame)
        throws(ZoneError)
    {
        let c = frame.enu(from: center)
        let (floorUp, ceilingUp) = Zone.upLimits(at: center, floorHAEM, ceilingHAEM, frame)
        try self.init(
            name: name, circleCenterENU: Vector<2>([c.x, c.y]), radiusM: radiusM, floorUpM: floorUp,
            ceilingUpM: ceilingUp)
    }

    /// ENU `up` of the heights `floor` and `ceiling` (HAE) above `reference`.
    static func upLimits(at reference: Geodetic, _ floor: Double, _ ceiling: Double, _ frame: LocalFrame) -> (Double, Double) {
        let f = frame.enu(from: Geodetic(latitudeRad: reference.latitudeRad, longitudeRad: reference.longitudeRad, heightM: floor))
        let c = frame.enu(from: Geodetic(latitudeRad: reference.latitudeRad, longitudeRad: reference.longitudeRad, heightM: ceiling))
        return (f.z, c.z)
    }

    /// Polygon vertex `i` as (east, north).
    @inlinable public func vertex(_ i: Int) -> Vector<2> { Vector<2>([east[i], north[i]]) }

    /// True when the ENU point lies in the zone (boundary included).
    public func contains(_ p: Vector3) -> Bool {
        guard p.z >= floorUpM && p.z <= ceilingUpM else { return false }
        return containsHorizontally(p.x, p.y)
    }

    /// Horizontal membership: the circle, or the even-odd crossing-number
    /// test (a ray towards +east), which holds for concave polygons too.
    @usableFromInline func containsHorizontally(_ x: Double, _ y: Double) -> Bool {
        switch shape {
        case .circle:
            let dx = x - centerEast, dy = y - centerNorth
            return dx * dx + dy * dy <= radiusM * radiusM
        case .polygon:
            // Through element pointers: indexing the inline vertex lists
            // here copied them (2 x 512 B) on each call (`perf`: memmove
            // under `firstEntryS`, 13 calls per track and zone).
            let count = vertexCount
            return east.withUnsafeElementPointer { east in
                north.withUnsafeElementPointer { north in
                    var inside = false
                    var j = count - 1
                    for i in 0..<count {
                        let xi = east[i], yi = north[i], xj = east[j], yj = north[j]
                        if (yi > y) != (yj > y) {
                            let xCross = xi + (y - yi) * (xj - xi) / (yj - yi)
                            if x < xCross { inside.toggle() }
                        }
                        j = i
                    }
                    return inside
                }
            }
        }
    }
}

/// The first `count` vertices of an inline list, as a sequence.
struct ZoneVertexPrefix: Sequence, IteratorProtocol {
    let vertices: InlineArray<64, Vector<2>>
    let count: Int
    var index = 0

    init(vertices: InlineArray<64, Vector<2>>, count: Int) {
        self.vertices = vertices
        self.count = count
    }

    mutating func next() -> Vector<2>? {
        guard index < count else { return nil }
        defer { index += 1 }
        return vertices[index]
    }
}
