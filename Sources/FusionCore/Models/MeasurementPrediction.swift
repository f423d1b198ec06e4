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

    /// How many leading rows of `H` are exactly zero in the velocity
    /// columns: all `M` of a range, angle or position model's, `M - 1` of
    /// a Doppler radar's (its last row is `d rr / dx`, velocity included).
    /// The EKF's structured kernels use it; counted on the values rather
    /// than assumed per model, so a row with velocity terms always takes
    /// the general form.
    @inlinable public var positionOnlyRows: Int {
        jacobian.withUnsafeElements { ph in
            for m in 0..<M {
                for k in 3..<6 where ph[m * 6 + k] != 0 { return m }
            }
            return M
        }
    }
}
