import FusionMath

/// The configuration seen from the node's local ENU frame, metres.
///
/// Built once the origin is known (from the file, or the first good gpsd
/// fix). Entries are in the same order as in `SiteConfiguration`. Heights in
/// ENU are "up" at the origin, not HAE: a point 10 km away sits about 8 m
/// lower in ENU than its HAE says (Earth curvature), so zone floors and
/// ceilings stay HAE and a consumer compares them with geodetic heights.
public struct SiteGeometry: Sendable {
    /// A zone outline in the frame.
    public enum ZoneShape: Sendable {
        /// Vertices in ENU (their up component is the vertex's, usually 0 HAE
        /// minus curvature); the outline is the polygon of their east/north.
        case polygon([Vector3])
        case circle(center: Vector3, radiusM: Double)
    }

    /// A zone of the configuration, outline in ENU, heights still HAE.
    public struct Zone: Sendable {
        public var name: String
        public var shape: ZoneShape
        public var floorM: Double
        public var ceilingM: Double
    }

    /// The frame every vector here is in.
    public let frame: LocalFrame
    /// Radar antenna positions; nil for a moving radar with no position yet.
    public let radars: [Vector3?]
    public let zones: [Zone]
    public let interceptors: [Vector3]

    public init(configuration c: SiteConfiguration, frame: LocalFrame) {
        self.frame = frame
        radars = c.radars.map { $0.position.map(frame.enu(from:)) }
        zones = c.zones.map { zone in
            let shape: ZoneShape
            switch zone.shape {
            case .polygon(let vertices): shape = .polygon(vertices.map(frame.enu(from:)))
            case .circle(let center, let radius): shape = .circle(center: frame.enu(from: center), radiusM: radius)
            }
            return Zone(name: zone.name, shape: shape, floorM: zone.floorM, ceilingM: zone.ceilingM)
        }
        interceptors = c.interceptors.map { frame.enu(from: $0.position) }
    }
}

extension SiteConfiguration {
    /// The frame's origin: the configured one, else `gpsFix`; nil while
    /// neither is known.
    public func origin(gpsFix: Geodetic?) -> Geodetic? { node.origin ?? gpsFix }

    /// The local ENU frame at `origin`.
    public func frame(origin: Geodetic) -> LocalFrame { LocalFrame(origin: origin) }

    /// Every configured position in the ENU frame at `origin`.
    public func geometry(origin: Geodetic) -> SiteGeometry {
        SiteGeometry(configuration: self, frame: frame(origin: origin))
    }
}
