import FusionMath

/// A radar plot as the radar itself would report it, before any conversion:
/// the raw polar values an ASTERIX CAT048 encoder needs.
///
/// Range is slant range (m), azimuth clockwise from north in the radar's own
/// local frame ([0, 2 pi) rad), elevation above the radar's local horizontal
/// (rad). `heightM` is what a 3D radar puts in I048/110: the target's height
/// above the ellipsoid computed from range and elevation over a 4/3-Earth
/// (see `height(rangeM:elevationRad:antennaHeightM:)`), so a decoder that
/// applies `elevation(rangeM:heightM:antennaHeightM:)` recovers the elevation.
@frozen
public struct RadarPlot: Sendable, BitwiseCopyable {
    /// Detection time (the antenna crossing the target), ns since the Unix epoch.
    public var timeNs: Int64
    /// The scan the plot belongs to (0 = the scan starting at the radar's first north crossing).
    public var scanIndex: Int
    public var rangeM: Double
    public var azimuthRad: Double
    /// Elevation, rad; nil for a 2D radar.
    public var elevationRad: Double?
    /// Height above the ellipsoid from range and elevation, m; nil for a 2D radar.
    public var heightM: Double?
    /// Radial speed, m/s, positive receding; nil without Doppler.
    public var rangeRateMps: Double?
    /// Plot amplitude, dBm: `RCS_dBsm + K - 40 log10(range_m)` (ICD 1.1).
    public var amplitudeDbm: Double
    /// Mode S address from the secondary channel; nil for a primary-only plot.
    public var icaoAddress: UInt32?
    /// True when the plot includes an SSR / Mode S reply.
    public var cooperative: Bool

    public init(
        timeNs: Int64, scanIndex: Int, rangeM: Double, azimuthRad: Double, elevationRad: Double?, heightM: Double?,
        rangeRateMps: Double?, amplitudeDbm: Double, icaoAddress: UInt32?, cooperative: Bool
    ) {
        self.timeNs = timeNs
        self.scanIndex = scanIndex
        self.rangeM = rangeM
        self.azimuthRad = azimuthRad
        self.elevationRad = elevationRad
        self.heightM = heightM
        self.rangeRateMps = rangeRateMps
        self.amplitudeDbm = amplitudeDbm
        self.icaoAddress = icaoAddress
        self.cooperative = cooperative
    }

    /// Effective Earth radius for radar height computation (4/3 of 6371 km,
    /// the standard refraction model), metres.
    public static let effectiveEarthRadiusM = 4.0 / 3.0 * 6_371_000.0

    /// Target height (m, same datum as `antennaHeightM`) of a plot at slant
    /// range `rangeM` and elevation `elevationRad` over a sphere of radius
    /// `effectiveEarthRadiusM`: the law of cosines in the triangle of the
    /// Earth's centre, the antenna and the target.
    public static func height(rangeM r: Double, elevationRad e: Double, antennaHeightM: Double) -> Double {
        let ra = effectiveEarthRadiusM + antennaHeightM
        return (r * r + ra * ra + 2 * r * ra * Math.sin(e)).squareRoot() - effectiveEarthRadiusM
    }

    /// The inverse of `height(rangeM:elevationRad:antennaHeightM:)`.
    public static func elevation(rangeM r: Double, heightM h: Double, antennaHeightM: Double) -> Double {
        let ra = effectiveEarthRadiusM + antennaHeightM, rt = effectiveEarthRadiusM + h
        return Math.asin((rt * rt - r * r - ra * ra) / (2 * r * ra))
    }
}
