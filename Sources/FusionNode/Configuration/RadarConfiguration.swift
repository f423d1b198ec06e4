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
    /// UDP port the radar's datagrams arrive on (the first of `ports`).
    public var port: UInt16
    /// Every UDP port the radar's datagrams arrive on: one per redundant
    /// network (`ports` in the file; `[port]` when only `port` is given).
    public var ports: [UInt16]
    /// Antenna site, WGS84 HAE. For a `moving` radar, or one whose site
    /// comes from I034/120, this is only the position until gpsd (or
    /// I034/120) gives one; nil if none was given.
    public var position: Geodetic?
    /// True when the radar rides on the node's platform: its position is the
    /// node's gpsd fix.
    public var moving: Bool
    /// True when the radar's own CAT034 messages (I034/120) give its site,
    /// so that the file need not (`site_from_cat034`). A received I034/120
    /// position is used for any radar; this only makes `lat/lon/alt_m`
    /// optional.
    public var siteFromCat034: Bool
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
        name: String, sac: UInt8, sic: UInt8, port: UInt16 = 4048, ports: [UInt16]? = nil, position: Geodetic?,
        moving: Bool = false, siteFromCat034: Bool = false, periodS: Double, rangeM: Double, sigmaRangeM: Double, sigmaAzimuthDeg: Double, sigmaElevationDeg: Double?,
        threeD: Bool, doppler: Bool, amplitudeKDb: Double
    ) {
        self.name = name
        self.sac = sac
        self.sic = sic
        let all = ports.flatMap { $0.isEmpty ? nil : $0 } ?? [port]
        self.port = all[0]
        self.ports = all
        self.position = position
        self.moving = moving
        self.siteFromCat034 = siteFromCat034
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
        let fromCat034 = r.bool("site_from_cat034", default: false)
        // A moving radar takes its site from gpsd, one with site_from_cat034
        // from its own I034/120; any other must say where it is.
        let position: Geodetic? =
            (moving || fromCat034) && !(r.has("lat") || r.has("lon") || r.has("alt_m")) ? nil : r.position()
        let ports = Self.readPorts(r)
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
            port: ports.first ?? 4048, ports: ports,
            position: position, moving: moving, siteFromCat034: fromCat034,
            periodS: r.number("period_s", .positiveUpTo(60)),
            rangeM: r.number("range_m", .positiveUpTo(1_000_000)),
            sigmaRangeM: r.number("sigma_range_m", .positive),
            sigmaAzimuthDeg: r.number("sigma_az_deg", .positiveUpTo(180)),
            sigmaElevationDeg: sigmaEl, threeD: threeD,
            doppler: r.bool("doppler"),
            amplitudeKDb: r.number("amplitude_k_db"))
    }

    /// `port` or `ports` (not both): the ports as a list, default [4048].
    private static func readPorts(_ r: ConfigObject) -> [UInt16] {
        if r.has("port") && r.has("ports") {
            _ = r.raw("ports", required: false)
            r.log.add(r.path("ports"), "give port or ports, not both")
        }
        guard let items = r.array("ports") else {
            return [UInt16(r.integer("port", in: 1...65535, default: 4048))]
        }
        _ = r.raw("port", required: false)
        var ports: [UInt16] = []
        for item in items {
            guard let n = JSONKind.number(item.value), n.rounded() == n, n >= 1, n <= 65535
            else {
                r.log.add(item.path, "must be a whole number between 1 and 65535, not \(JSONKind.describe(item.value))")
                continue
            }
            let port = UInt16(n)
            if ports.contains(port) {
                r.log.add(item.path, "port \(port) listed twice")
            } else {
                ports.append(port)
            }
        }
        if items.isEmpty { r.log.add(r.path("ports"), "must list at least one port") }
        return ports.isEmpty ? [4048] : ports
    }
}
