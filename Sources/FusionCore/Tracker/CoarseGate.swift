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
///
/// A radar plot is then tested in range, where the horizontal bound
/// (isotropic, with both angles' spread at full range and 100 m of slack)
/// is loosest and the plot's noise smallest (benchmark, 1,000 targets: of
/// 1.5 full tests per plot, 0.6 failed; the range test skips 59 % of those,
/// Benchmarks/README.md). The range residual `nu = r - |p - s|` (`p` the
/// track's position carried by constant velocity, `s` the sensor's) is a
/// one-dimensional projection of the innovation, `nu^2 / S_rr <= NIS`, so
/// the same `g` bounds it, with `S_rr = u^T P_pos(dt) u + sigma_r^2`
/// (`u` the unit line of sight, `P(dt) = F P F^T + Q` by constant velocity
/// with the largest process noise of the track's models). The IMM's
/// prediction differs from that by its turn models, whose predicted
/// probability is at most `t` (their own plus the switching into them):
/// in the mean by at most `|v| w dt^2 / 2` (doubled and weighted by `t`:
/// `b`, taken off the residual and, squared, added to the variance for the
/// models' spread), and in the covariance by turning the horizontal
/// velocity's uncertainty (`F_turn - F_cv` maps velocity to position by at
/// most `min(w dt^2 / 2, 2 dt)`): with `sigma` the constant-velocity
/// projection and `delta` that bound times the velocity's standard
/// deviation, the mixture's is at most `sigma^2 + t (2 sigma delta +
/// delta^2)`. That term counts for young tracks (one plot, no velocity yet,
/// seconds to the next plot). `rangeSlackM` is taken off on top. (A
/// cross-range test on the azimuth and a range-rate test on the Doppler
/// were tried: each skipped under 2 % more of the full tests.)
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
    /// A radar plot's sensor position, measured range and its variance;
    /// range NaN for other measurements (no range test).
    public let sensorM: Vector3
    public let rangeM: Double
    public let rangeVarianceM2: Double
    /// Taken off the range residual, metres.
    public static var rangeSlackM: Double { 20 }

    /// Nil when the measurement has no horizontal point (a bearing).
    public init?(_ m: Measurement, eastM: Double, northM: Double, extraM: Double, threshold: Double) {
        guard eastM.isFinite, northM.isFinite else { return nil }
        switch m.kind {
        case .bearing:
            return nil
        case .position:
            measurementVarianceM2 = 2 * m.sigmas[0] * m.sigmas[0]
            (sensorM, rangeM, rangeVarianceM2) = (.zero, .nan, .nan)
        case .radar:
            let r = m.values[0]
            let angles = m.sigmas[1] * m.sigmas[1] + (m.hasElevation ? m.sigmas[2] * m.sigmas[2] : 0)
            measurementVarianceM2 = m.sigmas[0] * m.sigmas[0] + r * r * angles
            sensorM = m.pose.positionENU
            rangeM = r
            rangeVarianceM2 = m.sigmas[0] * m.sigmas[0]
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
        guard de * de + dn * dn <= reach * reach else { return false }
        return !rangeM.isFinite || mayPassInRange(filter, dt: dt, noise: (q, w))
    }

    /// The range test of a radar plot (see the type's notes) for `filter`
    /// carried `dt` seconds; `noise`: the largest horizontal noise density
    /// and turn rate of its models.
    @inline(__always) func mayPassInRange(_ filter: StandardIMM, dt: Double, noise: (q: Double, w: Double)) -> Bool {
        let x = filter.state
        let d = Vector3(x.mean[0] + dt * x.mean[3], x.mean[1] + dt * x.mean[4], x.mean[2] + dt * x.mean[5]) - sensorM
        let r = d.dot(d).squareRoot()
        guard r > 1 else { return true }
        var qv = 0.0, turnWeight = 0.0
        for j in 0..<4 {
            qv = Swift.max(qv, filter.models[j].verticalNoiseDensity)
            // Predicted probability: at most the model's own plus the
            // largest switching into it, `(1 - exp(-dt / tau)) / (K - 1)`.
            if filter.models[j].turnRateMagnitudeRadPerS > 0 {
                turnWeight += filter.probabilities[j] + dt / (3 * filter.meanSojournS[j])
            }
        }
        turnWeight = Swift.min(1, turnWeight)
        let speed = (x.mean[3] * x.mean[3] + x.mean[4] * x.mean[4]).squareRoot()
        let bendM = turnWeight * speed * noise.w * dt * dt
        let residual = abs(rangeM - r) - bendM - Self.rangeSlackM
        guard residual > 0 else { return true }
        let velocitySigma = Swift.max(0, x.covariance[3, 3] + x.covariance[4, 4]).squareRoot()
        let turnDelta = Swift.min(noise.w * dt * dt / 2, 2 * dt) * velocitySigma
        let cv = Self.predictedVariance(x.covariance, position: (1 / r) * d, dt: dt, noise: Vector3(noise.q, noise.q, qv))
        let variance = cv + turnWeight * (2 * cv.squareRoot() * turnDelta + turnDelta * turnDelta) + bendM * bendM
        return residual * residual <= threshold * (variance + rangeVarianceM2)
    }

    /// `h^T (F P F^T + Q) h` for a position gradient `h = [a; 0]`, `F`
    /// constant velocity over `dt` and `Q` white acceleration with density
    /// `q` per axis: `F^T h = [a; dt a]`, then the quadratic form of `P`.
    @inline(__always) static func predictedVariance(
        _ p: StateCovariance, position a: Vector3, dt: Double, noise q: Vector3
    ) -> Double {
        let h: InlineArray<6, Double> = [a.x, a.y, a.z, dt * a.x, dt * a.y, dt * a.z]
        var total = 0.0
        p.withUnsafeElements { e in
            for i in 0..<6 {
                var row = 0.0
                for k in 0..<6 { row += e[i * 6 + k] * h[k] }
                total += h[i] * row
            }
        }
        for i in 0..<3 { total += q[i] * a[i] * a[i] * dt * dt * dt / 3 }
        return Swift.max(0, total)
    }
}
