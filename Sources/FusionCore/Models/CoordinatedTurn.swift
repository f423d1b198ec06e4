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

    @inlinable public func transition(at mean: StateVector, dt: Double) -> StateCovariance {
        let wt = turnRateRadPerS * dt
        let s = Math.sin(wt), c = Math.cos(wt)
        // sin(wT)/w and (1 - cos(wT))/w, by their series when wT is tiny so
        // that omega = 0 is exact constant velocity rather than 0/0.
        let sOverW: Double
        let cOverW: Double
        if abs(wt) < 1e-6 {
            sOverW = dt * (1 - wt * wt / 6)
            cOverW = dt * wt / 2
        } else {
            sOverW = s / turnRateRadPerS
            cOverW = (1 - c) / turnRateRadPerS
        }
        var f = StateCovariance.identity
        f[0, 3] = sOverW
        f[0, 4] = -cOverW
        f[1, 3] = cOverW
        f[1, 4] = sOverW
        f[2, 5] = dt
        f[3, 3] = c
        f[3, 4] = -s
        f[4, 3] = s
        f[4, 4] = c
        return f
    }

    @inlinable public func processNoise(dt: Double) -> StateCovariance {
        var q = StateCovariance.zero
        addWhiteAccelerationNoise(&q, axis: 0, q: horizontalNoiseDensity, dt: dt)
        addWhiteAccelerationNoise(&q, axis: 1, q: horizontalNoiseDensity, dt: dt)
        addWhiteAccelerationNoise(&q, axis: 2, q: verticalNoiseDensity, dt: dt)
        return q
    }
}
