import FusionMath

/// What the tracker holds per track: a kinematic filter it can predict,
/// ask for an innovation (gating, association cost) and update, whether it
/// is a single-model EKF or an IMM. Used through generics
/// (`Tracker<Filter: TrackFilter>`), never as `any TrackFilter`.
public protocol TrackFilter: Sendable {
    /// The current (for an IMM: combined, moment-matched) estimate.
    var state: GaussianState { get }

    /// A filter with this one's configuration (models, tuning) started
    /// afresh at `state`: the tracker keeps one configured prototype and
    /// makes each new track's filter from it.
    func restarted(from state: GaussianState) -> Self

    /// What a lagged checkpoint keeps of a filter: its estimate without the
    /// configuration (models, tuning) that the live filter carries anyway.
    associatedtype Snapshot: BitwiseCopyable

    /// This filter's estimate, without its configuration.
    var snapshot: Snapshot { get }

    /// A filter with this one's configuration at the estimate `snapshot`
    /// (taken from a filter of the same configuration): the filter the
    /// snapshot was taken of, up to the rounding of derived values (an
    /// IMM's combined estimate is recomputed from its model states).
    func resumed(from snapshot: Snapshot) -> Self

    /// Time of validity of a snapshot's estimate, ns.
    static func timeNs(of snapshot: Snapshot) -> Int64

    /// Predicts to `timeNs`; a time at or before the state's is a no-op.
    mutating func predict(to timeNs: Int64)

    /// NIS and log-likelihood of `measurement` against the estimate
    /// predicted to the measurement's time, without changing the filter.
    /// Cheapest when the filter was already predicted to that time. A
    /// measurement older than the state is compared with the state as it
    /// is (filters never run backwards): the tracker reprocesses late
    /// measurements from its per-track history.
    func innovation(for measurement: Measurement) throws(FilterError) -> InnovationSummary

    /// Predicts to the measurement's time and updates with it. On error the
    /// filter is unchanged.
    @discardableResult
    mutating func update(with measurement: Measurement) throws(FilterError) -> InnovationSummary
}
