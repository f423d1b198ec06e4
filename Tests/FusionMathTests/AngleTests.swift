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

    @Test func differenceAcrossNorthIsSmall() {
        let a = Angle(degrees: 359), b = Angle(degrees: 1)
        #expect(abs((a - b).degrees - -2) < 1e-9)
        #expect(abs((b - a).degrees - 2) < 1e-9)
    }
}
