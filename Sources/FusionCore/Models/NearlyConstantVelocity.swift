import FusionMath

/// Nearly-constant velocity: the target coasts in a straight line and a
/// continuous-time white-noise acceleration (spectral density `q`, m^2/s^3,
/// separately for the horizontal axes and the vertical) explains everything
/// else.
///
///     F(dt) = [[I, dt I], [0, I]]
///     Q(dt) per axis = q [[dt^3/3, dt^2/2], [dt^2/2, dt]]
///
/// Tuning: over one scan of `T` seconds the velocity random walk has
/// standard deviation `sqrt(q T)`; a rule of thumb (Bar-Shalom 6.2.2) is
/// `q` between `0.5 a^2 T` and `a^2 T` for a peak acceleration `a`.
/// `droneDefault` takes `q = 1` horizontally (about 1 m/s^2 of wander in
/// a 1 s scan: gusts, small heading and speed changes) and 0.5 vertically.
@frozen
public struct NearlyConstantVelocity: MotionModel, BitwiseCopyable {
    /// Horizontal (east and north) acceleration spectral density, m^2/s^3.
    public var horizontalNoiseDensity: Double
    /// Vertical acceleration spectral density, m^2/s^3.
    public var verticalNoiseDensity: Double

    @inlinable public init(horizontalNoiseDensity: Double, verticalNoiseDensity: Double) {
        self.horizontalNoiseDensity = horizontalNoiseDensity
        self.verticalNoiseDensity = verticalNoiseDensity
    }

    /// A quiet model for small drones cruising between manoeuvres.
    public static var droneDefault: NearlyConstantVelocity {
        NearlyConstantVelocity(horizontalNoiseDensity: 1, verticalNoiseDensity: 0.5)
    }

    @inlinable public func propagate(_ mean: StateVector, dt: Double) -> StateVector {
        var x = mean
        for i in 0..<3 { x[i] += dt * mean[i + 3] }
        return x
    }

    @inlinable public func transition(at mean: StateVector, dt: Double) -> StateCovariance {
        var f = StateCovariance.identity
        for i in 0..<3 { f[i, i + 3] = dt }
        return f
    }

    /// The general prediction's arithmetic without forming `F`: with
    /// `F = I + dt E` (`E` moves velocity `i + 3` onto position `i`),
    /// `F P` adds `dt P[i + 3][k]` to the position rows and `(F P) F^T`
    /// adds `dt (F P)[i][j + 3]` to the position columns, in the order and
    /// with the operands `Matrix.congruence` uses, so the result is the
    /// same bit for bit (`KalmanKernelTests`), in a quarter of the time.
    @inlinable public func predict(_ state: inout GaussianState, to timeNs: Int64) {
        guard timeNs > state.timeNs else { return }
        let dt = secondsBetween(state.timeNs, timeNs)
        let q = processNoise(dt: dt)
        var fp = state.covariance
        fp.withUnsafeMutableElements { a in
            for i in 0..<3 { for k in 0..<6 { a[i * 6 + k] = a[i * 6 + k] + dt * a[(i + 3) * 6 + k] } }
        }
        var p = q
        fp.withUnsafeElements { a in
            p.withUnsafeMutableElements { r in
                for i in 0..<6 {
                    for j in 0...i {
                        var s = a[i * 6 + j]
                        if j < 3 { s += a[i * 6 + j + 3] * dt }
                        let v = s + r[i * 6 + j]
                        r[i * 6 + j] = v
                        r[j * 6 + i] = v
                    }
                }
            }
        }
        state.covariance = p
        state.mean = propagate(state.mean, dt: dt)
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
