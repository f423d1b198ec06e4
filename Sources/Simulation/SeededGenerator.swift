import FusionMath

/// xoshiro256** (Blackman and Vigna, 2018), seeded through SplitMix64.
///
/// Every random draw in scenarios, sensor models and tests comes from one of
/// these, so a seed reproduces a run bit for bit on any machine.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    public init(seed: UInt64) {
        var sm = seed
        func splitMix(_ x: inout UInt64) -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(&sm)
        s1 = splitMix(&sm)
        s2 = splitMix(&sm)
        s3 = splitMix(&sm)
    }

    @inlinable public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform in [0, 1), 53 bits.
    @inlinable public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [lower, upper).
    @inlinable public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * uniform()
    }

    /// Standard normal by the Box-Muller transform.
    @inlinable public mutating func normal() -> Double {
        var u = uniform()
        while u <= 0 { u = uniform() }
        let v = uniform()
        return (-2 * Math.log(u)).squareRoot() * Math.cos(2 * Double.pi * v)
    }

    /// Normal with the given mean and standard deviation.
    @inlinable public mutating func normal(mean: Double, sigma: Double) -> Double {
        mean + sigma * normal()
    }

    /// Poisson-distributed count with mean `lambda` (Knuth for small means,
    /// a rounded normal approximation above 30).
    @inlinable public mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda > 30 { return max(0, Int((normal(mean: lambda, sigma: lambda.squareRoot())).rounded())) }
        let l = Math.exp(-lambda)
        var k = 0
        var p = 1.0
        repeat {
            k += 1
            p *= uniform()
        } while p > l
        return k - 1
    }
}
