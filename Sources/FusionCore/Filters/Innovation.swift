import FusionMath

/// The innovation of one measurement against one predicted state, in the
/// measurement's own space (dimension `M`).
///
///     nu = z - h(x)              (angles wrapped to (-pi, pi])
///     S  = H P H^T + R
///     NIS = nu^T S^-1 nu         (chi-square with M dof when consistent)
///     ln L = -(NIS + ln det S + M ln 2 pi) / 2
///
/// Keeps the Cholesky factor of `S` and the cross covariance `P H^T` so the
/// update that follows reuses them.
@frozen
public struct Innovation<let M: Int>: Sendable, BitwiseCopyable {
    public var residual: Vector<M>
    public var covariance: Matrix<M, M>
    public var covarianceFactor: Cholesky<M>
    /// `P H^T`, 6 x M.
    public var crossCovariance: Matrix<6, M>
    public var normalisedSquared: Double

    @inlinable public init(
        residual: Vector<M>, covariance: Matrix<M, M>, covarianceFactor: Cholesky<M>,
        crossCovariance: Matrix<6, M>
    ) {
        self.residual = residual
        self.covariance = covariance
        self.covarianceFactor = covarianceFactor
        self.crossCovariance = crossCovariance
        normalisedSquared = covarianceFactor.mahalanobisSquared(residual)
    }

    /// `ln L`, computed when asked (a logarithm of `det S`): the gate needs
    /// only the NIS, see `gateSummary`.
    @inlinable public var logLikelihood: Double {
        -0.5 * (normalisedSquared + covarianceFactor.logDeterminant + Double(M) * InnovationSummary.logTwoPi)
    }

    @inlinable public var summary: InnovationSummary {
        InnovationSummary(
            normalisedSquared: normalisedSquared, logLikelihood: logLikelihood, dimension: M)
    }

    /// NIS and dimension without the log-likelihood (NaN): what a gate needs.
    @inlinable public var gateSummary: InnovationSummary {
        InnovationSummary(normalisedSquared: normalisedSquared, logLikelihood: .nan, dimension: M)
    }
}
