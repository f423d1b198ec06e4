import FusionMath

/// The extended Kalman measurement update, generic over the measurement
/// dimension `M`:
///
///     K  = P H^T S^-1
///     x+ = x + K nu
///     P+ = (I - K H) P (I - K H)^T + K R K^T     (Joseph form), symmetrised
///
/// The Joseph form keeps `P+` positive semi-definite under rounding and a
/// suboptimal gain; the result is then checked by a Cholesky factorisation,
/// so a broken covariance is a `FilterError`, never NaN downstream.
/// `ExtendedKalmanUpdater+Measurement.swift` picks `M` and the measurement
/// model from a `Measurement`'s kind and flags.
@frozen
public struct ExtendedKalmanUpdater: Sendable, BitwiseCopyable {
    @inlinable public init() {}

    /// The innovation of `z` (noise covariance `r`) against `state`, whose
    /// measurement model was linearised at `state.mean` into `prediction`.
    @inlinable public func innovation<let M: Int>(
        of state: GaussianState, prediction: MeasurementPrediction<M>, measured z: Vector<M>, noise r: Matrix<M, M>
    ) throws(FilterError) -> Innovation<M> {
        let h = prediction.jacobian
        let pht = Matrix<6, M>.timesTransposed(state.covariance, h)
        let s = (h * pht + r).symmetrized
        let factor: Cholesky<M>
        do { factor = try Cholesky(s) } catch { throw .innovationCovarianceNotPositiveDefinite }
        return Innovation(
            residual: prediction.residual(z), covariance: s, covarianceFactor: factor, crossCovariance: pht)
    }

    /// `state` updated with the measurement whose innovation is `nu`.
    @inlinable public func update<let M: Int>(
        _ state: GaussianState, innovation nu: Innovation<M>, prediction: MeasurementPrediction<M>,
        noise r: Matrix<M, M>
    ) throws(FilterError) -> GaussianState {
        // K^T = S^-1 (P H^T)^T, solved rather than inverting S.
        let gain = nu.covarianceFactor.solve(nu.crossCovariance.transposed).transposed
        let ikh = StateCovariance.identity - gain * prediction.jacobian
        let joseph = Matrix.timesTransposed(ikh * state.covariance, ikh)
        let krk = Matrix.timesTransposed(gain * r, gain)
        let p = (joseph + krk).symmetrized
        do { _ = try Cholesky(p) } catch { throw .stateCovarianceNotPositiveDefinite }
        return GaussianState(mean: state.mean + gain * nu.residual, covariance: p, timeNs: state.timeNs)
    }
}
