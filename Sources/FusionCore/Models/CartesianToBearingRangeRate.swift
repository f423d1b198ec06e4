import FusionMath

/// A 2D Doppler radar: `[slant rangeM, azimuthRad, rangeRateMps]` from the
/// radar's site in its local axes (range-rate positive opening).
@frozen
public struct CartesianToBearingRangeRate: Sendable, BitwiseCopyable {
    /// Where the sensor is and how its local axes are turned, tracking frame.
    public var pose: SensorPose

    @inlinable public init(pose: SensorPose) { self.pose = pose }

    /// `h(x)` and `H` at `x` (see `SensorRelativeGeometry` for the equations).
    @inlinable public func predict(_ x: StateVector) -> MeasurementPrediction<3> {
        let g = SensorRelativeGeometry(state: x, pose: pose)
        var h = Matrix<3, 6>.zero
        h.setRow(0, g.rangeGradient)
        h.setRow(1, g.azimuthGradient)
        h.setRow(2, g.rangeRateGradient)
        return MeasurementPrediction(value: Vector<3>([g.rangeM, g.azimuthRad, g.rangeRateMps]), jacobian: h, isAngle: [false, true, false])
    }
}
