/// What the tracker needs of a track's filter (an EKF, an IMM of EKFs...).
///
/// Value types only (`BitwiseCopyable`): the tracker copies a filter to try a
/// prediction for gating, and keeps a lagged copy to reprocess late data.
public protocol TrackingFilter: BitwiseCopyable {
    /// Starts a filter from a single measurement that no track explained, or
    /// nil when that kind of measurement cannot start a track on its own (a
    /// bearing). Unobserved components (velocity; altitude for a 2D radar)
    /// get wide priors.
    init?(initiatingFrom measurement: Measurement)

    /// The combined estimate at the filter's current time.
    var estimate: GaussianState { get }

    /// Propagates the estimate to `timeNs` (forward only; a no-op when equal).
    mutating func predict(toNs timeNs: Int64)

    /// Gate statistics of `measurement` against the estimate at its current
    /// time (the caller predicts first): normalised innovation squared, its
    /// degrees of freedom, and the Gaussian log-likelihood. Nil when the
    /// innovation covariance is not positive definite.
    func gateStatistics(for measurement: Measurement) -> GateStatistics?

    /// Fuses `measurement` (taken at the filter's current time). False when
    /// the update failed numerically and the filter was left unchanged.
    mutating func update(with measurement: Measurement) -> Bool
}

/// How well a measurement fits a predicted track.
@frozen
public struct GateStatistics: Sendable, BitwiseCopyable {
    /// Normalised innovation squared, chi-square with `dimension` dof when consistent.
    public var nis: Double
    /// Degrees of freedom of the innovation.
    public var dimension: Int
    /// ln N(innovation; 0, S).
    public var logLikelihood: Double

    @inlinable public init(nis: Double, dimension: Int, logLikelihood: Double) {
        self.nis = nis
        self.dimension = dimension
        self.logLikelihood = logLikelihood
    }
}
