import FusionMath

/// One target at one second of a simulated scenario, as skycue-sim writes
/// it to truth.jsonl: `{"t", "id", "kind", "class", "lat", "lon", "alt_m",
/// "ve", "vn", "vu"}`.
///
/// Time is seconds since the Unix epoch (UTC); position WGS84 in degrees
/// and metres HAE; velocity east/north/up in m/s.
public struct TruthRecord: Sendable, Equatable {
    public var t: Double
    public var id: Int
    /// The simulator's target kind (`pistonDrone`, `airliner`, ...).
    public var kind: String
    public var truthClass: ReportClass
    public var latDeg: Double
    public var lonDeg: Double
    public var altM: Double
    public var ve: Double
    public var vn: Double
    public var vu: Double

    public init(
        t: Double, id: Int, kind: String, truthClass: ReportClass, latDeg: Double, lonDeg: Double, altM: Double,
        ve: Double = 0, vn: Double = 0, vu: Double = 0
    ) {
        self.t = t
        self.id = id
        self.kind = kind
        self.truthClass = truthClass
        self.latDeg = latDeg
        self.lonDeg = lonDeg
        self.altM = altM
        self.ve = ve
        self.vn = vn
        self.vu = vu
    }

    public var position: Geodetic { Geodetic(latitudeDeg: latDeg, longitudeDeg: lonDeg, heightM: altM) }

    /// Every record of a truth.jsonl file, in file order.
    public static func load(contentsOf path: String) throws(ReportError) -> [TruthRecord] {
        try JSONLines.read(path) { f throws(ReportError) in
            let c = try f.reportClass("class")
            guard c != .unknown else { throw f.fail("a truth class is never unknown") }
            return TruthRecord(
                t: try f.number("t"), id: try f.integer("id"), kind: try f.string("kind"), truthClass: c,
                latDeg: try f.number("lat"), lonDeg: try f.number("lon"), altM: try f.number("alt_m"),
                ve: try f.optionalNumber("ve") ?? 0, vn: try f.optionalNumber("vn") ?? 0,
                vu: try f.optionalNumber("vu") ?? 0)
        }
    }
}
