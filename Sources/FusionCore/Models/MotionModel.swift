import FusionMath

/// A motion model of the 6-state ENU kinematic state `[e, n, u, ve, vn, vu]`
/// (metres, metres per second, tracking frame): how the mean moves over
/// `dt` seconds and how much uncertainty the unmodelled acceleration adds.
///
/// The prediction is the extended Kalman one:
///
///     x(t+dt) = f(x, dt)
///     P(t+dt) = F P F^T + Q(dt),   F = df/dx at x
///
/// Used through generics (`ExtendedKalmanFilter<Model>`,
/// `InteractingMultipleModel<K, Model>`), never as an existential.
public protocol MotionModel: Sendable {
    /// `f(x, dt)`: the mean after `dt` seconds.
    func propagate(_ mean: StateVector, dt: Double) -> StateVector
    /// `F = df/dx` at `mean` over `dt` seconds.
    func transition(at mean: StateVector, dt: Double) -> StateCovariance
    /// `Q(dt)`: covariance of the state change that the unmodelled
    /// acceleration causes over `dt` seconds.
    func processNoise(dt: Double) -> StateCovariance
    /// The state predicted to `timeNs` in place (a time at or before the
    /// state's leaves it unchanged). The default is the general EKF
    /// prediction below; a model may give the same result cheaper.
    func predict(_ state: inout GaussianState, to timeNs: Int64)
}

extension MotionModel {
    /// The state predicted to `timeNs`.
    ///
    /// A time at or before the state's own leaves it unchanged: the filters
    /// never run backwards (process noise cannot be subtracted); the tracker
    /// handles late measurements by reprocessing its history.
    @inlinable public func predict(_ state: GaussianState, to timeNs: Int64) -> GaussianState {
        var next = state
        predict(&next, to: timeNs)
        return next
    }

    /// The general prediction in place (the requirement's default).
    ///
    /// `F P F^T + Q` by `StateCovariance.congruence`: `F P` and then only the
    /// lower triangle of `(F P) F^T`, both skipping the zeros of `F` (the
    /// transition matrices have at most three non-zeros per row: 72 + 42
    /// multiply-adds for constant velocity instead of 216 + 216), mirrored.
    @inlinable public func predict(_ state: inout GaussianState, to timeNs: Int64) {
        guard timeNs > state.timeNs else { return }
        let dt = secondsBetween(state.timeNs, timeNs)
        let f = transition(at: state.mean, dt: dt)
        StateCovariance.congruence(f, &state.covariance, plus: processNoise(dt: dt))
        state.mean = propagate(state.mean, dt: dt)
        state.timeNs = timeNs
    }
}

/// Discrete white-noise-acceleration covariance for one axis pair
/// (position index `i`, velocity index `i + 3`) with spectral density `q`
/// (m^2/s^3): `q [[dt^3/3, dt^2/2], [dt^2/2, dt]]` (Bar-Shalom, Li and
/// Kirubarajan 2001, 6.2.2). Writes into `m`.
@inlinable func addWhiteAccelerationNoise(_ m: inout StateCovariance, axis i: Int, q: Double, dt: Double) {
    let dt2 = dt * dt
    m[i, i] += q * dt2 * dt / 3
    m[i, i + 3] += q * dt2 / 2
    m[i + 3, i] += q * dt2 / 2
    m[i + 3, i + 3] += q * dt
}
