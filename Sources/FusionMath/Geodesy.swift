/// The WGS84 ellipsoid (NIMA TR8350.2).
public enum WGS84 {
    /// Semi-major axis, metres.
    public static let a = 6_378_137.0
    /// Flattening.
    public static let f = 1.0 / 298.257_223_563
    /// Semi-minor axis, metres.
    public static let b = a * (1 - f)
    /// First eccentricity squared.
    public static let e2 = f * (2 - f)
    /// Second eccentricity squared.
    public static let ep2 = e2 / (1 - e2)
}

/// A WGS84 geodetic position: latitude and longitude in radians, height in
/// metres above the ellipsoid (HAE).
@frozen
public struct Geodetic: Sendable, BitwiseCopyable, Equatable {
    public var latitudeRad: Double
    public var longitudeRad: Double
    public var heightM: Double

    @inlinable public init(latitudeRad: Double, longitudeRad: Double, heightM: Double) {
        self.latitudeRad = latitudeRad
        self.longitudeRad = longitudeRad
        self.heightM = heightM
    }

    @inlinable public init(latitudeDeg: Double, longitudeDeg: Double, heightM: Double) {
        self.init(
            latitudeRad: latitudeDeg * Math.radiansPerDegree, longitudeRad: longitudeDeg * Math.radiansPerDegree,
            heightM: heightM)
    }

    @inlinable public var latitudeDeg: Double { latitudeRad * Math.degreesPerRadian }
    @inlinable public var longitudeDeg: Double { longitudeRad * Math.degreesPerRadian }

    /// Earth-centred, earth-fixed coordinates, metres.
    @inlinable public var ecef: Vector3 {
        let sl = Math.sin(latitudeRad), cl = Math.cos(latitudeRad)
        let n = WGS84.a / (1 - WGS84.e2 * sl * sl).squareRoot()
        return Vector3(
            (n + heightM) * cl * Math.cos(longitudeRad),
            (n + heightM) * cl * Math.sin(longitudeRad),
            (n * (1 - WGS84.e2) + heightM) * sl)
    }

    /// The geodetic position of an ECEF point.
    ///
    /// Bowring's parametric-latitude start, then Newton-style refinement of the
    /// latitude: three iterations reach well under a micrometre from the
    /// surface to geostationary height. At the poles the longitude is 0.
    @inlinable public init(ecef p: Vector3) {
        let a = WGS84.a, b = WGS84.b, e2 = WGS84.e2, ep2 = WGS84.ep2
        let rho = Math.hypot(p.x, p.y)
        let lon = rho == 0 ? 0 : Math.atan2(p.y, p.x)
        if rho < 1e-9 {
            let lat = p.z >= 0 ? Double.pi / 2 : -Double.pi / 2
            self.init(latitudeRad: lat, longitudeRad: lon, heightM: abs(p.z) - b)
            return
        }
        var beta = Math.atan2(a * p.z, b * rho)
        var lat = Math.atan2(p.z + ep2 * b * Math.pow(Math.sin(beta), 3), rho - e2 * a * Math.pow(Math.cos(beta), 3))
        for _ in 0..<3 {
            beta = Math.atan2((1 - WGS84.f) * Math.sin(lat), Math.cos(lat))
            lat = Math.atan2(p.z + ep2 * b * Math.pow(Math.sin(beta), 3), rho - e2 * a * Math.pow(Math.cos(beta), 3))
        }
        let sl = Math.sin(lat), cl = Math.cos(lat)
        let n = a / (1 - e2 * sl * sl).squareRoot()
        // Height from whichever component is better conditioned.
        let h = abs(cl) > 1e-3 ? rho / cl - n : p.z / sl - n * (1 - e2)
        self.init(latitudeRad: lat, longitudeRad: lon, heightM: h)
    }
}

/// A local East-North-Up tangent frame at `origin`, metres.
///
/// The core tracks in one such frame: its origin is the node's configured or
/// GPS position. Sensors far from the origin keep their own geometry (their
/// measurements are predicted from their ENU position in this frame), so the
/// frame's flatness never bends a measurement.
@frozen
public struct LocalFrame: Sendable, BitwiseCopyable {
    public let origin: Geodetic
    public let originECEF: Vector3
    /// Rows are the East, North and Up unit vectors in ECEF.
    public let ecefToENU: Matrix3

    @inlinable public init(origin: Geodetic) {
        self.origin = origin
        originECEF = origin.ecef
        let sl = Math.sin(origin.latitudeRad), cl = Math.cos(origin.latitudeRad)
        let so = Math.sin(origin.longitudeRad), co = Math.cos(origin.longitudeRad)
        ecefToENU = Matrix3(rows: [
            [-so, co, 0],
            [-sl * co, -sl * so, cl],
            [cl * co, cl * so, sl],
        ])
    }

    @inlinable public func enu(fromECEF p: Vector3) -> Vector3 { ecefToENU * (p - originECEF) }

    @inlinable public func ecef(fromENU p: Vector3) -> Vector3 { ecefToENU.transposed * p + originECEF }

    @inlinable public func enu(from g: Geodetic) -> Vector3 { enu(fromECEF: g.ecef) }

    @inlinable public func geodetic(fromENU p: Vector3) -> Geodetic { Geodetic(ecef: ecef(fromENU: p)) }

    /// Rotates a direction (velocity, line of sight) from ENU to ECEF.
    @inlinable public func rotateToECEF(_ v: Vector3) -> Vector3 { ecefToENU.transposed * v }

    /// Rotates a direction from ECEF to ENU.
    @inlinable public func rotateToENU(_ v: Vector3) -> Vector3 { ecefToENU * v }
}
