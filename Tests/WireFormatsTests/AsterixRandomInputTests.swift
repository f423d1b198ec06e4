import Simulation
import Testing
import WireFormats

/// A cheap in-process fuzz (the libFuzzer targets in Tools/fuzz go further):
/// random and mutated datagrams never trap and are always accounted for.
@Suite struct AsterixRandomInputTests {
    @Test func randomDatagramsAreDecodedOrRejected() {
        var g = SeededGenerator(seed: 0xA57E)
        let categories: [UInt8] = [48, 34, 21, 62, 1]
        var delivered = 0, rejected: UInt64 = 0
        for _ in 0..<20_000 {
            var d: [UInt8] = []
            for _ in 0..<(1 + Int(g.next() % 3)) {
                let bodyLength = Int(g.next() % 60)
                let category = categories[Int(g.next() % UInt64(categories.count))]
                // Mostly honest LEN, sometimes a lie.
                let length = g.next() % 8 == 0 ? Int(g.next() % 100) : bodyLength + 3
                d += [category, UInt8(length >> 8), UInt8(length & 0xFF)]
                for _ in 0..<bodyLength { d.append(UInt8(truncatingIfNeeded: g.next())) }
            }
            let (sink, decoder) = decode(d)
            #expect(sink.order.count + Int(decoder.rejections.total) > 0)
            delivered += sink.order.count
            rejected += decoder.rejections.total
        }
        // Random bytes must exercise both outcomes, or this test tests nothing.
        #expect(delivered > 100 && rejected > 1_000)
    }

    @Test func mutatedValidDatagramsAreDecodedOrRejected() {
        var g = SeededGenerator(seed: 17)
        let valid = block(48, Vectors.cat048Record + Vectors.cat048Record) + block(34, Vectors.cat034Record)
            + block(21, Vectors.cat021Record)
        for _ in 0..<20_000 {
            var d = valid
            for _ in 0..<(1 + Int(g.next() % 4)) {
                d[Int(g.next() % UInt64(d.count))] = UInt8(truncatingIfNeeded: g.next())
            }
            if g.next() % 4 == 0 { d.removeLast(Int(g.next() % UInt64(d.count))) }
            let (sink, decoder) = decode(d)
            #expect(sink.order.count + Int(decoder.rejections.total) > 0)
        }
    }
}
