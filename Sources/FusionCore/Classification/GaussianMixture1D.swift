import FusionMath

/// A one-dimensional likelihood model: a mixture of up to three Gaussians,
/// each a (weight, mean, standard deviation). Used for a target profile's
/// RCS, fluctuation, speed, height, climb and fundamental distributions.
@frozen
public struct GaussianMixture1D: Sendable, BitwiseCopyable {
    public var weights: InlineArray<3, Double>
    public var means: InlineArray<3, Double>
    public var sigmas: InlineArray<3, Double>

    @inlinable public init(_ components: InlineArray<3, (weight: Double, mean: Double, sigma: Double)>) {
        weights = InlineArray(repeating: 0)
        means = InlineArray(repeating: 0)
        sigmas = InlineArray(repeating: 1)
        for i in 0..<3 {
            weights[i] = components[i].weight
            means[i] = components[i].mean
            sigmas[i] = components[i].sigma
        }
    }

    /// One Gaussian.
    @inlinable public init(mean: Double, sigma: Double) {
        self.init([(1, mean, sigma), (0, 0, 1), (0, 0, 1)])
    }

    /// Density at `x` with extra measurement variance `extraVariance`.
    @inlinable public func density(_ x: Double, extraVariance: Double = 0) -> Double {
        var p = 0.0
        for i in 0..<3 where weights[i] > 0 {
            let v = sigmas[i] * sigmas[i] + extraVariance
            let d = x - means[i]
            p += weights[i] * Math.exp(-0.5 * d * d / v) / (2 * Double.pi * v).squareRoot()
        }
        return p
    }

    /// Natural log of `density`, computed without underflow for a single
    /// component, floored at -700 for a mixture (far outside every
    /// component is "very unlikely", not "impossible"; the classifier caps
    /// each term anyway).
    @inlinable public func logDensity(_ x: Double, extraVariance: Double = 0) -> Double {
        let e = Swift.max(0, extraVariance)
        if weights[1] == 0 && weights[2] == 0 {
            let v = sigmas[0] * sigmas[0] + e
            let d = x - means[0]
            return Math.log(weights[0]) - 0.5 * d * d / v - 0.5 * Math.log(2 * Double.pi * v)
        }
        return Math.log(Swift.max(density(x, extraVariance: e), 1e-300))
    }
}
