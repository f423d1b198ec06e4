import FusionMath

/// Gate probabilities for which `ChiSquare.gate` has tabulated thresholds.
public enum GateProbability: Sendable, BitwiseCopyable, CaseIterable {
    case p95, p99, p999, p9999

    public var value: Double {
        switch self {
        case .p95: 0.95
        case .p99: 0.99
        case .p999: 0.999
        case .p9999: 0.9999
        }
    }
}

/// The chi-square distribution with an integer number of degrees of freedom
/// `k`: the law of the normalised innovation squared (NIS) of a consistent
/// k-dimensional measurement, and of the NEES of a consistent state.
///
/// - `gate(degreesOfFreedom:probability:)`: thresholds for k = 1...6 at
///   0.95, 0.99, 0.999, 0.9999, tabulated to full double precision (values
///   from SciPy 1.17 `chi2.ppf`, matching this type's own `quantile`; for
///   k = 2 the closed form -2 ln(1 - p)). Other k fall back to `quantile`.
/// - `cdf` and `survival`: P(k/2, x/2) and Q(k/2, x/2), the regularised
///   incomplete gamma functions, by their power series below a + 1 and
///   Legendre's continued fraction (modified Lentz) above (Press et al.,
///   Numerical Recipes, 3rd ed., §6.2), with ln Γ(k/2) exact for half
///   integers below 10 and by the Stirling series above. Relative error
///   about 1e-14.
/// - `quantile`: the inverse of `cdf`, exact up to rounding: Newton steps on
///   the cdf (or the survival function above the median, so that 0.9999 does
///   not lose digits to 1 - p), safeguarded by bisection, started from the
///   Wilson-Hilferty cube-root approximation (Wilson and Hilferty 1931) with
///   Acklam's normal quantile. Relative error below 1e-10 for
///   1 <= k <= 10^5 and 1e-12 <= p <= 1 - 1e-12 (checked against SciPy in
///   the tests to 1e-9).
///
/// No allocation, no state: usable from the hot path, though the tracker
/// should look up `gate` once per measurement dimension, not call
/// `quantile` per pair.
public enum ChiSquare {
    /// The gate threshold γ with P(χ²_k <= γ) = probability.
    public static func gate(degreesOfFreedom k: Int, probability: GateProbability) -> Double {
        let column: Int
        switch probability {
        case .p95: column = 0
        case .p99: column = 1
        case .p999: column = 2
        case .p9999: column = 3
        }
        switch k {
        case 1: return pick(column, 3.841458820694124, 6.6348966010212145, 10.827566170662733, 15.136705226623606)
        case 2: return pick(column, 5.991464547107979, 9.21034037197618, 13.815510557964274, 18.420680743952584)
        case 3: return pick(column, 7.814727903251179, 11.344866730144373, 16.26623619623813, 21.107513466160444)
        case 4: return pick(column, 9.487729036781154, 13.276704135987622, 18.46682695290317, 23.512742444991076)
        case 5: return pick(column, 11.070497693516351, 15.08627246938899, 20.515005652432873, 25.74483195905612)
        case 6: return pick(column, 12.591587243743977, 16.811893829770927, 22.457744484825323, 27.85634123601417)
        default: return quantile(probability.value, degreesOfFreedom: k)
        }
    }

    /// P(χ²_k <= x).
    public static func cdf(_ x: Double, degreesOfFreedom k: Int) -> Double {
        precondition(k >= 1)
        guard x > 0 else { return 0 }
        let a = 0.5 * Double(k), h = 0.5 * x
        return h < a + 1 ? lowerSeries(a, h, logGammaHalf(k)) : 1 - upperFraction(a, h, logGammaHalf(k))
    }

    /// P(χ²_k > x), accurate in the far tail where 1 - cdf would cancel.
    public static func survival(_ x: Double, degreesOfFreedom k: Int) -> Double {
        precondition(k >= 1)
        guard x > 0 else { return 1 }
        let a = 0.5 * Double(k), h = 0.5 * x
        return h < a + 1 ? 1 - lowerSeries(a, h, logGammaHalf(k)) : upperFraction(a, h, logGammaHalf(k))
    }

    /// The density of χ²_k at x.
    public static func density(_ x: Double, degreesOfFreedom k: Int) -> Double {
        precondition(k >= 1)
        guard x > 0 else { return k == 2 ? 0.5 : (k == 1 ? .infinity : 0) }
        let a = 0.5 * Double(k)
        return 0.5 * Math.exp((a - 1) * Math.log(0.5 * x) - 0.5 * x - logGammaHalf(k))
    }

