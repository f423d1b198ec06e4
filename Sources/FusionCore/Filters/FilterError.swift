/// Why a filter step could not be done. The filter's state is left as it
/// was before the failing call; the tracker counts these and decides
/// (drop the measurement, or reset the track).
public enum FilterError: Error, Sendable, Equatable {
    /// The innovation covariance `S = H P H^T + R` is not positive definite.
    case innovationCovarianceNotPositiveDefinite
    /// The updated (or initial) state covariance lost positive definiteness.
    case stateCovarianceNotPositiveDefinite
    /// A used value or sigma is not finite, or a sigma is not positive, or
    /// two measurements for a two-point start are not in time order.
    case invalidMeasurement
    /// The measurement alone does not fix a position (a single bearing).
    case notObservable
}
