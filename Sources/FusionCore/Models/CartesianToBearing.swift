import FusionMath

/// An azimuth-only direction of arrival: `[azimuthRad]` clockwise from north
/// at the sensor, in its local axes.
@frozen
public struct CartesianToBearing: Sendable, BitwiseCopyable {
    /// Where the sensor is and how its local axes are turned, tracking frame.
    public var pose: SensorPose

    @inlinable public init(pose: SensorPose) { self.pose = pose }

    /// `h(x)` and `H` at `x` (see `SensorRelativeGeometry` for the equations).
    @inlinable public func predict(_ x: StateVector) -> MeasurementPrediction<1> {
        let g = SensorRelativeGeometry(state: x, pose: pose)
        var h = Matrix<1, 6>.zero
        h.setRow(0, g.azimuthGradient)
        return MeasurementPrediction(value: Vector<1>([g.azimuthRad]), jacobian: h, isAngle: [true])
    }
}
