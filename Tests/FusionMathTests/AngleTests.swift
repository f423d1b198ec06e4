import FusionMath
import Simulation
import Testing

@Suite struct AngleTests {
    @Test func wrapsIntoTheirRanges() {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<10_000 {
            let x = rng.uniform(-100, 100)
            let s = Angle.wrapSigned(x), p = Angle.wrapPositive(x)
            #expect(s > -Double.pi && s <= Double.pi)
            #expect(p >= 0 && p < 2 * Double.pi)
            // Same direction: sine and cosine unchanged.
            #expect(abs(Math.sin(s) - Math.sin(x)) < 1e-9 && abs(Math.cos(p) - Math.cos(x)) < 1e-9)
        }
        #expect(Angle.wrapSigned(-Double.pi) == Double.pi)
    }

    /// The wrap with its in-range shortcut equals the plain `remainder`
    /// wrap bit for bit: inside (-pi, pi] (where it returns `x`), at the
    /// edges and their neighbours, and far outside.
    @Test func signedWrapEqualsRemainderForm() {
        func reference(_ x: Double) -> Double {
            guard x.isFinite else { return x }
            var r = x.remainder(dividingBy: 2 * Double.pi)
            if r <= -Double.pi { r += 2 * Double.pi }
            return r
        }
        var rng = SeededGenerator(seed: 4)
        var xs: [Double] = [
            0, -0.0, Double.pi, -Double.pi, Double.pi.nextUp, Double.pi.nextDown, (-Double.pi).nextUp,
            (-Double.pi).nextDown, 2 * Double.pi, -2 * Double.pi, 3 * Double.pi, -3 * Double.pi,
            .leastNonzeroMagnitude, 1e300, -1e300,
        ]
        for _ in 0..<20_000 { xs.append(rng.uniform(-Double.pi, Double.pi)) }
        for _ in 0..<20_000 { xs.append(rng.uniform(-100, 100)) }
        var mismatches = 0
        for x in xs where Angle.wrapSigned(x).bitPattern != reference(x).bitPattern { mismatches += 1 }
        #expect(mismatches == 0)
    }

    @Test func differenceAcrossNorthIsSmall() {
        let a = Angle(degrees: 359), b = Angle(degrees: 1)
        #expect(abs((a - b).degrees - -2) < 1e-9)
        #expect(abs((b - a).degrees - 2) < 1e-9)
    }
}
