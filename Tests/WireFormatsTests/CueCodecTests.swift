import FusionCore
import Simulation
import Testing
import WireFormats

private func decodeOutcome(_ bytes: [UInt8], _ key: AuthKey) -> Result<CueMessage, CueRejection> {
    do throws(CueRejection) {
        return .success(try CueCodec.decode(bytes, key: key))
    } catch {
        return .failure(error)
    }
}

private func parseRejection(_ bytes: [UInt8]) -> CueRejection? {
    let r: Result<CueMessage, CueRejection> = bytes.withUnsafeBytes { raw in
        do throws(CueRejection) {
            return .success(try CueCodec.parseUnauthenticated(raw))
        } catch {
            return .failure(error)
        }
    }
    if case .failure(let e) = r { return e }
    return nil
}

@Suite("Binary cue (SKCU)")
struct CueCodecTests {
    @Test("decode(encode(x)) == x over thousands of generated cues")
    func roundTrip() throws {
        var rng = SeededGenerator(seed: 0xC0E_0001)
        for _ in 0..<5000 {
            let key = WireTestKit.key(&rng)
            let cue = WireTestKit.cue(&rng)
            let bytes = try CueCodec.encode(cue, key: key)
            #expect(bytes.count == 148)
            let back = try CueCodec.decode(bytes, key: key)
            #expect(back == cue)
        }
    }

    @Test("off-grid values round to the nearest step")
    func quantisation() throws {
        var rng = SeededGenerator(seed: 0xC0E_0002)
        let key = WireTestKit.key(&rng)
        for _ in 0..<1000 {
            var cue = WireTestKit.cue(&rng)
            cue.latitudeDeg = Double.random(in: -90...90, using: &rng)
            cue.altitudeM = Double.random(in: -500...20_000, using: &rng)
            cue.pUncrewed = Double.random(in: 0...1, using: &rng)
            let back = try CueCodec.decode(try CueCodec.encode(cue, key: key), key: key)
            #expect(abs(back.latitudeDeg - cue.latitudeDeg) <= 0.5e-7 + 1e-15)
            #expect(abs(back.altitudeM - cue.altitudeM) <= 0.5e-3 + 1e-9)
            #expect(abs(back.pUncrewed - cue.pUncrewed) <= 0.5e-4 + 1e-12)
        }
    }

    @Test("layout: magic, version, kind, class and fields at the offsets of Hardware/ICD.md")
    func layout() throws {
        var rng = SeededGenerator(seed: 0xC0E_0003)
        var cue = WireTestKit.cue(&rng)
        cue.kind = .update
        cue.targetClass = .uncrewed
        cue.nodeId = 7
        cue.sequence = 3
        cue.trackId = 17
        cue.zoneName = ShortName("CITY")!
        cue.pUncrewed = 0.997
        cue.latitudeDeg = 50.45
        cue.intercept = nil
        cue.zoneEntryTimeNs = 1_794_787_320_000_000_000
        let b = try CueCodec.encode(cue, key: WireTestKit.key(&rng))
        func be(_ o: Int, _ n: Int) -> UInt64 { b[o..<(o + n)].reduce(0) { $0 << 8 | UInt64($1) } }
        #expect(Array(b[0..<4]) == Array("SKCU".utf8))
        #expect(b[4] == 1 && b[5] == 2 && b[6] == 1 && b[7] == 0b10)
        #expect(be(8, 4) == 7 && be(12, 4) == 3 && be(24, 4) == 17)
        #expect(Array(b[32..<40]) == Array("CITY".utf8) + [0, 0, 0, 0])
        #expect(be(48, 2) == 9970 && be(50, 2) == 0 && be(52, 4) == 504_500_000)
        #expect(be(88, 20) == 0 && be(108, 8) == 1_794_787_320_000_000_000)
    }

