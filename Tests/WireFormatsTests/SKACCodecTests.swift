import FusionCore
import Simulation
import Testing
import WireFormats

/// The expected outcome of parsing `bytes`, as a comparable value.
private func parseOutcome(_ bytes: [UInt8]) -> Result<SKACReport, SKACRejection> {
    do throws(SKACRejection) {
        return .success(try SKACCodec.parse(bytes))
    } catch {
        return .failure(error)
    }
}

private func rejection(_ bytes: [UInt8]) -> SKACRejection? {
    if case .failure(let e) = parseOutcome(bytes) { return e }
    return nil
}

@Suite("SKAC codec")
struct SKACCodecTests {
    static let flagCombos: [SKACFlags] = [[], [.elevationValid], [.harmonicsValid], [.elevationValid, .harmonicsValid]]

    @Test("decode(encode(x)) == x, thousands of reports, every flag combination, untagged")
    func roundTripUntagged() throws {
        var rng = SeededGenerator(seed: 0x5CAC_0001)
        for i in 0..<4000 {
            let flags = Self.flagCombos[i % 4]
            let r = WireTestKit.report(&rng, flags: flags, count: i < 64 ? i + 1 : nil)
            let bytes = try SKACCodec.encode(r, key: nil)
            #expect(bytes.count == 36 + 24 * r.count)
            let back = try SKACCodec.parse(bytes)
            #expect(back == r)
            #expect(back.header.flags == flags)
        }
    }

    @Test("decode(encode(x)) == x with an authentication tag, and the tag verifies")
    func roundTripTagged() throws {
        var rng = SeededGenerator(seed: 0x5CAC_0002)
        for i in 0..<2000 {
            let key = WireTestKit.key(&rng)
            let r = WireTestKit.report(&rng, flags: Self.flagCombos[i % 4].union(.authenticated))
            let bytes = try SKACCodec.encode(r, key: key)
            #expect(bytes.count == 36 + 24 * r.count + 32)
            #expect(try SKACCodec.parse(bytes) == r)
            var keys = SensorKeyTable(capacity: 1)
            try keys.insert(sensorId: r.header.sensorId, key: key)
            var rx = SKACReceiver(keys: keys, requireAuthentication: true)
            var out = SKACReport()
            try rx.receive(bytes, into: &out)
            #expect(out == r)
        }
    }

    @Test("byte layout matches ICD 1.3 offsets")
    func layout() throws {
        var r = SKACReport(
            header: SKACHeader(
                flags: [.elevationValid], sensorId: 0x0102_0304, sequence: 0x0A0B_0C0D,
                reportTimeNs: 0x1122_3344_5566_7788, latitudeE7: 504_500_000, longitudeE7: -305_200_000,
                altitudeMm: 180_000))
        r.append(SKACDetection(
            timeOffsetUs: -2, azimuthRaw: 0x4000, elevationCentiDeg: 1234, bearingSigmaCentiDeg: 300,
            snrCentiDb: -150, fundamentalDeciHz: 1200, harmonicCount: 5, sourceHintRaw: 2,
            hintConfidence: 200, sourceId: 77))
        let b = try SKACCodec.encode(r, key: nil)
        func be(_ o: Int, _ n: Int) -> UInt64 { b[o..<(o + n)].reduce(0) { $0 << 8 | UInt64($1) } }
        #expect(Array(b[0..<4]) == Array("SKAC".utf8))
        #expect(b[4] == 1 && b[5] == 1 && be(6, 2) == 1)
        #expect(be(8, 4) == 0x0102_0304 && be(12, 4) == 0x0A0B_0C0D && be(16, 8) == 0x1122_3344_5566_7788)
        #expect(Int32(truncatingIfNeeded: be(28, 4)) == -305_200_000 && be(32, 4) == 180_000)
        #expect(Int32(truncatingIfNeeded: be(36, 4)) == -2 && be(40, 2) == 0x4000 && be(42, 2) == 1234)
        #expect(be(44, 2) == 300 && Int16(truncatingIfNeeded: be(46, 2)) == -150 && be(48, 2) == 1200)
        #expect(b[50] == 5 && b[51] == 2 && b[52] == 200 && be(53, 3) == 0 && be(56, 4) == 77)
        #expect(r.detections[0].azimuthDeg == 90 && r.detections[0].sourceHint == .electricRotors)
    }

    @Test("truncation at every length is rejected with the right reason, never traps")
    func truncation() throws {
        var rng = SeededGenerator(seed: 0x5CAC_0003)
        let key = WireTestKit.key(&rng)
        for flags in [SKACFlags.harmonicsValid, [.authenticated, .elevationValid]] {
            for n in [1, 2, 5, 64] {
                let bytes = try SKACCodec.encode(WireTestKit.report(&rng, flags: flags, count: n), key: key)
                for len in 0..<bytes.count {
                    let expected: SKACRejection = len < 36 ? .truncatedHeader : .lengthMismatch
                    #expect(rejection(Array(bytes[0..<len])) == expected, "len \(len) of \(bytes.count)")
                }
                #expect(rejection(bytes) == nil)
            }
        }
    }

