import FusionMath

/// A direction of arrival with elevation (acoustic array):
/// `[azimuthRad, elevationRad]` at the sensor, in its local axes.
@frozen
public struct CartesianToElevationBearing: Sendable, BitwiseCopyable {
    /// Where the sensor is and how its local axes are turned, tracking frame.
    public var pose: SensorPose

    @inlinable public init(pose: SensorPose) { self.pose = pose }

    /// `h(x)` and `H` at `x` (see `SensorRelativeGeometry` for the equations).
    @inlinable public func predict(_ x: StateVector) -> MeasurementPrediction<2> {
        let g = SensorRelativeGeometry(state: x, pose: pose)
        var h = Matrix<2, 6>.zero
        h.setRow(0, g.azimuthGradient)
        h.setRow(1, g.elevationGradient)
        return MeasurementPrediction(value: Vector<2>([g.azimuthRad, g.elevationRad]), jacobian: h, isAngle: [true, true])
    }
}
