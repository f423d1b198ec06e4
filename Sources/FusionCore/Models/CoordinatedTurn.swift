import FusionMath

/// A horizontal coordinated turn at a known, fixed turn rate `omega` (rad/s,
/// positive counter-clockwise seen from above, that is a left turn), with
/// the vertical channel nearly-constant velocity. The horizontal velocity
/// vector rotates at `omega` while its magnitude is kept:
///
///     e'  = e + sin(wT)/w ve - (1 - cos(wT))/w vn
///     n'  = n + (1 - cos(wT))/w ve + sin(wT)/w vn
///     ve' = cos(wT) ve - sin(wT) vn
///     vn' = sin(wT) ve + cos(wT) vn
///
/// (Bar-Shalom, Li and Kirubarajan 2001, 11.7.1). With `omega` known the
/// model is linear in the state, so `F` is exact. Process noise is the same
/// white-noise acceleration as `NearlyConstantVelocity`; it absorbs the
/// difference between the modelled and the true turn rate. `omega = 0` is
/// exactly the constant-velocity model (the small-angle series is used).
@frozen
public struct CoordinatedTurn: MotionModel, BitwiseCopyable {
    /// Turn rate, rad/s; positive turns left (counter-clockwise from above).
    public var turnRateRadPerS: Double
    /// Horizontal acceleration spectral density, m^2/s^3.
    public var horizontalNoiseDensity: Double
    /// Vertical acceleration spectral density, m^2/s^3.
    public var verticalNoiseDensity: Double

    @inlinable public init(turnRateRadPerS: Double, horizontalNoiseDensity: Double, verticalNoiseDensity: Double) {
        self.turnRateRadPerS = turnRateRadPerS
        self.horizontalNoiseDensity = horizontalNoiseDensity
        self.verticalNoiseDensity = verticalNoiseDensity
    }

    @inlinable public func propagate(_ mean: StateVector, dt: Double) -> StateVector {
        transition(at: mean, dt: dt) * mean
    }

    /// `sin(wT)`, `cos(wT)`, `sin(wT)/w` and `(1 - cos(wT))/w`, the last two
    /// by their series when `wT` is tiny so that omega = 0 is exact
    /// constant velocity rather than 0/0.
    @inlinable func turnTerms(dt: Double) -> (s: Double, c: Double, sOverW: Double, cOverW: Double) {
        let wt = turnRateRadPerS * dt
        let s = Math.sin(wt), c = Math.cos(wt)
        if abs(wt) < 1e-6 { return (s, c, dt * (1 - wt * wt / 6), dt * wt / 2) }
        return (s, c, s / turnRateRadPerS, (1 - c) / turnRateRadPerS)
    }

    @inlinable public func transition(at mean: StateVector, dt: Double) -> StateCovariance {
        let t = turnTerms(dt: dt)
        var f = StateCovariance.identity
        f[0, 3] = t.sOverW
        f[0, 4] = -t.cOverW
        f[1, 3] = t.cOverW
        f[1, 4] = t.sOverW
        f[2, 5] = dt
        f[3, 3] = t.c
        f[3, 4] = -t.s
        f[4, 3] = t.s
        f[4, 4] = t.c
        return f
    }

    /// The general prediction's arithmetic written out for this `F` (no
    /// matrix formed, no zero tests, the turn's sine and cosine once): row
    /// by row `F P`, then the lower triangle of `(F P) F^T + Q`, mirrored,
    /// each sum with the operands and in the order `Matrix.*` and
    /// `Matrix.congruence` use, less their exact zeros and multiplications
    /// by one; the mean likewise from `F x`. So the result is the general
    /// form's bit for bit (`KalmanKernelTests`).
    @inlinable public func predict(_ state: inout GaussianState, to timeNs: Int64) {
        guard timeNs > state.timeNs else { return }
        let dt = secondsBetween(state.timeNs, timeNs)
        let t = turnTerms(dt: dt)
        let sw = t.sOverW, cw = t.cOverW, minusCw = -t.cOverW, s = t.s, minusS = -t.s, c = t.c
        var fp = StateCovariance.zero
        state.covariance.withUnsafeElements { p in
            fp.withUnsafeMutableElements { a in
                for k in 0..<6 {
                    let p0 = p[k], p1 = p[6 + k], p2 = p[12 + k], p3 = p[18 + k], p4 = p[24 + k], p5 = p[30 + k]
                    a[k] = p0 + sw * p3 + minusCw * p4
                    a[6 + k] = p1 + cw * p3 + sw * p4
                    a[12 + k] = p2 + dt * p5
                    a[18 + k] = c * p3 + minusS * p4
                    a[24 + k] = s * p3 + c * p4
                    a[30 + k] = p5
                }
            }
        }
        var p = processNoise(dt: dt)
        fp.withUnsafeElements { a in
            p.withUnsafeMutableElements { r in
                for i in 0..<6 {
                    let a0 = a[i * 6], a1 = a[i * 6 + 1], a2 = a[i * 6 + 2]
                    let a3 = a[i * 6 + 3], a4 = a[i * 6 + 4], a5 = a[i * 6 + 5]
                    for j in 0...i {
                        let f: Double
                        switch j {
                        case 0: f = a0 + a3 * sw + a4 * minusCw
                        case 1: f = a1 + a3 * cw + a4 * sw
                        case 2: f = a2 + a5 * dt
                        case 3: f = a3 * c + a4 * minusS
                        case 4: f = a3 * s + a4 * c
                        default: f = a5
                        }
                        let v = f + r[i * 6 + j]
                        r[i * 6 + j] = v
                        r[j * 6 + i] = v
                    }
                }
            }
        }
        state.covariance = p
        let x = state.mean
        state.mean = StateVector([
            x[0] + sw * x[3] + minusCw * x[4], x[1] + cw * x[3] + sw * x[4], x[2] + dt * x[5],
            c * x[3] + minusS * x[4], s * x[3] + c * x[4], x[5],
        ])
        state.timeNs = timeNs
    }

    @inlinable public func processNoise(dt: Double) -> StateCovariance {
        var q = StateCovariance.zero
        addWhiteAccelerationNoise(&q, axis: 0, q: horizontalNoiseDensity, dt: dt)
        addWhiteAccelerationNoise(&q, axis: 1, q: horizontalNoiseDensity, dt: dt)
        addWhiteAccelerationNoise(&q, axis: 2, q: verticalNoiseDensity, dt: dt)
        return q
    }
}
