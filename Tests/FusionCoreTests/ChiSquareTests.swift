import FusionCore
import FusionMath
import Simulation
import Testing

@Suite struct ChiSquareTests {
    /// Reference quantiles (SciPy 1.17 `scipy.stats.chi2.ppf`), rows k = 1...6,
    /// columns p = 0.95, 0.99, 0.999, 0.9999.
    static let reference: [[Double]] = [
        [3.841458820694124, 6.6348966010212145, 10.827566170662733, 15.136705226623606],
        [5.991464547107979, 9.21034037197618, 13.815510557964274, 18.420680743952584],
        [7.814727903251179, 11.344866730144373, 16.26623619623813, 21.107513466160444],
        [9.487729036781154, 13.276704135987622, 18.46682695290317, 23.512742444991076],
        [11.070497693516351, 15.08627246938899, 20.515005652432873, 25.74483195905612],
        [12.591587243743977, 16.811893829770927, 22.457744484825323, 27.85634123601417],
    ]

    @Test func gatesAndQuantilesMatchReferenceValues() {
        for k in 1...6 {
            for (c, probability) in GateProbability.allCases.enumerated() {
                let ref = Self.reference[k - 1][c]
                #expect(abs(ChiSquare.gate(degreesOfFreedom: k, probability: probability) - ref) <= 1e-12 * ref)
                let q = ChiSquare.quantile(probability.value, degreesOfFreedom: k)
                #expect(abs(q - ref) <= 1e-9 * ref, "k=\(k) p=\(probability.value): \(q) vs \(ref)")
            }
        }
        // The printed table values of the brief, to their 6 significant digits.
        #expect(abs(ChiSquare.quantile(0.99, degreesOfFreedom: 2) - 9.21034) < 1e-5)
        #expect(abs(ChiSquare.quantile(0.99, degreesOfFreedom: 3) - 11.3449) < 1e-4)
        #expect(abs(ChiSquare.quantile(0.99, degreesOfFreedom: 6) - 16.8119) < 1e-4)
    }

    @Test func quantilesAwayFromTheGatesMatchReferenceValues() {
        // (p, k, SciPy chi2.ppf(p, k))
        let cases: [(Double, Int, Double)] = [
            (0.99, 100, 135.80672317102676), (0.05, 100, 77.92946516501726),
            (0.975, 10, 20.483177350807388), (0.025, 10, 3.2469727802368413),
            (0.5, 1, 0.454936423119572), (0.001, 3, 0.024297585815692732),
            (0.9999, 50, 95.96874847816385), (0.01, 1000, 898.9124469296132),
            (0.99, 1000, 1106.9689943522174), (0.6, 7, 7.283207632840307),
        ]
        for (p, k, ref) in cases {
            let q = ChiSquare.quantile(p, degreesOfFreedom: k)
            #expect(abs(q - ref) <= 1e-9 * ref, "k=\(k) p=\(p): \(q) vs \(ref)")
        }
    }

    @Test func quantileInvertsTheCdfAcrossDegreesOfFreedom() {
        let ps = [1e-10, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.9999, 1 - 1e-10]
        for k in [1, 2, 3, 4, 5, 6, 7, 9, 12, 19, 20, 21, 35, 60, 150, 600, 3000, 20_000] {
            for p in ps {
                let x = ChiSquare.quantile(p, degreesOfFreedom: k)
                #expect(x > 0 && x.isFinite)
                if p <= 0.5 {
                    let back = ChiSquare.cdf(x, degreesOfFreedom: k)
                    #expect(abs(back - p) <= 1e-10 * p, "k=\(k) p=\(p) x=\(x) cdf=\(back)")
                } else {
                    let back = ChiSquare.survival(x, degreesOfFreedom: k)
                    #expect(abs(back - (1 - p)) <= 1e-9 * (1 - p), "k=\(k) p=\(p) x=\(x) survival=\(back)")
                }
                #expect(abs(ChiSquare.cdf(x, degreesOfFreedom: k) + ChiSquare.survival(x, degreesOfFreedom: k) - 1) < 1e-13)
            }
        }
    }

    @Test func evenDegreesOfFreedomMatchTheClosedForm() {
        // P(χ²_2m <= x) = 1 - e^{-x/2} Σ_{i<m} (x/2)^i / i!
        for m in 1...4 {
            for x in [0.1, 1.0, 3.7, 10.0, 25.0] {
                var term = 1.0, sum = 0.0
                for i in 0..<m {
                    if i > 0 { term *= 0.5 * x / Double(i) }
                    sum += term
                }
                let exact = 1 - Math.exp(-0.5 * x) * sum
                #expect(abs(ChiSquare.cdf(x, degreesOfFreedom: 2 * m) - exact) < 1e-14)
            }
        }
    }

    @Test func gateHoldsItsProbabilityForSimulatedInnovations() {
        // NIS of a consistent 3D innovation: a sum of three squared standard normals.
        var g = SeededGenerator(seed: 11)
        let gate = ChiSquare.gate(degreesOfFreedom: 3, probability: .p99)
        let n = 100_000
        var inside = 0
        for _ in 0..<n {
            let a = g.normal(), b = g.normal(), c = g.normal()
            if a * a + b * b + c * c <= gate { inside += 1 }
        }
        // Binomial standard deviation sqrt(0.99 * 0.01 / n) ≈ 3.1e-4; allow 5 sigma.
        #expect(abs(Double(inside) / Double(n) - 0.99) < 1.6e-3)
    }

    @Test func gateBeyondTheTableFallsBackToTheQuantile() {
        #expect(ChiSquare.gate(degreesOfFreedom: 9, probability: .p99) == ChiSquare.quantile(0.99, degreesOfFreedom: 9))
    }
}