    /// The x with P(χ²_k <= x) = p, for 0 < p < 1.
    public static func quantile(_ p: Double, degreesOfFreedom k: Int) -> Double {
        precondition(k >= 1 && p > 0 && p < 1, "chi-square quantile needs k >= 1 and 0 < p < 1")
        if k == 2 { return -2 * logOnePlus(-p) }
        let a = 0.5 * Double(k)
        let lg = logGammaHalf(k)
        let upper = p > 0.5
        let target = upper ? 1 - p : p

        // Start: Wilson-Hilferty; where it fails (small k, small p) the
        // small-x expansion P ≈ (x/2)^a / Γ(a+1).
        let s = 2 / (9 * Double(k))
        let t = 1 - s + normalQuantile(p) * s.squareRoot()
        var x = Double(k) * t * t * t
        let small = 2 * Math.exp((Math.log(p) + lg + Math.log(a)) / a)
        if !(x > 0) || (k <= 2 && small < a) { x = small }
        if !(x > 0) || !x.isFinite { x = a }

        var lo = 0.0, hi = Double.infinity
        for _ in 0..<300 {
            let h = 0.5 * x
            let f: Double   // cdf(x) - p, computed from the tail that keeps digits
            if upper {
                let q = h < a + 1 ? 1 - lowerSeries(a, h, lg) : upperFraction(a, h, lg)
                f = target - q
            } else {
                let c = h < a + 1 ? lowerSeries(a, h, lg) : 1 - upperFraction(a, h, lg)
                f = c - target
            }
            if f == 0 { return x }
            if f < 0 { lo = x } else { hi = x }
            let pdf = 0.5 * Math.exp((a - 1) * Math.log(h) - h - lg)
            // Newton, kept inside the bracket and to within a factor 4 of x:
            // far from the root the density can be tiny and the raw step huge.
            var nextX = x - f / pdf
            if !(nextX > lo && nextX < hi) || !nextX.isFinite {
                nextX = hi.isFinite ? (lo > 0 ? (lo * hi).squareRoot() : 0.5 * hi) : 4 * x
            }
            nextX = Swift.min(Swift.max(nextX, 0.25 * x), 4 * x)
            if abs(nextX - x) <= 1e-15 * x { return nextX }
            x = nextX
        }
        return x
    }

    /// ln(1 + x) without losing digits for small x (Goldberg 1991, after
    /// Kahan): the rounding of 1 + x is compensated by x / (u - 1).
    static func logOnePlus(_ x: Double) -> Double {
        let u = 1 + x
        return u == 1 ? x : Math.log(u) * x / (u - 1)
    }

    // MARK: - Incomplete gamma

    /// ln Γ(k/2): exact products for small arguments, Stirling above.
    static func logGammaHalf(_ k: Int) -> Double {
        let a = 0.5 * Double(k)
        if a >= 10 {
            let inv = 1 / a, inv2 = inv * inv
            let series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680))))
            return (a - 0.5) * Math.log(a) - a + 0.5 * Math.log(2 * Double.pi) + series
        }
        var product = k % 2 == 0 ? 1.0 : Double.pi.squareRoot()   // Γ(1) or Γ(1/2)
        var z = k % 2 == 0 ? 1.0 : 0.5
        while z < a {
            product *= z
            z += 1
        }
        return Math.log(product)
    }

    /// P(a, x) by its power series; converges fast for x < a + 1.
    static func lowerSeries(_ a: Double, _ x: Double, _ logGammaA: Double) -> Double {
        var ap = a, term = 1 / a, sum = term
        for _ in 0..<100_000 {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGammaA)
    }

    /// Q(a, x) by its continued fraction (modified Lentz); for x >= a + 1.
    static func upperFraction(_ a: Double, _ x: Double, _ logGammaA: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return Math.exp(-x + a * Math.log(x) - logGammaA) * h
    }

    /// Standard normal quantile, Acklam's rational approximation (relative
    /// error 1.15e-9): only the start of the Newton iteration above.
    static func normalQuantile(_ p: Double) -> Double {
        let pLow = 0.02425
        if p < pLow || p > 1 - pLow {
            let q = (-2 * Math.log(p < pLow ? p : 1 - p)).squareRoot()
            let num = ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00
            let den = (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1
            return p < pLow ? num / den : -num / den
        }
        let q = p - 0.5, r = q * q
        let num = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
            + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
        let den = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
            + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1
        return num / den
    }
}

/// Element `i` of four table values (a tuple cannot be subscripted).
@inline(__always) private func pick(_ i: Int, _ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
    switch i {
    case 0: a
    case 1: b
    case 2: c
    default: d
    }
}