    @Test("a wrong key, a flipped bit anywhere, or a wrong length is rejected")
    func authentication() throws {
        var rng = SeededGenerator(seed: 0xC0E_0004)
        let key = WireTestKit.key(&rng)
        let bytes = try CueCodec.encode(WireTestKit.cue(&rng), key: key)
        #expect(decodeOutcome(bytes, WireTestKit.key(&rng)) == .failure(.badTag))
        for i in 0..<bytes.count {
            var m = bytes
            m[i] ^= UInt8(1) << UInt8(i % 8)
            #expect(decodeOutcome(m, key) == .failure(.badTag))
        }
        for len in [0, 1, 116, 147, 149, 300] {
            var m = bytes
            if len <= m.count { m = Array(m[0..<len]) } else { m += [UInt8](repeating: 0, count: len - m.count) }
            #expect(decodeOutcome(m, key) == .failure(.badLength))
        }
    }

    @Test("malformed fields are rejected by reason even before the tag")
    func malformed() throws {
        var rng = SeededGenerator(seed: 0xC0E_0005)
        var cue = WireTestKit.cue(&rng)
        cue.intercept = nil
        cue.zoneEntryTimeNs = nil
        let good = try CueCodec.encode(cue, key: WireTestKit.key(&rng))
        #expect(parseRejection(good) == nil)
        func with(_ edit: (inout [UInt8]) -> Void) -> CueRejection? {
            var b = good
            edit(&b)
            return parseRejection(b)
        }
        #expect(with { $0[0] = 0x58 } == .badMagic)
        #expect(with { $0[4] = 2 } == .badVersion)
        #expect(with { $0[5] = 0 } == .badKind)
        #expect(with { $0[5] = 4 } == .badKind)
        #expect(with { $0[6] = 4 } == .badClass)
        #expect(with { $0[7] = 0x04 } == .unknownFlags)
        #expect(with { $0[48] = 0x27; $0[49] = 0x11 } == .badProbability)  // 10001
        #expect(with { $0[51] = 1 } == .reservedNotZero)
        #expect(with { $0[52] = 0x7F } == .badPosition)
        #expect(with { $0[56] = 0x80; $0[57] = 0 } == .badPosition)
        #expect(with { $0[32] = 0x01 } == .badName)
        #expect(with { $0[40] = 0; $0[41] = 0x41 } == .badName)  // text after the padding
        #expect(with { $0[99] = 1 } == .absentFieldNotZero)
        #expect(with { $0[115] = 1 } == .absentFieldNotZero)
        var rng2 = SeededGenerator(seed: 9)
        for _ in 0..<20_000 {
            var b = (0..<148).map { _ in UInt8.random(in: 0...255, using: &rng2) }
            b.replaceSubrange(0..<5, with: Array("SKCU".utf8) + [1])
            _ = parseRejection(b)  // never traps
        }
    }

    @Test("encoder refuses values that do not fit")
    func encodeErrors() {
        var rng = SeededGenerator(seed: 0xC0E_0006)
        let key = WireTestKit.key(&rng)
        var cue = WireTestKit.cue(&rng)
        cue.pUncrewed = 1.01
        #expect(throws: CueEncodeError.outOfRange(.pUncrewed)) { try CueCodec.encode(cue, key: key) }
        cue.pUncrewed = 0.5
        cue.latitudeDeg = .nan
        #expect(throws: CueEncodeError.outOfRange(.latitude)) { try CueCodec.encode(cue, key: key) }
        cue.latitudeDeg = 10
        cue.sigmaHorizontalM = -1
        #expect(throws: CueEncodeError.outOfRange(.sigmaHorizontal)) { try CueCodec.encode(cue, key: key) }
        #expect(ShortName("NINECHARS") == nil)
        #expect(ShortName("tab\t") == nil)
        #expect(ShortName(truncating: "NORTH-GATE\u{e9}").string == "NORTH-GA")
        #expect(ShortName("IDR-1")?.string == "IDR-1")
    }
}