    @Test("trailing bytes are rejected as a length mismatch")
    func trailing() throws {
        var rng = SeededGenerator(seed: 0x5CAC_0004)
        for flags in [SKACFlags(), .authenticated] {
            let bytes = try SKACCodec.encode(WireTestKit.report(&rng, flags: flags), key: WireTestKit.key(&rng))
            for extra in 1...64 {
                let longer = bytes + (0..<extra).map { _ in UInt8.random(in: 0...255, using: &rng) }
                #expect(rejection(longer) == .lengthMismatch)
            }
        }
    }

    @Test("bad magic, version, flags, N and reserved bytes are each rejected by reason")
    func malformedHeaderFields() throws {
        var rng = SeededGenerator(seed: 0x5CAC_0005)
        let good = try SKACCodec.encode(WireTestKit.report(&rng, flags: [], count: 3), key: nil)
        for i in 0..<4 {
            for v in [UInt8(0), 0x20, 0xFF, good[i] ^ 1] {
                var b = good
                b[i] = v
                #expect(rejection(b) == .badMagic)
            }
        }
        for v in [UInt8(0)] + Array(2...255) {
            var b = good
            b[4] = v
            #expect(rejection(b) == .badVersion)
        }
        for bit in 3..<8 {
            var b = good
            b[5] |= UInt8(1) << UInt8(bit)
            #expect(rejection(b) == .unknownFlags)
        }
        // N out of 1...64 with a length that would match that N.
        for n in [0, 65, 100, 1000, 65535] {
            var b = Array(good[0..<36]) + [UInt8](repeating: 0, count: 24 * n)
            b[6] = UInt8(n >> 8)
            b[7] = UInt8(n & 0xFF)
            #expect(rejection(b) == .badDetectionCount, "N \(n)")
        }
        // N disagreeing with the length.
        for n in [1, 2, 4, 64] {
            var b = good
            b[6] = 0
            b[7] = UInt8(n)
            #expect(rejection(b) == .lengthMismatch, "N \(n)")
        }
        // A non-zero reserved byte in any detection.
        for d in 0..<3 {
            for k in 17..<20 {
                var b = good
                b[36 + 24 * d + k] = UInt8.random(in: 1...255, using: &rng)
                #expect(rejection(b) == .reservedNotZero)
            }
        }
        // The authentication flag without a tag, and a tag without the flag.
        var flagged = good
        flagged[5] |= SKACFlags.authenticated.rawValue
        #expect(rejection(flagged) == .lengthMismatch)
        #expect(rejection(good + [UInt8](repeating: 0, count: 32)) == .lengthMismatch)
    }

    @Test("random bytes never trap; random bytes behind a valid prefix are rejected or parse consistently")
    func randomBytes() throws {
        var rng = SeededGenerator(seed: 0x5CAC_0006)
        var parsed = 0
        for i in 0..<20_000 {
            let len = Int.random(in: 0...1700, using: &rng)
            var b = (0..<len).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if i % 2 == 0, len >= 8 {
                b.replaceSubrange(0..<5, with: Array("SKAC".utf8) + [1])
                b[5] &= 0x07
                if i % 4 == 0, len >= 36 {
                    // Make N agree with the length about half the time.
                    let n = (len - 36) / 24
                    b[6] = UInt8(n >> 8)
                    b[7] = UInt8(n & 0xFF)
                    b[5] &= 0x03
                    for d in 0..<min(n, 64) where 36 + 24 * d + 20 <= len {
                        for k in 17..<20 { b[36 + 24 * d + k] = 0 }
                    }
                }
            }
            if case .success(let r) = parseOutcome(b) {
                parsed += 1
                #expect(try SKACCodec.encode(r, key: nil) == b)
            }
        }
        #expect(parsed > 0)  // the generator does reach the accept path
    }

    @Test("encoder refuses bad reports")
    func encodeErrors() {
        var r = SKACReport()
        #expect(throws: SKACEncodeError.badDetectionCount) { try SKACCodec.encode(r, key: nil) }
        r.append(SKACDetection())
        r.header.flags = .authenticated
        #expect(throws: SKACEncodeError.missingKey) { try SKACCodec.encode(r, key: nil) }
        r.header.flags = SKACFlags(rawValue: 0x80)
        #expect(throws: SKACEncodeError.unknownFlags) { try SKACCodec.encode(r, key: nil) }
        r.header.flags = []
        var small = [UInt8](repeating: 0, count: 59)
        let result = small.withUnsafeMutableBytes { buffer in
            Result { () throws(SKACEncodeError) -> Int in try SKACCodec.encode(r, key: nil, into: buffer) }
        }
        #expect(throws: SKACEncodeError.bufferTooSmall) { try result.get() }
        var full = SKACReport()
        for _ in 0..<64 {
            let added = full.append(SKACDetection())
            #expect(added)
        }
        let overflowed = !full.append(SKACDetection())
        #expect(overflowed && full.count == 64)
    }
}
