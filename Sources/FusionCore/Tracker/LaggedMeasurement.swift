import FusionMath

/// A measurement as a track's lag window keeps it for reprocessing: the
/// geometry, values and noise a filter update reads, without the
/// classification evidence (absorbed once when the measurement was first
/// fused; no filter reads it). 176 bytes instead of `Measurement`'s 264:
/// the eight entries of a track's window are a third of its record.
/// Values stay `Double`, so a replay fuses exactly what was fused in order.
@frozen
public struct LaggedMeasurement: Sendable, BitwiseCopyable {
    public var timeNs: Int64
    public var pose: SensorPose
    public var values: Vector<4>
    public var sigmas: Vector<4>
    public var sensor: SensorIndex
    public var kind: MeasurementKind
    public var hasElevation: Bool
    public var hasRangeRate: Bool

    @inlinable public init(_ m: Measurement) {
        timeNs = m.timeNs
        pose = m.pose
        values = m.values
        sigmas = m.sigmas
        sensor = m.sensor
        kind = m.kind
        hasElevation = m.hasElevation
        hasRangeRate = m.hasRangeRate
    }

    /// The measurement again, with empty evidence.
    @inlinable public var measurement: Measurement {
        Measurement(
            timeNs: timeNs, sensor: sensor, pose: pose, kind: kind, values: values, sigmas: sigmas,
            hasElevation: hasElevation, hasRangeRate: hasRangeRate)
    }
}
