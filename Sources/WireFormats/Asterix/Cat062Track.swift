import FusionCore

/// A system track as the node publishes it in CAT062 (ICD 2.1): plain
/// values in SI units, converted to the CAT062 resolutions by
/// `Cat062Encoder` and back by `Cat062Decoder`.
public struct Cat062Track: Sendable, BitwiseCopyable, Equatable {
    /// Track status flags carried in I062/080.
    public struct Status: OptionSet, Sendable, BitwiseCopyable, Hashable {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// CNF = 1: tentative track (not yet confirmed).
        public static let tentative = Status(rawValue: 1 << 0)
        /// SIM: simulated track (exercise or replay of simulated data).
        public static let simulated = Status(rawValue: 1 << 1)
        /// TSB: first message of the track.
        public static let first = Status(rawValue: 1 << 2)
        /// TSE: last message of the track (deleted).
        public static let last = Status(rawValue: 1 << 3)
        /// CST: coasting, no update within the system's threshold.
        public static let coasting = Status(rawValue: 1 << 4)
    }

    /// I062/040 track number.
    public var trackNumber: UInt16
    /// I062/070 time of track information, ns since the Unix epoch (sent as 1/128 s of day).
    public var timeNs: Int64
    /// I062/105 WGS84 position, degrees (180/2^25).
    public var latitudeDeg: Double
    public var longitudeDeg: Double
    /// I062/100 position in the system's local frame (east, north), metres (0.5 m).
    public var xM: Double
    public var yM: Double
    /// I062/130 geometric altitude (HAE), metres (sent in 6.25 ft).
    public var altitudeM: Double
    /// I062/185 velocity east and north, m/s (0.25 m/s).
    public var veMps: Double
    public var vnMps: Double
    /// I062/500 standard deviations: APC x and y (0.5 m), AGA altitude
    /// (6.25 ft), ATV velocity (0.25 m/s, the same for both axes).
    public var sigmaXM: Double
    public var sigmaYM: Double
    public var sigmaAltM: Double
    public var sigmaVelMps: Double
    /// I062/080 flags.
    public var status: Status
    /// Classification, carried in the SP field (one octet: `TargetClass.rawValue`).
    public var targetClass: TargetClass

    public init(
        trackNumber: UInt16, timeNs: Int64, latitudeDeg: Double, longitudeDeg: Double,
        xM: Double, yM: Double, altitudeM: Double, veMps: Double, vnMps: Double,
        sigmaXM: Double, sigmaYM: Double, sigmaAltM: Double, sigmaVelMps: Double,
        status: Status = [], targetClass: TargetClass = .unknown
    ) {
        self.trackNumber = trackNumber
        self.timeNs = timeNs
        self.latitudeDeg = latitudeDeg
        self.longitudeDeg = longitudeDeg
        self.xM = xM
        self.yM = yM
        self.altitudeM = altitudeM
        self.veMps = veMps
        self.vnMps = vnMps
        self.sigmaXM = sigmaXM
        self.sigmaYM = sigmaYM
        self.sigmaAltM = sigmaAltM
        self.sigmaVelMps = sigmaVelMps
        self.status = status
        self.targetClass = targetClass
    }
}

/// CAT062 resolutions (EUROCONTROL-SPEC-0149-9, edition 1.18).
public enum Cat062Scale {
    /// I062/105: degrees per LSB.
    public static let wgs84Deg = 180.0 / 33_554_432
    /// I062/100: metres per LSB.
    public static let cartesianM = 0.5
    /// I062/185 and I062/500 ATV: m/s per LSB.
    public static let velocityMps = 0.25
    /// I062/130 and I062/500 AGA: metres per LSB (6.25 ft).
    public static let altitudeM = 6.25 * 0.3048
    /// I062/500 APC: metres per LSB.
    public static let accuracyM = 0.5
}
