import FusionMath

/// The zone a track threatens first and when it is predicted to get there.
///
/// Uncertainty: besides the mean trajectory, the 12 trajectories of the
/// sigma points `x +/- k L e_j` (`L` the Cholesky factor of the 6x6
/// position-velocity covariance, `k = CueingParameters.sigmaK`, default 2)
/// are flown with constant velocity, each with the closed-form entry of
/// `Zone.firstEntryS`. A track is a threat when any of the 13 enters a zone
/// within the horizon, and its entry time is the earliest of them: the
/// conservative choice, since a late cue costs more than an early one, and
/// the sigma points carry the position-velocity correlation a bare
/// `position +/- k sigma` test would lose. A covariance that is not positive
/// definite falls back to the square roots of its diagonal.
@frozen
public struct ThreatAssessment: Sendable, BitwiseCopyable {
    /// Index of the zone entered first.
    public var zoneIndex: Int
    /// Earliest (conservative) entry, seconds from the assessment time; 0
    /// when already inside.
    public var entryS: Double
    /// Entry of the mean trajectory into that zone, if it enters at all.
    public var nominalEntryS: Double?

    @inlinable public init(zoneIndex: Int, entryS: Double, nominalEntryS: Double?) {
        self.zoneIndex = zoneIndex
        self.entryS = entryS
        self.nominalEntryS = nominalEntryS
    }

    /// Assesses a state (ENU position and velocity with their 6x6
    /// covariance) against `zones`; nil when no trajectory enters any zone
    /// within `horizonS`.
    public static func assess(
        position p: Vector3, velocity v: Vector3, covariance: Matrix<6, 6>, zones: UnsafeBufferPointer<Zone>,
        horizonS: Double, sigmaK: Double
    ) -> ThreatAssessment? {
        guard p.isFinite && v.isFinite else { return nil }
        var spread = Matrix<6, 6>.zero
        if covariance.isFinite {
            if let chol = try? Cholesky<6>(covariance) {
                spread = chol.lower
            } else {
                for i in 0..<6 { spread[i, i] = Swift.max(0, covariance[i, i]).squareRoot() }
            }
        }
        var best: ThreatAssessment? = nil
        for z in 0..<zones.count {
            // A pointer, not a copy of the 1.1 KB zone.
            let zone = zones.baseAddress.unsafelyUnwrapped + z
            let nominal = zone.pointee.firstEntryS(position: p, velocity: v, horizonS: horizonS)
            var earliest = nominal ?? Double.infinity
            for j in 0..<12 {
                let col = j % 6, sign = j < 6 ? sigmaK : -sigmaK
                let dp = Vector3(spread[0, col], spread[1, col], spread[2, col])
                let dv = Vector3(spread[3, col], spread[4, col], spread[5, col])
                if let t = zone.pointee.firstEntryS(position: p + sign * dp, velocity: v + sign * dv, horizonS: horizonS),
                    t < earliest
                {
                    earliest = t
                }
            }
            if earliest.isFinite && earliest < (best?.entryS ?? Double.infinity) {
                best = ThreatAssessment(zoneIndex: z, entryS: earliest, nominalEntryS: nominal)
            }
        }
        return best
    }
}
