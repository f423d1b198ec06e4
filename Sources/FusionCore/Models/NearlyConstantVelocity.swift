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

    @inlinable public func processNoise(dt: Double) -> StateCovariance {
        var q = StateCovariance.zero
        addWhiteAccelerationNoise(&q, axis: 0, q: horizontalNoiseDensity, dt: dt)
        addWhiteAccelerationNoise(&q, axis: 1, q: horizontalNoiseDensity, dt: dt)
        addWhiteAccelerationNoise(&q, axis: 2, q: verticalNoiseDensity, dt: dt)
        return q
    }
}
