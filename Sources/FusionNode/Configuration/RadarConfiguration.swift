import Foundation
import FusionMath

/// One radar feeding the node ASTERIX CAT048/CAT034, and its error model.
///
/// JSON: an element of `radars`. The SAC/SIC pair (I048/010) selects this
/// entry for each plot. Sigmas are 1-sigma measurement errors; the tracker
/// builds the measurement covariance diag(σr², σaz², σel²) from them.
public struct RadarConfiguration: Sendable, Equatable {
    public var name: String
    /// System area code and system identification code, 0...255 each.
    public var sac: UInt8
    public var sic: UInt8
    /// UDP port the radar's datagrams arrive on.
    public var port: UInt16
    /// Antenna site, WGS84 HAE. For a `moving` radar this is only the
    /// position until gpsd (or I034/120) gives one; nil if none was given.
    public var position: Geodetic?
    /// True when the radar rides on the node's platform: its position is the
    /// node's gpsd fix.
    public var moving: Bool
    /// Antenna revolution period, seconds (the M-of-N scan opportunity).
    public var periodS: Double
    /// Instrumented range, metres.
    public var rangeM: Double
    public var sigmaRangeM: Double
    public var sigmaAzimuthDeg: Double
    /// nil for a 2D radar, which measures no elevation.
    public var sigmaElevationDeg: Double?
    public var threeD: Bool
    /// True when plots carry a radial Doppler speed (I048/120).
    public var doppler: Bool
    /// Calibration constant K: RCS_dBsm = PAM - K + 40 log10(range_m).
    public var amplitudeKDb: Double

    public init(
        name: String, sac: UInt8, sic: UInt8, port: UInt16 = 4048, position: Geodetic?, moving: Bool = false,
        periodS: Double, rangeM: Double, sigmaRangeM: Double, sigmaAzimuthDeg: Double, sigmaElevationDeg: Double?,
        threeD: Bool, doppler: Bool, amplitudeKDb: Double
    ) {
        self.name = name
        self.sac = sac
        self.sic = sic
        self.port = port
        self.position = position
        self.moving = moving
        self.periodS = periodS
        self.rangeM = rangeM
        self.sigmaRangeM = sigmaRangeM
        self.sigmaAzimuthDeg = sigmaAzimuthDeg
        self.sigmaElevationDeg = sigmaElevationDeg
        self.threeD = threeD
        self.doppler = doppler
        self.amplitudeKDb = amplitudeKDb
    }
}

extension RadarConfiguration {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        let moving = r.bool("moving", default: false)
        // A moving radar takes its site from gpsd; a fixed one must say where.
        let position: Geodetic? =
            moving && !(r.has("lat") || r.has("lon") || r.has("alt_m")) ? nil : r.position()
        let beforeThreeD = r.log.issues.count
        let threeD = r.bool("three_d")
        // Without a good three_d the elevation sigma cannot be judged.
        let threeDKnown = r.log.issues.count == beforeThreeD
        let elevationKey = r.raw("sigma_el_deg", required: false)
        let sigmaEl = r.nullableNumber("sigma_el_deg", .positiveUpTo(90))
        if !threeDKnown {
            // Already logged at three_d.
        } else if threeD && elevationKey == nil {
            r.log.add(r.path("sigma_el_deg"), "missing required key (three_d is true)")
        } else if threeD && elevationKey is NSNull {
            r.log.add(r.path("sigma_el_deg"), "must not be null when three_d is true")
        } else if !threeD && sigmaEl != nil {
            r.log.add(r.path("sigma_el_deg"), "must be null for a 2D radar (three_d is false)")
        }
        self.init(
            name: r.string("name"),
            sac: UInt8(r.integer("sac", in: 0...255)),
            sic: UInt8(r.integer("sic", in: 0...255)),
            port: UInt16(r.integer("port", in: 1...65535, default: 4048)),
            position: position, moving: moving,
            periodS: r.number("period_s", .positiveUpTo(60)),
            rangeM: r.number("range_m", .positiveUpTo(1_000_000)),
            sigmaRangeM: r.number("sigma_range_m", .positive),
            sigmaAzimuthDeg: r.number("sigma_az_deg", .positiveUpTo(180)),
            sigmaElevationDeg: sigmaEl, threeD: threeD,
            doppler: r.bool("doppler"),
            amplitudeKDb: r.number("amplitude_k_db"))
    }
}
