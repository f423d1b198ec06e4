import FusionMath

/// A `GaussianMixture1D` with what its log-density needs of the profile
/// alone worked out once: for a single Gaussian, the log of its weight and
/// its variance (units of the mixture: dB, m/s, m, Hz, squared for the
/// variance). `logDensity` gives the mixture's `logDensity` bit for bit
/// (the same operations on the same operands, in the same order), with one
/// `log` instead of two per single-Gaussian term.
struct PreparedMixture1D: Sendable, BitwiseCopyable {
    let mixture: GaussianMixture1D
    /// True when only the first component has weight (the closed form).
    let isSingle: Bool
    /// ln w_0, and the first component's mean and variance sigma_0^2.
    let logWeight: Double
    let mean: Double
    let variance: Double

    init(_ mixture: GaussianMixture1D) {
        self.mixture = mixture
        isSingle = mixture.weights[1] == 0 && mixture.weights[2] == 0
        logWeight = Math.log(mixture.weights[0])
        mean = mixture.means[0]
        variance = mixture.sigmas[0] * mixture.sigmas[0]
    }

    /// `GaussianMixture1D.logDensity(x, extraVariance:)`.
    func logDensity(_ x: Double, extraVariance: Double) -> Double {
        let e = Swift.max(0, extraVariance)
        if isSingle {
            let v = variance + e
            let d = x - mean
            return logWeight - 0.5 * d * d / v - 0.5 * Math.log(2 * Double.pi * v)
        }
        return Math.log(Swift.max(mixture.density(x, extraVariance: e), 1e-300))
    }
}
