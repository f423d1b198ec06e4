import FusionCore
import FusionMath

/// A rotating surveillance radar at a fixed site: which truth targets it
/// detects each scan, with what noise, plus clutter plots.
///
/// Geometry is exactly the measurement geometry of `FusionCore.Measurement`
/// (`.radar`): with `d = rotation * (target - site)` in the radar's own ENU
/// axes, range `|d|`, azimuth `atan2(d.east, d.north)` clockwise from north,
/// elevation `asin(d.up / |d|)`, range-rate `(target - site) . v / |d|`
/// (positive receding). The antenna turns clockwise from north once per
/// `scanPeriodNs`, so a target at azimuth `az` is seen at
/// `scanStart + az / 2 pi * period` (iterated, since the target moves).
///
/// Plot amplitude follows ICD 1.1: `PAM_dBm = RCS_dBsm + K - 40 log10(R_m)`,
/// plus a Gaussian fluctuation (in dB) of `sigmaAmplitudeDb` (the radar's)
/// and the target kind's `rcsFluctuationDb`, added in quadrature; the measurement's
/// `evidence.rcsDbsm` is what the node would compute back from PAM and the
/// measured range.
public struct RadarSensorModel: Sendable {
    /// How the probability of detection is computed.
    public enum DetectionModel: Sendable {
        /// The same Pd for every target in coverage.
        case constant(Double)
        /// A Swerling I target in noise: `Pd = maxPd * Pfa^(1 / (1 + SNR))`,
        /// with `SNR_dB = referenceSnrDb + RCS_dBsm - 40 log10(R / referenceRangeM)`
        /// (the radar equation for a 0 dBsm reference target).
        case swerling1(referenceRangeM: Double, referenceSnrDb: Double, falseAlarmProbability: Double, maxPd: Double)
    }

    public var sensor: SensorIndex
    /// The radar's pose in the tracking frame.
    public var pose: SensorPose
    /// Antenna height above the ellipsoid, m (for plot heights, ASTERIX I048/110).
    public var antennaHeightM: Double
    /// Antenna height above the surrounding ground, m (for the radar horizon).
    public var antennaHeightAboveGroundM = 10.0
    public var threeD = true
    public var doppler = true
    public var scanPeriodNs: Int64 = 1_000_000_000
    /// The north crossing that starts scan 0, ns since the Unix epoch.
    public var firstScanStartNs: Int64 = Scenario.defaultStartNs
    public var minRangeM = 150.0
    public var maxRangeM = 16_000.0
    /// Elevation coverage, rad; targets below the minimum are masked.
    public var minElevationRad = 0.0
    public var maxElevationRad = 40 * Math.radiansPerDegree
    public var detection = DetectionModel.constant(0.9)
    public var sigmaRangeM = 8.0
    public var sigmaAzimuthRad = 0.35 * Math.radiansPerDegree
    public var sigmaElevationRad = 0.6 * Math.radiansPerDegree
    public var sigmaRangeRateMps = 0.5
    /// The radar's own plot amplitude noise, dB (receiver, calibration).
    public var sigmaAmplitudeDb = 2.0
    /// When false the measurements are exact (sigmas are still reported).
    public var addsNoise = true
    /// Mean number of clutter plots per scan (Poisson).
    public var clutterMeanPerScan = 2.0
    /// Clutter lies between `minElevationRad` and this, rad.
    public var clutterMaxElevationRad = 3 * Math.radiansPerDegree
    public var clutterRcsDbsm: ClosedRange<Double> = -20...5
    /// Standard deviation of clutter radial speeds, m/s (ground and weather clutter move little).
    public var clutterSigmaRangeRateMps = 1.0
    /// Calibration constant K of the amplitude equation, dB (ICD 1.1).
    public var amplitudeKDb = 70.0
    /// Whether the radar has a secondary (SSR / Mode S) channel that reports transponders.
    public var secondaryRadar = true
    /// Whether to apply the 4/3-Earth radar horizon.
    public var appliesHorizon = true

    /// A radar at `pose` (tracking frame) whose antenna is `antennaHeightM` above the ellipsoid.
    public init(sensor: SensorIndex, pose: SensorPose, antennaHeightM: Double) {
        self.sensor = sensor
        self.pose = pose
        self.antennaHeightM = antennaHeightM
    }

