import FusionMath

/// Index of a sensor in the node's sensor table (radars, the ADS-B feed,
/// acoustic sensors, remote nodes). Assigned by the node at configuration or
/// first contact; the core only uses it to tell sensors apart.
public typealias SensorIndex = UInt32

/// Where a sensor is and how it is oriented, in the node's tracking frame.
///
/// `rotation` takes a vector from the tracking frame's ENU axes to the
/// sensor's own local ENU axes (identity for a sensor at the frame origin).
/// Azimuth and elevation are measured in the sensor's local axes, so a
/// bearing from a sensor 15 km away is not bent by meridian convergence.
@frozen
public struct SensorPose: Sendable, BitwiseCopyable {
    public var positionENU: Vector3
    public var rotation: Matrix3

    @inlinable public init(positionENU: Vector3, rotation: Matrix3 = .identity) {
        self.positionENU = positionENU
        self.rotation = rotation
    }

    /// The pose of a sensor at a geodetic position, in `frame`.
    @inlinable public init(at site: Geodetic, in frame: LocalFrame) {
        positionENU = frame.enu(from: site)
        // tracking ENU -> ECEF -> sensor ENU
        rotation = LocalFrame(origin: site).ecefToENU * frame.ecefToENU.transposed
    }
}

/// What geometry a measurement has.
public enum MeasurementKind: UInt8, Sendable, BitwiseCopyable {
    /// Radar plot: slant range, azimuth, and when `hasElevation` elevation,
    /// and when `hasRangeRate` radial speed, from the sensor's pose.
    case radar
    /// A WGS84 position already converted into the tracking frame's ENU (ADS-B).
    case position
    /// A direction of arrival: azimuth, and when `hasElevation` elevation (acoustic).
    case bearing
}

/// Evidence carried by a measurement that the classifier uses and the
/// kinematic filters ignore. Plain values only: no heap.
@frozen
public struct MeasurementEvidence: Sendable, BitwiseCopyable {
    /// Radar cross-section estimate, dBsm (from plot amplitude, range and the
    /// radar's calibration constant); nil when the plot had no amplitude.
    public var rcsDbsm: Double?
    /// 24-bit ICAO address from a Mode S reply or ADS-B; nil when none.
    public var icaoAddress: UInt32?
    /// ADS-B emitter category (I021/020 ECAT); nil when unknown.
    public var emitterCategory: UInt8?
    /// True when the plot includes an SSR or Mode S reply (cooperative target).
    public var cooperativeReply: Bool
    /// Acoustic harmonic fundamental, Hz; nil when none.
    public var fundamentalHz: Double?
    /// Acoustic source hint (ICD 1.3) and its confidence 0...1.
    public var sourceHint: UInt8
    public var sourceHintConfidence: Double
    /// The acoustic sensor's own id for this sound source, 0 = none.
    public var sensorSourceID: UInt32
    /// Signal-to-noise ratio, dB, where the sensor reports it.
    public var snrDb: Double?

    @inlinable public init() {
        rcsDbsm = nil
        icaoAddress = nil
        emitterCategory = nil
        cooperativeReply = false
        fundamentalHz = nil
        sourceHint = 0
        sourceHintConfidence = 0
        sensorSourceID = 0
        snrDb = nil
    }
}

/// One detection from one sensor, in the units and geometry the sensor
/// measured it: the core never flattens a measurement to Cartesian.
///
/// Components of `values` and `sigmas` (1-sigma) by kind:
/// - `.radar`: rangeM, azimuthRad, elevationRad (if `hasElevation`), rangeRateMps (if `hasRangeRate`)
/// - `.bearing`: azimuthRad, elevationRad (if `hasElevation`), unused, unused
/// - `.position`: east, north, up (metres in the tracking frame), unused
@frozen
public struct Measurement: Sendable, BitwiseCopyable {
    /// Time the sensor measured it, ns since the Unix epoch (UTC).
    public var timeNs: Int64
    public var sensor: SensorIndex
    public var pose: SensorPose
    public var kind: MeasurementKind
    public var values: Vector<4>
    public var sigmas: Vector<4>
    public var hasElevation: Bool
    public var hasRangeRate: Bool
    public var evidence: MeasurementEvidence

    @inlinable public init(
        timeNs: Int64, sensor: SensorIndex, pose: SensorPose, kind: MeasurementKind,
        values: Vector<4>, sigmas: Vector<4>, hasElevation: Bool, hasRangeRate: Bool,
        evidence: MeasurementEvidence = MeasurementEvidence()
    ) {
        self.timeNs = timeNs
        self.sensor = sensor
        self.pose = pose
        self.kind = kind
        self.values = values
        self.sigmas = sigmas
        self.hasElevation = hasElevation
        self.hasRangeRate = hasRangeRate
        self.evidence = evidence
    }

    /// A 3D (or 2D when `elevationRad` is nil) radar plot.
    @inlinable public static func radar(
        timeNs: Int64, sensor: SensorIndex, pose: SensorPose,
        rangeM: Double, azimuthRad: Double, elevationRad: Double?, rangeRateMps: Double?,
        sigmaRangeM: Double, sigmaAzimuthRad: Double, sigmaElevationRad: Double, sigmaRangeRateMps: Double,
        evidence: MeasurementEvidence = MeasurementEvidence()
    ) -> Measurement {
        Measurement(
            timeNs: timeNs, sensor: sensor, pose: pose, kind: .radar,
            values: Vector<4>([rangeM, azimuthRad, elevationRad ?? 0, rangeRateMps ?? 0]),
            sigmas: Vector<4>([sigmaRangeM, sigmaAzimuthRad, sigmaElevationRad, sigmaRangeRateMps]),
            hasElevation: elevationRad != nil, hasRangeRate: rangeRateMps != nil, evidence: evidence)
    }

    /// A direction of arrival (acoustic), azimuth and optional elevation.
    @inlinable public static func bearing(
        timeNs: Int64, sensor: SensorIndex, pose: SensorPose,
        azimuthRad: Double, elevationRad: Double?, sigmaAzimuthRad: Double, sigmaElevationRad: Double,
        evidence: MeasurementEvidence = MeasurementEvidence()
    ) -> Measurement {
        Measurement(
            timeNs: timeNs, sensor: sensor, pose: pose, kind: .bearing,
            values: Vector<4>([azimuthRad, elevationRad ?? 0, 0, 0]),
            sigmas: Vector<4>([sigmaAzimuthRad, sigmaElevationRad, 0, 0]),
            hasElevation: elevationRad != nil, hasRangeRate: false, evidence: evidence)
    }

    /// A position in the tracking frame (ADS-B), with per-axis 1-sigma.
    @inlinable public static func position(
        timeNs: Int64, sensor: SensorIndex, enu: Vector3, sigmaHorizontalM: Double, sigmaVerticalM: Double,
        evidence: MeasurementEvidence = MeasurementEvidence()
    ) -> Measurement {
        Measurement(
            timeNs: timeNs, sensor: sensor, pose: SensorPose(positionENU: .zero), kind: .position,
            values: Vector<4>([enu.x, enu.y, enu.z, 0]),
            sigmas: Vector<4>([sigmaHorizontalM, sigmaHorizontalM, sigmaVerticalM, 0]),
            hasElevation: true, hasRangeRate: false, evidence: evidence)
    }
}
