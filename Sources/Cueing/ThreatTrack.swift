import FusionCore
import FusionMath

/// What cueing reads of one track: the tracker's output, copied into a plain
/// value so that cueing does not depend on tracker internals.
///
/// `state` is in the node's local ENU frame (metres, metres per second) at
/// `state.timeNs`; cueing predicts it to the step time with the constant-
/// velocity model.
@frozen
public struct ThreatTrack: Sendable, BitwiseCopyable {
    /// Track life-cycle status, with the raw values of FusionCore's
    /// `TrackStatus` so that the node can convert by raw value.
    public enum Status: UInt8, Sendable, BitwiseCopyable {
        case tentative = 0
        case confirmed = 1
        case coasting = 2
    }

    public var id: UInt32
    public var status: Status
    public var state: GaussianState
    public var targetClass: TargetClass
    /// Posterior probability that the target is uncrewed, 0...1.
    public var pUncrewed: Double

    @inlinable public init(id: UInt32, status: Status, state: GaussianState, targetClass: TargetClass, pUncrewed: Double) {
        self.id = id
        self.status = status
        self.state = state
        self.targetClass = targetClass
        self.pUncrewed = pUncrewed
    }

    /// The one rule that decides whether a track may ever be cued: classified
    /// uncrewed, confirmed or coasting (never tentative), and a finite state.
    /// Everything else, including `.unknown`, is never engaged.
    @inlinable public var isCueable: Bool {
        targetClass == .uncrewed && (status == .confirmed || status == .coasting) && state.mean.isFinite
            && pUncrewed.isFinite
    }

    /// Position and velocity predicted to `timeNs` along a constant velocity.
    @inlinable public func predicted(toNs timeNs: Int64) -> (position: Vector3, velocity: Vector3) {
        let dt = secondsBetween(state.timeNs, timeNs)
        return (state.position + dt * state.velocity, state.velocity)
    }

    /// Covariance predicted to `timeNs` along the constant-velocity model
    /// without process noise, `F P F^T` with `F = [[I, dt I], [0, I]]`: the
    /// tracker's own prediction adds its process noise; cueing only moves
    /// the state to the step time (usually milliseconds).
    @inlinable public func predictedCovariance(toNs timeNs: Int64) -> Matrix<6, 6> {
        let dt = secondsBetween(state.timeNs, timeNs)
        guard dt != 0 else { return state.covariance }
        var f = Matrix<6, 6>.identity
        for i in 0..<3 { f[i, i + 3] = dt }
        return Matrix<6, 6>.timesTransposed(f * state.covariance, f).symmetrized
    }
}
