import FusionMath
import Simulation
import Testing

@Suite struct GOSPATests {
    func expectAddsUp(_ r: GOSPAResult) {
        #expect(abs(r.localisationSquared + r.missedSquared + r.falseSquared - r.totalSquared) <= 1e-9 * max(1, r.totalSquared))
        #expect(abs(r.total * r.total - r.totalSquared) <= 1e-9 * max(1, r.totalSquared))
    }

    @Test func identicalSetsAreAtZero() {
        var gospa = GOSPA(cutoffM: 50, maxTruths: 5, maxEstimates: 5)
        let x = [Vector3(0, 0, 0), Vector3(100, 20, 5), Vector3(-40, 3, 300)]
        let r = gospa.evaluate(truths: x, estimates: x)
        #expect(r.total == 0)
        #expect(r.assignedCount == 3 && r.missedCount == 0 && r.falseCount == 0)
        #expect(gospa.evaluate(truths: [], estimates: []).total == 0)
    }

    @Test func missesAndFalseTargetsCostHalfTheCutoffSquaredEach() {
        let c = 20.0
        var gospa = GOSPA(cutoffM: c, maxTruths: 4, maxEstimates: 4)
        let two = [Vector3(0, 0, 0), Vector3(500, 0, 0)]
        let missed = gospa.evaluate(truths: two, estimates: [])
        #expect(missed.totalSquared == 2 * c * c / 2 && missed.missedCount == 2 && missed.missedSquared == c * c)
        let falses = gospa.evaluate(truths: [], estimates: two)
        #expect(falses.totalSquared == c * c && falses.falseCount == 2 && falses.falseSquared == c * c)
        // A pair beyond the cut-off is one miss plus one false: c² in all.
        let far = gospa.evaluate(truths: [Vector3(0, 0, 0)], estimates: [Vector3(0, 30, 0)])
        #expect(far.totalSquared == c * c && far.missedCount == 1 && far.falseCount == 1 && far.assignedCount == 0)
        // Within the cut-off the pair is assigned at its distance.
        let near = gospa.evaluate(truths: [Vector3(0, 0, 0)], estimates: [Vector3(0, 12, 0)])
        #expect(near.total == 12 && near.assignedCount == 1)
    }

    @Test func aMixComputedByHand() {
        // c = 10. Truths A(0,0,0), B(6,0,0), C(100,0,0); estimates a(3,0,0),
        // b(9,0,0), d(300,0,0). Best: A-a (9) + B-b (9); C missed, d false.
        // GOSPA² = 18 + 50 + 50 = 118. (Pairing B-a and A-b would cost 9 + 81.)
        var gospa = GOSPA(cutoffM: 10, maxTruths: 3, maxEstimates: 3)
        let r = gospa.evaluate(
            truths: [Vector3(0, 0, 0), Vector3(6, 0, 0), Vector3(100, 0, 0)],
            estimates: [Vector3(9, 0, 0), Vector3(3, 0, 0), Vector3(300, 0, 0)])
        #expect(abs(r.localisationSquared - 18) < 1e-12)
        #expect(r.missedSquared == 50 && r.falseSquared == 50)
        #expect(abs(r.total - 118.0.squareRoot()) < 1e-12)
        expectAddsUp(r)
    }

    @Test func horizontalDistanceIgnoresHeight() {
        var horizontal = GOSPA(cutoffM: 100, distance: .horizontal, maxTruths: 1, maxEstimates: 1)
        var full = GOSPA(cutoffM: 100, distance: .threeD, maxTruths: 1, maxEstimates: 1)
        let t = [Vector3(0, 0, 0)], e = [Vector3(3, 4, 60)]
        #expect(abs(horizontal.evaluate(truths: t, estimates: e).total - 5) < 1e-12)
        #expect(abs(full.evaluate(truths: t, estimates: e).total - (25.0 + 3600).squareRoot()) < 1e-12)
    }

    /// The paper's own definition for |X| <= |Y|: the best injection of X into
    /// Y with distances cut at c, plus c²/2 per unmatched element of Y.
    func reference(_ x: [Vector3], _ y: [Vector3], c: Double) -> Double {
        if x.count > y.count { return reference(y, x, c: c) }
        var used = [Bool](repeating: false, count: y.count)
        func best(_ i: Int) -> Double {
            if i == x.count { return 0 }
            var b = Double.infinity
            for j in 0..<y.count where !used[j] {
                used[j] = true
                b = min(b, min((x[i] - y[j]).squaredNorm, c * c) + best(i + 1))
                used[j] = false
            }
            return b
        }
        return (best(0) + c * c / 2 * Double(y.count - x.count)).squareRoot()
    }

    @Test func randomSetsMatchTheDefinitionAndFormAMetric() {
        var g = SeededGenerator(seed: 17)
        let c = 40.0
        var gospa = GOSPA(cutoffM: c, maxTruths: 6, maxEstimates: 6)
        func randomSet() -> [Vector3] {
            (0..<Int(g.next() % 6)).map { _ in Vector3(g.uniform(0, 150), g.uniform(0, 150), g.uniform(0, 30)) }
        }
        for _ in 0..<300 {
            let x = randomSet(), y = randomSet(), z = randomSet()
            let xy = gospa.evaluate(truths: x, estimates: y)
            expectAddsUp(xy)
            #expect(xy.assignedCount + xy.missedCount == x.count && xy.assignedCount + xy.falseCount == y.count)
            #expect(abs(xy.total - reference(x, y, c: c)) <= 1e-9 * max(1, xy.total))
            let yx = gospa.evaluate(truths: y, estimates: x)
            #expect(abs(xy.total - yx.total) <= 1e-9 * max(1, xy.total))
            #expect(xy.missedCount == yx.falseCount && xy.falseCount == yx.missedCount)
            let xz = gospa.evaluate(truths: x, estimates: z).total
            let yz = gospa.evaluate(truths: y, estimates: z).total
            #expect(xz <= xy.total + yz + 1e-9)
        }
    }
}
