import FusionMath

/// A 3D Doppler radar: `[rangeM, azimuthRad, elevationRad, rangeRateMps]`
/// from the radar's site in its local axes; range-rate is `d|d|/dt`, the
/// radial speed, positive when the target moves away.
@frozen
public struct CartesianToElevationBearingRangeRate: Sendable, BitwiseCopyable {
    /// Where the sensor is and how its local axes are turned, tracking frame.
    public var pose: SensorPose

    @inlinable public init(pose: SensorPose) { self.pose = pose }

    /// `h(x)` and `H` at `x` (see `SensorRelativeGeometry` for the equations).
    @inlinable public func predict(_ x: StateVector) -> MeasurementPrediction<4> {
        let g = SensorRelativeGeometry(state: x, pose: pose)
        var h = Matrix<4, 6>.zero
        h.setRow(0, g.rangeGradient)
        h.setRow(1, g.azimuthGradient)
        h.setRow(2, g.elevationGradient)
        h.setRow(3, g.rangeRateGradient)
        return MeasurementPrediction(value: Vector<4>([g.rangeM, g.azimuthRad, g.elevationRad, g.rangeRateMps]), jacobian: h, isAngle: [false, true, true, false])
    }
}
