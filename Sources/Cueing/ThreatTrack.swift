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
    /// Time of the newest measurement that fixed the track's position (a
    /// radar plot or an ADS-B position; for a track that never had one, an
    /// acoustic cross-fix track, its newest measurement), ns since the Unix
    /// epoch. A track kept alive by bearings alone after its last fix drifts
    /// along them unseen: for cueing it is coasting.
    public var lastFixNs: Int64

    /// `lastFixNs` defaults to the state's time (a track just fixed).
    @inlinable public init(
        id: UInt32, status: Status, state: GaussianState, targetClass: TargetClass, pUncrewed: Double,
        lastFixNs: Int64? = nil
    ) {
        self.id = id
        self.status = status
        self.state = state
        self.targetClass = targetClass
        self.pUncrewed = pUncrewed
        self.lastFixNs = lastFixNs ?? state.timeNs
    }

    /// The one rule that decides whether a track may ever be cued: classified
    /// uncrewed, confirmed or coasting (never tentative), and a finite state.
    /// Everything else, including `.unknown`, is never engaged.
    @inlinable public var isCueable: Bool {
        targetClass == .uncrewed && (status == .confirmed || status == .coasting) && state.mean.isFinite
            && pUncrewed.isFinite
    }

    /// Whether the track is good enough to aim an interceptor at, at
    /// `nowNs`: no longer than `maxCoastS` since its last fix, its 1-sigma
    /// position uncertainty (predicted to `nowNs`) within the horizontal and
    /// vertical limits, and its horizontal velocity uncertainty within
    /// `maxHorizontalVelocitySigmaMps`. A diverged or long-coasting track, or a 2D radar's
    /// track with no height, points an interceptor at empty sky: it is not
    /// cued, and its cue is cancelled (`.trackQuality`). This gate is about
    /// usefulness; the safety gate is `isCueable`.
    @inlinable public func hasCueQuality(atNs nowNs: Int64, _ parameters: CueingParameters) -> Bool {
        guard secondsBetween(lastFixNs, nowNs) <= parameters.maxCoastS else { return false }
        let p = predictedCovariance(toNs: nowNs)
        let horizontal = (0.5 * Swift.max(0, p[0, 0] + p[1, 1])).squareRoot()
        let vertical = Swift.max(0, p[2, 2]).squareRoot()
        let velocity = (0.5 * Swift.max(0, p[3, 3] + p[4, 4])).squareRoot()
        return horizontal <= parameters.maxHorizontalSigmaM && vertical <= parameters.maxVerticalSigmaM
            && velocity <= parameters.maxHorizontalVelocitySigmaMps
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
