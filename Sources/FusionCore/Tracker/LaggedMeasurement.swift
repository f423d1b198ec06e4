import FusionMath

/// A measurement as a track's lag window keeps it for reprocessing, in a
/// slot of the engine's `LagEntryPool`: the values and noise a filter update
/// reads, the sensor pose as an index into the pool's shared poses (a
/// radar's 96-byte pose is the same for every plot it sends), and the link
/// to the next entry of the same track's window (and a replay snapshot's
/// slot, if any). No classification evidence (absorbed once when the
/// measurement was first fused; no filter reads it) and no sensor index
/// (the pose slot's). 88 bytes instead of `Measurement`'s 264. Values stay
/// `Double` and the pose is kept bit for bit, so a replay fuses exactly
/// what was fused in order.
@frozen
public struct LaggedMeasurement: Sendable, BitwiseCopyable {
    public var timeNs: Int64
    public var values: Vector<4>
    public var sigmas: Vector<4>
    /// Index of the sensor pose in the pool's pose table, which also
    /// names the sensor (a pose slot is shared by one sensor's entries only).
    public var poseIndex: Int32
    /// The next entry of the same window (newer), or of the free list; -1: none.
    public var next: Int32
    /// A replay snapshot (`LagEntryPool`) of the track's filter just after
    /// it fused this entry, or -1.
    public var snapshot: Int32
    public var kind: MeasurementKind
    public var hasElevation: Bool
    public var hasRangeRate: Bool

    @inlinable public init(_ m: Measurement, poseIndex: Int32) {
        timeNs = m.timeNs
        values = m.values
        sigmas = m.sigmas
        self.poseIndex = poseIndex
        next = -1
        snapshot = -1
        kind = m.kind
        hasElevation = m.hasElevation
        hasRangeRate = m.hasRangeRate
    }

    /// The measurement again, from `sensor` at `pose`, with empty evidence.
    @inlinable public func measurement(sensor: SensorIndex, pose: SensorPose) -> Measurement {
        Measurement(
            timeNs: timeNs, sensor: sensor, pose: pose, kind: kind, values: values, sigmas: sigmas,
            hasElevation: hasElevation, hasRangeRate: hasRangeRate)
    }
}
