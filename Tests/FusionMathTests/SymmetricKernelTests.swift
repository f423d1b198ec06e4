import FusionMath
import Simulation
import Testing

/// The covariance kernels that compute one triangle and mirror it
/// (`Matrix+Symmetric.swift`) against the general operator forms, and the
/// Cholesky factor's one-logarithm determinant against the sum of logs.
@Suite struct SymmetricKernelTests {
    static func randomMatrix(_ rng: inout SeededGenerator, zeroShare: Double = 0) -> Matrix<6, 6> {
        var m = Matrix<6, 6>.zero
        for i in 0..<6 { for j in 0..<6 where rng.uniform() >= zeroShare { m[i, j] = rng.normal() } }
        return m
    }

    static func randomCovariance(_ rng: inout SeededGenerator) -> Matrix<6, 6> {
        let b = randomMatrix(&rng)
        // Scales as different as a track's: metres^2 to (m/s)^2.
        var s = Matrix<6, 6>.zero
        for i in 0..<6 { s[i, i] = i < 3 ? 100 * (1 + rng.uniform()) : 1 + rng.uniform() }
        return (s * Matrix<6, 6>.timesTransposed(b, b) * s).symmetrized + 1e-3 * .identity
    }

    static func isExactlySymmetric(_ m: Matrix<6, 6>) -> Bool {
        for i in 0..<6 { for j in 0..<i where m[i, j] != m[j, i] { return false } }
        return true
    }

    /// Largest element difference relative to the largest element.
    static func relativeDifference(_ a: Matrix<6, 6>, _ b: Matrix<6, 6>) -> Double {
        var top = 0.0, diff = 0.0
        for i in 0..<6 {
            for j in 0..<6 {
                top = max(top, abs(a[i, j]))
                diff = max(diff, abs(a[i, j] - b[i, j]))
            }
        }
        return diff / max(top, .leastNormalMagnitude)
    }

    @Test func symmetricProductEqualsGeneralProduct() {
        var rng = SeededGenerator(seed: 21)
        for _ in 0..<2_000 {
            let a = Self.randomMatrix(&rng, zeroShare: 0.3)
            let p = Self.randomCovariance(&rng)
            let ap = a * p
            let fast = Matrix<6, 6>.symmetricTimesTransposed(ap, a)
            let general = Matrix<6, 6>.timesTransposed(ap, a)
            #expect(Self.isExactlySymmetric(fast))
            // The lower triangle is the general product's, bit for bit.
            for i in 0..<6 { for j in 0...i { #expect(fast[i, j] == general[i, j]) } }
            #expect(Self.relativeDifference(fast, general.symmetrized) < 1e-13)
        }
    }

    @Test func congruenceEqualsOperatorForm() {
        var rng = SeededGenerator(seed: 22)
        for trial in 0..<2_000 {
            // Half of them shaped like transition matrices (identity plus a
            // few couplings), half dense with random zeros.
            var f = Self.randomMatrix(&rng, zeroShare: trial % 2 == 0 ? 0.8 : 0.2)
            if trial % 2 == 0 { for i in 0..<6 { f[i, i] = 1 } }
            let p = Self.randomCovariance(&rng)
            let q = Self.randomCovariance(&rng)
            let fast = Matrix<6, 6>.congruence(f, p, plus: q)
            let reference = (f * p * f.transposed + q).symmetrized
            #expect(Self.isExactlySymmetric(fast))
            #expect(Self.relativeDifference(fast, reference) < 1e-13)
        }
    }

    @Test func mirrorCopiesTheLowerTriangle() {
        var rng = SeededGenerator(seed: 23)
        var m = Self.randomMatrix(&rng)
        let before = m
        m.mirrorLowerTriangle()
        for i in 0..<6 {
            for j in 0..<6 { #expect(m[i, j] == (j <= i ? before[i, j] : before[j, i])) }
        }
    }

    @Test func logDeterminantMatchesSumOfLogs() throws {
        var rng = SeededGenerator(seed: 24)
        for _ in 0..<1_000 {
            let a = Self.randomCovariance(&rng)
            let c = try Cholesky(a)
            var sum = 0.0
            for i in 0..<6 { sum += 2 * Math.log(c.lower[i, i]) }
            #expect(abs(c.logDeterminant - sum) <= 1e-12 * max(1, abs(sum)))
        }
        // A product of the diagonal that underflows takes the sum of logs.
        let tiny = try Cholesky(1e-120 * Matrix<4, 4>.identity)
        #expect(abs(tiny.logDeterminant - 4 * Math.log(1e-120)) < 1e-9)
        let huge = try Cholesky(1e120 * Matrix<4, 4>.identity)
        #expect(abs(huge.logDeterminant - 4 * Math.log(1e120)) < 1e-9)
    }
}
