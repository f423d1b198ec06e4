import FusionMath

/// A 2D radar: `[slant rangeM, azimuthRad]` from the radar's site in its
/// local axes. Altitude is seen only through the slant range, so it stays
/// weakly known: an altitude prior comes from `MeasurementStateInitializer`.
@frozen
public struct CartesianToBearingRange: Sendable, BitwiseCopyable {
    /// Where the sensor is and how its local axes are turned, tracking frame.
    public var pose: SensorPose

    @inlinable public init(pose: SensorPose) { self.pose = pose }

    /// `h(x)` and `H` at `x` (see `SensorRelativeGeometry` for the equations).
    @inlinable public func predict(_ x: StateVector) -> MeasurementPrediction<2> {
        let g = SensorRelativeGeometry(state: x, pose: pose)
        var h = Matrix<2, 6>.zero
        h.setRow(0, g.rangeGradient)
        h.setRow(1, g.azimuthGradient)
        return MeasurementPrediction(value: Vector<2>([g.rangeM, g.azimuthRad]), jacobian: h, isAngle: [false, true])
    }
}
