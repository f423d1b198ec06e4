import Simulation
import Testing

@Suite struct SeededGeneratorTests {
    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        var c = SeededGenerator(seed: 43)
        var differs = false
        for _ in 0..<100 {
            let x = a.next()
            #expect(x == b.next())
            if x != c.next() { differs = true }
        }
        #expect(differs)
    }

    @Test func normalHasUnitMomentsAndPoissonItsMean() {
        var g = SeededGenerator(seed: 7)
        let n = 200_000
        var sum = 0.0, sumSq = 0.0, poissonSum = 0
        for _ in 0..<n {
            let x = g.normal()
            sum += x
            sumSq += x * x
            poissonSum += g.poisson(3.5)
        }
        let mean = sum / Double(n), variance = sumSq / Double(n) - mean * mean
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.015)
        #expect(abs(Double(poissonSum) / Double(n) - 3.5) < 0.02)
    }
}
