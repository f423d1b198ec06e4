import FusionCore
import FusionMath

/// Where a radar's site came from.
public enum RadarSiteSource: UInt8, Sendable, BitwiseCopyable {
    /// Not known yet: plots are rejected (`radarSiteUnknown`).
    case unknown = 0
    /// The site configuration's `lat/lon/alt_m`.
    case configuration
    /// The radar's own I034/120 (ICD 1.1: it takes precedence).
    case cat034
    /// The node's own gpsd fix (a `moving` radar).
    case ownFix
}

/// One configured radar as the pipeline uses it: identity, site and pose in
/// the node's frame, and its error model in the units of `Measurement`.
public struct RadarSensor: Sendable {
    public var name: String
    public var sac: UInt8
    public var sic: UInt8
    /// Index in the engine's sensor table.
    public var index: SensorIndex
    /// Antenna site, WGS84 HAE; nil while unknown.
    public var site: Geodetic?
    public var siteSource: RadarSiteSource
    /// Pose in the node's frame (meaningful when `site` is known).
    var pose: SensorPose
    /// 1-sigma errors: metres, radians, radians (0 for 2D).
    var sigmaRangeM: Double
    var sigmaAzimuthRad: Double
    var sigmaElevationRad: Double
    var threeD: Bool
    var doppler: Bool
    /// On the node's platform: its site follows the node's own fix.
    var moving: Bool
    /// K of ICD 1.1: RCS_dBsm = PAM - K + 40 log10(range_m).
    var amplitudeKDb: Double
    /// Antenna period, ns.
    var periodNs: Int64
    /// Arrival time of its newest record (`SensorHealth`), and how many.
    var lastHeardNs: Int64?
    var records: UInt64 = 0

    /// The 1-sigma radial-speed error used for I048/120, m/s: the item's
    /// 1 m/s resolution plus the spread of a radar's Doppler estimate.
    /// FIXME: the configuration has no key for it yet.
    static let sigmaRangeRateMps = 1.5

    init(_ c: RadarConfiguration, index: SensorIndex, frame: LocalFrame) {
        name = c.name
        sac = c.sac
        sic = c.sic
        self.index = index
        site = c.position
        siteSource = c.position == nil ? .unknown : .configuration
        pose = c.position.map { SensorPose(at: $0, in: frame) } ?? SensorPose(positionENU: .zero)
        sigmaRangeM = c.sigmaRangeM
        sigmaAzimuthRad = c.sigmaAzimuthDeg * Math.radiansPerDegree
        sigmaElevationRad = (c.sigmaElevationDeg ?? 0) * Math.radiansPerDegree
        threeD = c.threeD
        doppler = c.doppler
        moving = c.moving
        amplitudeKDb = c.amplitudeKDb
        periodNs = Int64((c.periodS * 1e9).rounded())
    }

    /// Notes a record of this radar's that arrived at `arrivalNs`.
    mutating func heard(atNs arrivalNs: Int64) {
        records &+= 1
        lastHeardNs = max(lastHeardNs ?? .min, arrivalNs)
    }

    /// What was last heard from it.
    var health: SensorHealth.Radar {
        SensorHealth.Radar(
            name: name, sac: sac, sic: sic, lastHeardNs: lastHeardNs, records: records, periodNs: periodNs)
    }

    /// Moves the site (I034/120); true when it changed.
    mutating func setSite(_ g: Geodetic, source: RadarSiteSource, frame: LocalFrame) -> Bool {
        if site == g && siteSource == source { return false }
        site = g
        siteSource = source
        pose = SensorPose(at: g, in: frame)
        return true
    }
}

/// A radar's site as reported in summaries.
public struct RadarSiteStatus: Sendable, Equatable {
    public var name: String
    public var sac: UInt8
    public var sic: UInt8
    public var site: Geodetic?
    public var source: RadarSiteSource
}
