import FusionMath

/// A measurement model linearised at a state: the predicted measurement
/// `h(x)`, its Jacobian `H = dh/dx` (M x 6) and which components are angles
/// (their innovations wrap to (-pi, pi]).
@frozen
public struct MeasurementPrediction<let M: Int>: Sendable, BitwiseCopyable {
    public var value: Vector<M>
    public var jacobian: Matrix<M, 6>
    public var isAngle: InlineArray<M, Bool>

    @inlinable public init(value: Vector<M>, jacobian: Matrix<M, 6>, isAngle: InlineArray<M, Bool>) {
        self.value = value
        self.jacobian = jacobian
        self.isAngle = isAngle
    }

    /// `z - h(x)`, with angle components wrapped to (-pi, pi] so that a
    /// target crossing north (359 deg measured, 1 deg predicted) gives a
    /// 2 degree innovation, not 358.
    @inlinable public func residual(_ z: Vector<M>) -> Vector<M> {
        var r = z - value
        for i in 0..<M where isAngle[i] { r[i] = Angle.wrapSigned(r[i]) }
        return r
    }
}
