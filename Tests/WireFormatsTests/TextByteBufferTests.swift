import Foundation
import Simulation
import Testing
import WireFormats

@Suite("Deterministic text formatting")
struct TextByteBufferTests {
    private func fixed(_ v: Double, _ d: Int) -> String {
        var b = TextByteBuffer(capacity: 64)
        b.appendFixed(v, decimals: d)
        return String(decoding: b.bytes, as: UTF8.self)
    }

    @Test("fixed decimals: rounding, signs, padding, refusal of non-finite")
    func fixedDecimals() {
        #expect(fixed(0, 2) == "0.00")
        #expect(fixed(-0.004, 2) == "0.00")
        #expect(fixed(-0.5, 2) == "-0.50")
        #expect(fixed(1.005e3, 0) == "1005")
        #expect(fixed(2.5, 0) == "3")
        #expect(fixed(-2.5, 0) == "-3")
        #expect(fixed(50.45, 7) == "50.4500000")
        #expect(fixed(0.0000123, 7) == "0.0000123")
        #expect(fixed(.nan, 2) == "" && fixed(.infinity, 2) == "" && fixed(1e19, 2) == "")
        var b = TextByteBuffer(capacity: 8)
        b.appendJSONNumber(.nan, decimals: 3)
        b.appendInteger(Int64.min)
        b.appendInteger(UInt64.max)
        #expect(String(decoding: b.bytes, as: UTF8.self) == "null-922337203685477580818446744073709551615")
    }

    @Test("fixed decimals agree with Double's own parsing to within half a step")
    func fixedAgreesWithParse() {
        var rng = SeededGenerator(seed: 0x7E7_0001)
        for _ in 0..<20_000 {
            let d = Int.random(in: 0...9, using: &rng)
            let v = Double.random(in: -1e6...1e6, using: &rng)
            let s = fixed(v, d)
            guard let back = Double(s) else {
                Issue.record("unparsable \(s)")
                continue
            }
            #expect(abs(back - v) <= 0.5 * pow(10, -Double(d)) * (1 + 1e-9) + 1e-9, "\(v) -> \(s)")
            if d > 0 { #expect(s.split(separator: ".").last?.count == d) }
        }
    }

    @Test("ISO 8601 times agree with Foundation's calendar over 1677...2262")
    func iso8601() {
        var rng = SeededGenerator(seed: 0x7E7_0002)
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        var b = TextByteBuffer(capacity: 64)
        let samples = [Int64.min, Int64.max, 0, -1, 999_999, 1_000_000, 951_782_400_000_000_000]
            + (0..<5000).map { _ in Int64.random(in: .min ... .max, using: &rng) }
        for ns in samples {
            b.clear()
            b.appendISO8601(ns: ns)
            let s = String(decoding: b.bytes, as: UTF8.self)
            let ms = ns / 1_000_000 - (ns % 1_000_000 < 0 ? 1 : 0)
            let secs = ms / 1000 - (ms % 1000 < 0 ? 1 : 0)
            let date = Date(timeIntervalSince1970: TimeInterval(secs))
            let millis = ms - secs * 1000
            let expected = f.string(from: date) + "." + String(format: "%03lld", millis) + "Z"
            #expect(s == expected, "ns \(ns)")
        }
        b.clear()
        b.appendEpochSeconds(ns: -1)
        #expect(String(decoding: b.bytes, as: UTF8.self) == "-0.001")
    }
}
