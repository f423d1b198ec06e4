import FusionMath

/// A position measured directly in the tracking frame (ADS-B, already
/// converted from WGS84): `h(x) = [e, n, u]`, `H = [I 0]`. Linear, so the
/// extended Kalman update is the exact Kalman update.
@frozen
public struct CartesianToPosition: Sendable, BitwiseCopyable {
    @inlinable public init() {}

    @inlinable public func predict(_ x: StateVector) -> MeasurementPrediction<3> {
        MeasurementPrediction(
            value: Vector<3>(x[0], x[1], x[2]), jacobian: Matrix<3, 6>.identity, isAngle: [false, false, false])
    }
}
