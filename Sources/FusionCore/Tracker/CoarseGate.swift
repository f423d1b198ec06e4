import FusionMath

/// A necessary condition for a measurement to pass a track's chi-square
/// gate, tested in a few flops on horizontal distance before the full
/// test (an IMM prediction and an EKF innovation, ~5 us) is paid for.
///
/// The full gate accepts when `NIS = nu^T S^-1 nu <= g`. Projecting the
/// innovation onto the horizontal position can only lower it, and
/// `d^T S_h^-1 d >= |d|^2 / trace(S_h)`, so a pair whose horizontal distance
/// `|d|` (measured point to the track's position) satisfies
///
///     |d| > sqrt(g * (trace P_h(dt) + trace R_h)) + slack
///
/// cannot pass. `P_h(dt)` is the horizontal position covariance carried
/// forward by constant velocity with the largest process noise of the
/// track's models (an upper bound of the IMM's); `R_h` bounds the
/// measurement's horizontal spread (range and both angles at full range);
/// `slack` covers what the linear bound does not: the turn models' bend
/// over `dt` (`|v| w dt^2`, doubled), a 2D radar's ground-range ambiguity
/// and 100 m for linearisation. Tracking frame ENU, metres, seconds.
public struct CoarseGate: Sendable {
    /// The measurement's horizontal point, metres.
    public let eastM: Double
    public let northM: Double
    /// Bound of the measurement's horizontal variance, both axes summed, m^2.
    public let measurementVarianceM2: Double
    /// Added to the distance bound, metres.
    public let slackM: Double
    /// The chi-square threshold `g` of the full gate.
    public let threshold: Double

    /// Nil when the measurement has no horizontal point (a bearing).
    public init?(_ m: Measurement, eastM: Double, northM: Double, extraM: Double, threshold: Double) {
        guard eastM.isFinite, northM.isFinite else { return nil }
        switch m.kind {
        case .bearing:
            return nil
        case .position:
            measurementVarianceM2 = 2 * m.sigmas[0] * m.sigmas[0]
        case .radar:
            let r = m.values[0]
            let angles = m.sigmas[1] * m.sigmas[1] + (m.hasElevation ? m.sigmas[2] * m.sigmas[2] : 0)
            measurementVarianceM2 = m.sigmas[0] * m.sigmas[0] + r * r * angles
        }
        self.eastM = eastM
        self.northM = northM
        slackM = extraM + 100
        self.threshold = threshold
    }

    /// False only when `filter`'s estimate cannot pass the full gate for a
    /// measurement at `timeNs`.
    /// Always inlined: the filter lives in the track table, and a call
    /// made the caller copy the 1.9 KB filter for it.
    @inline(__always) public func mayPass(_ filter: StandardIMM, atNs timeNs: Int64) -> Bool {
        let x = filter.state
        let dt = Swift.max(0, secondsBetween(x.timeNs, timeNs))
        var q = 0.0, w = 0.0
        for j in 0..<4 {
            q = Swift.max(q, filter.models[j].horizontalNoiseDensity)
            w = Swift.max(w, filter.models[j].turnRateMagnitudeRadPerS)
        }
        let p = x.covariance
        let trackVariance =
            p[0, 0] + p[1, 1] + 2 * dt * (p[0, 3] + p[1, 4]) + dt * dt * (p[3, 3] + p[4, 4])
            + 2 * q * dt * dt * dt / 3
        let de = eastM - (x.mean[0] + dt * x.mean[3])
        let dn = northM - (x.mean[1] + dt * x.mean[4])
        let speed = (x.mean[3] * x.mean[3] + x.mean[4] * x.mean[4]).squareRoot()
        let reach = (threshold * (trackVariance + measurementVarianceM2)).squareRoot() + slackM + 2 * speed * w * dt * dt
        return de * de + dn * dn <= reach * reach
    }
}
