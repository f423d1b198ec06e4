import FusionMath

/// A bearing any acoustic sensor reported, explained by a track or not,
/// kept briefly so that the cross-fix initiator can ask whether a sensor
/// heard something in a given direction (negative evidence against ghost
/// crossings). Angles in the sensor's own axes, radians.
@frozen
public struct HeardBearing: Sendable, BitwiseCopyable {
    public var timeNs: Int64
    /// Index into the initiator's sensor table.
    public var sensorSlot: Int32
    public var hasElevation: Bool
    public var azimuthRad: Double
    public var elevationRad: Double
    public var sigmaAzimuthRad: Double
    public var sigmaElevationRad: Double

    public init(_ m: Measurement, sensorSlot: Int) {
        timeNs = m.timeNs
        self.sensorSlot = Int32(sensorSlot)
        hasElevation = m.hasElevation
        azimuthRad = m.values[0]
        elevationRad = m.values[1]
        sigmaAzimuthRad = m.sigmas[0]
        sigmaElevationRad = m.sigmas[1]
    }
}
