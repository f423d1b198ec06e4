import Foundation
import FusionCore
import Simulation
import Testing
import WireFormats

/// Datagrams built by an independent implementation (Python `struct` and
/// `hmac`/SHA-512 truncated to 256 bits, which is what `crypto_auth` is)
/// from the ICD tables, decoded and verified by ours.
@Suite("SKAC and SKCU against an independent Python encoder")
struct WirePythonCrossCheckTests {
    static let script = """
        import struct, hmac, hashlib, sys, random
        rng = random.Random(int(sys.argv[1]))
        key = bytes(rng.randrange(256) for _ in range(32))
        def tag(b): return hmac.new(key, b, hashlib.sha512).digest()[:32]
        out = [key.hex()]
        for i in range(50):
            flags = rng.randrange(8); n = rng.randrange(1, 65)
            b = b"SKAC" + struct.pack(">BBHIIqiii", 1, flags, n, rng.randrange(2**32), rng.randrange(2**32),
                rng.randrange(-2**63, 2**63), rng.randrange(-2**31, 2**31), rng.randrange(-2**31, 2**31), rng.randrange(-2**31, 2**31))
            for _ in range(n):
                b += struct.pack(">iHhHhHBBB3sI", rng.randrange(-2**31, 2**31), rng.randrange(2**16), rng.randrange(-2**15, 2**15),
                    rng.randrange(2**16), rng.randrange(-2**15, 2**15), rng.randrange(2**16), rng.randrange(256), rng.randrange(256),
                    rng.randrange(256), b"\\0\\0\\0", rng.randrange(2**32))
            if flags & 4: b += tag(b)
            out.append("skac " + b.hex())
        for i in range(50):
            hasI = rng.randrange(2); hasE = rng.randrange(2)
            name = lambda: bytes(rng.randrange(0x20, 0x7f) for _ in range(rng.randrange(9))).ljust(8, b"\\0")
            body = b"SKCU" + struct.pack(">BBBBIIqIHH8s8sHHiiiiiiIIIiiiqq", 1, rng.randrange(1, 4), rng.randrange(4), hasI | hasE << 1,
                rng.randrange(2**32), rng.randrange(2**32), rng.randrange(-2**63, 2**63), rng.randrange(2**32), rng.randrange(2**16),
                rng.randrange(2**16), name(), name(), rng.randrange(10001), 0, rng.randrange(-900000000, 900000001),
                rng.randrange(-1800000000, 1800000001), *(rng.randrange(-2**31, 2**31) for _ in range(4)),
                *(rng.randrange(2**32) for _ in range(3)),
                hasI * rng.randrange(-900000000, 900000001), hasI * rng.randrange(-1800000000, 1800000001),
                hasI * rng.randrange(-2**31, 2**31), hasI * rng.randrange(-2**63, 2**63), hasE * rng.randrange(-2**63, 2**63))
            out.append("skcu " + (body + tag(body)).hex())
        print("\\n".join(out))
        """

    static func bytes(hex: Substring) -> [UInt8] {
        var out: [UInt8] = []
        var it = hex.utf8.makeIterator()
        while let h = it.next(), let l = it.next() {
            func v(_ c: UInt8) -> UInt8 { c <= 57 ? c - 48 : c - 87 }
            out.append(v(h) << 4 | v(l))
        }
        return out
    }

    @Test("every Python-built datagram decodes, verifies and re-encodes to the same bytes",
          .enabled(if: WireTestKit.which("python3") != nil, "python3 missing: skipped"))
    func crossCheck() throws {
        for seed in 1...4 {
            let r = try WireTestKit.run(WireTestKit.which("python3")!, ["-c", Self.script, "\(seed)"])
            try #require(r.status == 0, "\(r.stderr)")
            let lines = r.stdout.split(separator: "\n")
            let key = AuthKey(bytes: Self.bytes(hex: lines[0]))!
            var skac = 0
            var skcu = 0
            for line in lines.dropFirst() {
                let parts = line.split(separator: " ")
                let datagram = Self.bytes(hex: parts[1])
                if parts[0] == "skac" {
                    let report = try SKACCodec.parse(datagram)
                    var keys = SensorKeyTable(capacity: 1)
                    try keys.insert(sensorId: report.header.sensorId, key: key)
                    var rx = SKACReceiver(keys: keys, requireAuthentication: report.header.flags.contains(.authenticated))
                    var out = SKACReport()
                    try rx.receive(datagram, into: &out)
                    #expect(out == report)
                    #expect(try SKACCodec.encode(report, key: key) == datagram)
                    skac += 1
                } else {
                    let cue = try CueCodec.decode(datagram, key: key)
                    #expect(try CueCodec.encode(cue, key: key) == datagram)
                    skcu += 1
                }
            }
            #expect(skac == 50 && skcu == 50)
        }
    }
}
