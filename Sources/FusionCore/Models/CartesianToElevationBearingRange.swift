import FusionMath

/// A 3D radar: `[rangeM, azimuthRad, elevationRad]` of the target from the
/// radar's site, azimuth clockwise from north and elevation above the
/// horizontal, both in the radar's own local axes.
@frozen
public struct CartesianToElevationBearingRange: Sendable, BitwiseCopyable {
    /// Where the sensor is and how its local axes are turned, tracking frame.
    public var pose: SensorPose

    @inlinable public init(pose: SensorPose) { self.pose = pose }

    /// `h(x)` and `H` at `x` (see `SensorRelativeGeometry` for the equations).
    @inlinable public func predict(_ x: StateVector) -> MeasurementPrediction<3> {
        let g = SensorRelativeGeometry(state: x, pose: pose)
        var h = Matrix<3, 6>.zero
        h.setRow(0, g.rangeGradient)
        h.setRow(1, g.azimuthGradient)
        h.setRow(2, g.elevationGradient)
        return MeasurementPrediction(value: Vector<3>([g.rangeM, g.azimuthRad, g.elevationRad]), jacobian: h, isAngle: [false, true, true])
    }
}
