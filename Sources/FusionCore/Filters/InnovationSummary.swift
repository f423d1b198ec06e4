/// What gating, association and IMM weighting need from an innovation,
/// without its dimension in the type.
@frozen
public struct InnovationSummary: Sendable, BitwiseCopyable, Equatable {
    /// NIS, `nu^T S^-1 nu`: compare with a chi-square quantile of `dimension` dof.
    public var normalisedSquared: Double
    /// Gaussian log-likelihood of the measurement, `ln N(nu; 0, S)`; NaN
    /// from `ExtendedKalmanUpdater.gateStatistics`, which skips it.
    public var logLikelihood: Double
    /// Measurement dimension M (1...4).
    public var dimension: Int

    @inlinable public init(normalisedSquared: Double, logLikelihood: Double, dimension: Int) {
        self.normalisedSquared = normalisedSquared
        self.logLikelihood = logLikelihood
        self.dimension = dimension
    }

    public static let logTwoPi = 1.837_877_066_409_345_5
}
