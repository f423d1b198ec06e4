import FusionMath

/// One cue event as the replay tool writes it to cues.jsonl (ICD 2.4), in
/// the order sent.
///
/// Times are seconds since the Unix epoch (UTC, capture time); positions
/// WGS84 degrees and metres HAE. A cancel may carry no position or
/// intercept, so those are optional here.
public struct CueRecord: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case new
        case update
        case cancel
    }

    /// The predicted intercept point and time.
    public struct Intercept: Sendable, Equatable {
        public var latDeg: Double
        public var lonDeg: Double
        public var altM: Double
        public var t: Double

        public init(latDeg: Double, lonDeg: Double, altM: Double, t: Double) {
            self.latDeg = latDeg
            self.lonDeg = lonDeg
            self.altM = altM
            self.t = t
        }

        public var position: Geodetic { Geodetic(latitudeDeg: latDeg, longitudeDeg: lonDeg, heightM: altM) }
    }

    public var t: Double
    public var kind: Kind
    public var cue: Int
    public var track: Int
    public var zone: String
    public var interceptor: String
    /// The target's position when the cue was sent.
    public var position: Geodetic?
    public var pUncrewed: Double?
    public var intercept: Intercept?
    public var zoneEntryT: Double?

    public init(
        t: Double, kind: Kind, cue: Int, track: Int, zone: String, interceptor: String, position: Geodetic?,
        pUncrewed: Double? = nil, intercept: Intercept? = nil, zoneEntryT: Double? = nil
    ) {
        self.t = t
        self.kind = kind
        self.cue = cue
        self.track = track
        self.zone = zone
        self.interceptor = interceptor
        self.position = position
        self.pUncrewed = pUncrewed
        self.intercept = intercept
        self.zoneEntryT = zoneEntryT
    }

    /// Every record of a cues.jsonl file, in file order.
    public static func load(contentsOf path: String) throws(ReportError) -> [CueRecord] {
        try JSONLines.read(path) { f throws(ReportError) in
            let kindText = try f.string("kind")
            guard let kind = Kind(rawValue: kindText) else { throw f.fail("\"kind\" is \"\(kindText)\"") }
            var position: Geodetic? = nil
            if let lat = try f.optionalNumber("lat"), let lon = try f.optionalNumber("lon") {
                position = Geodetic(latitudeDeg: lat, longitudeDeg: lon, heightM: try f.optionalNumber("alt_m") ?? 0)
            }
            var intercept: Intercept? = nil
            if let i = try f.optionalObject("intercept") {
                intercept = Intercept(
                    latDeg: try i.number("lat"), lonDeg: try i.number("lon"), altM: try i.number("alt_m"),
                    t: try i.number("t"))
            }
            return CueRecord(
                t: try f.number("t"), kind: kind, cue: try f.integer("cue"), track: try f.integer("track"),
                zone: f.optionalString("zone") ?? "", interceptor: f.optionalString("interceptor") ?? "",
                position: position, pUncrewed: try f.optionalNumber("p_uncrewed"), intercept: intercept,
                zoneEntryT: try f.optionalNumber("zone_entry_t"))
        }
    }
}
