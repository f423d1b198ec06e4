import FusionMath

/// One confirmed or coasting track at one snapshot, as the replay tool
/// writes it to tracks.jsonl (ICD 2.4).
///
/// Time is seconds since the Unix epoch (UTC, capture time); position WGS84
/// in degrees and metres HAE; velocity east/north/up in m/s; `sigmaM` the
/// 1-sigma horizontal position uncertainty, metres.
public struct TrackRecord: Sendable, Equatable {
    public var t: Double
    public var track: Int
    /// `confirmed` or `coasting`.
    public var status: String
    public var latDeg: Double
    public var lonDeg: Double
    public var altM: Double
    public var ve: Double
    public var vn: Double
    public var vu: Double
    public var sigmaM: Double
    public var reportedClass: ReportClass
    public var pUncrewed: Double
    public var sources: [String]

    public init(
        t: Double, track: Int, status: String = "confirmed", latDeg: Double, lonDeg: Double, altM: Double,
        ve: Double = 0, vn: Double = 0, vu: Double = 0, sigmaM: Double = 0, reportedClass: ReportClass,
        pUncrewed: Double = 0, sources: [String] = []
    ) {
        self.t = t
        self.track = track
        self.status = status
        self.latDeg = latDeg
        self.lonDeg = lonDeg
        self.altM = altM
        self.ve = ve
        self.vn = vn
        self.vu = vu
        self.sigmaM = sigmaM
        self.reportedClass = reportedClass
        self.pUncrewed = pUncrewed
        self.sources = sources
    }

    public var position: Geodetic { Geodetic(latitudeDeg: latDeg, longitudeDeg: lonDeg, heightM: altM) }

    /// Every record of a tracks.jsonl file, in file order.
    public static func load(contentsOf path: String) throws(ReportError) -> [TrackRecord] {
        try JSONLines.read(path) { f throws(ReportError) in
            TrackRecord(
                t: try f.number("t"), track: try f.integer("track"), status: f.optionalString("status") ?? "confirmed",
                latDeg: try f.number("lat"), lonDeg: try f.number("lon"), altM: try f.number("alt_m"),
                ve: try f.optionalNumber("ve") ?? 0, vn: try f.optionalNumber("vn") ?? 0,
                vu: try f.optionalNumber("vu") ?? 0, sigmaM: try f.optionalNumber("sigma_m") ?? 0,
                reportedClass: try f.reportClass("class"), pUncrewed: try f.optionalNumber("p_uncrewed") ?? 0,
                sources: try f.strings("sources"))
        }
    }
}