    /// A radar at a geodetic site, in `frame`.
    public init(sensor: SensorIndex, site: Geodetic, frame: LocalFrame) {
        self.init(sensor: sensor, pose: SensorPose(at: site, in: frame), antennaHeightM: site.heightM)
    }

    /// A radar at an ENU position of `frame` (its axes turned to its own site).
    public init(sensor: SensorIndex, positionENU: Vector3, frame: LocalFrame) {
        self.init(sensor: sensor, site: frame.geodetic(fromENU: positionENU), frame: frame)
    }

    /// The north crossing that starts scan `index`.
    public func scanStartNs(_ index: Int) -> Int64 { firstScanStartNs + Int64(index) * scanPeriodNs }

    /// The first scan index whose start is at or after `timeNs`.
    public func firstScanIndex(atOrAfter timeNs: Int64) -> Int {
        let d = timeNs - firstScanStartNs
        return d <= 0 ? Int(d / scanPeriodNs) : Int((d + scanPeriodNs - 1) / scanPeriodNs)
    }

    /// Exact polar measurement of a point with velocity, in this radar's geometry.
    public func polar(of state: TruthState) -> (rangeM: Double, azimuthRad: Double, elevationRad: Double, rangeRateMps: Double) {
        let rel = state.positionENU - pose.positionENU
        let d = pose.rotation * rel
        let r = d.norm
        let az = Angle.wrapPositive(Math.atan2(d.x, d.y))
        let el = r > 0 ? Math.asin(d.z / r) : 0
        let rr = r > 0 ? rel.dot(state.velocityENU) / r : 0
        return (r, az, el, rr)
    }

    /// The point at a polar position (range, azimuth, elevation) of this radar,
    /// in tracking-frame ENU: the inverse of `polar(of:)`'s position part.
    public func enu(rangeM: Double, azimuthRad: Double, elevationRad: Double) -> Vector3 {
        let ce = Math.cos(elevationRad)
        let local = Vector3(
            rangeM * ce * Math.sin(azimuthRad), rangeM * ce * Math.cos(azimuthRad), rangeM * Math.sin(elevationRad))
        return pose.positionENU + pose.rotation.transposed * local
    }

    /// Whether a target at this polar position is inside coverage and above
    /// the radar horizon.
    public func isVisible(rangeM r: Double, elevationRad e: Double) -> Bool {
        guard r >= minRangeM, r <= maxRangeM, e >= minElevationRad, e <= maxElevationRad else { return false }
        guard appliesHorizon else { return true }
        // Heights above the local ground over the 4/3 Earth; the target is
        // visible when the straight ray (in refracted space) clears the bulge.
        let ha = antennaHeightAboveGroundM
        let ht = RadarPlot.height(rangeM: r, elevationRad: e, antennaHeightM: ha)
        guard ht > 0 else { return false }
        let k = 2 * RadarPlot.effectiveEarthRadiusM
        let ground = r * Math.cos(e)
        return ground <= (k * max(ha, 0)).squareRoot() + (k * ht).squareRoot()
    }

    /// The probability of detecting a target of `rcsDbsm` at `rangeM`.
    public func detectionProbability(rcsDbsm: Double, rangeM: Double) -> Double {
        switch detection {
        case .constant(let pd):
            return pd
        case .swerling1(let refRange, let refSnr, let pfa, let maxPd):
            let snrDb = refSnr + rcsDbsm - 40 * Math.log10(max(rangeM, 1) / refRange)
            let snr = Math.pow(10, snrDb / 10)
            return maxPd * Math.pow(pfa, 1 / (1 + snr))
        }
    }

    /// Amplitude (dBm) of a plot of `rcsDbsm` at `rangeM`, ICD 1.1.
    public func amplitudeDbm(rcsDbsm: Double, rangeM: Double) -> Double {
        rcsDbsm + amplitudeKDb - 40 * Math.log10(rangeM)
    }

    /// RCS (dBsm) that the node computes back from amplitude and range, ICD 1.1.
    public func rcsDbsm(amplitudeDbm: Double, rangeM: Double) -> Double {
        amplitudeDbm - amplitudeKDb + 40 * Math.log10(rangeM)
    }
}
