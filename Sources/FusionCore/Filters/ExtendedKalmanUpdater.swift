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
    ///
    /// `considerVertical`: altitude and vertical velocity (states 2 and 5)
    /// are consider states (Schmidt-Kalman): the innovation covariance keeps
    /// their uncertainty (so gates and likelihoods stay honest), but their
    /// gain rows are zero, so the measurement never moves them. A 2D radar
    /// sees altitude only through the slant range; letting that weak,
    /// linearised coupling drive the altitude made 2D-only tracks wander by
    /// kilometres (and their ground position by hundreds of metres) in the
    /// reference raid. The Joseph form is exact for any gain, so `P+` stays
    /// the true covariance of the suboptimal update.
    @inlinable public func update<let M: Int>(
        _ state: GaussianState, innovation nu: Innovation<M>, prediction: MeasurementPrediction<M>,
        noise r: Matrix<M, M>, considerVertical: Bool = false
    ) throws(FilterError) -> GaussianState {
        // K^T = S^-1 (P H^T)^T, solved rather than inverting S.
        var gain = nu.covarianceFactor.solve(nu.crossCovariance.transposed).transposed
        if considerVertical {
            for j in 0..<M {
                gain[2, j] = 0
                gain[5, j] = 0
            }
        }
        let ikh = StateCovariance.identity - gain * prediction.jacobian
        let joseph = Matrix.timesTransposed(ikh * state.covariance, ikh)
        let krk = Matrix.timesTransposed(gain * r, gain)
        let p = (joseph + krk).symmetrized
        do { _ = try Cholesky(p) } catch { throw .stateCovarianceNotPositiveDefinite }
        return GaussianState(mean: state.mean + gain * nu.residual, covariance: p, timeNs: state.timeNs)
    }
}
