import Simulation
import Testing
import WireFormats

/// One sensor, one key, a receiver, and a way to make its datagrams.
private struct Rig {
    var rng: SeededGenerator
    let sensorId: UInt32 = 42
    let key: AuthKey
    var rx: SKACReceiver

    init(seed: UInt64, required: Bool = true) {
        rng = SeededGenerator(seed: seed)
        key = WireTestKit.key(&rng)
        var keys = SensorKeyTable(capacity: 4)
        try! keys.insert(sensorId: 42, key: key)
        rx = SKACReceiver(keys: keys, requireAuthentication: required)
    }

    mutating func datagram(seq: UInt32, tagged: Bool = true, key: AuthKey? = nil) -> [UInt8] {
        var r = WireTestKit.report(&rng, flags: tagged ? .authenticated : [], count: 2)
        r.header.sensorId = sensorId
        r.header.sequence = seq
        return try! SKACCodec.encode(r, key: tagged ? (key ?? self.key) : nil)
    }

    /// nil when accepted, else the rejection.
    mutating func send(_ bytes: [UInt8]) -> SKACRejection? {
        var out = SKACReport()
        do throws(SKACRejection) {
            try rx.receive(bytes, into: &out)
            return nil
        } catch {
            return error
        }
    }
}

@Suite("SKAC authentication and anti-replay")
struct SKACAuthenticationTests {
    @Test("wrong tag, wrong key, missing tag and unknown sensor are rejected and counted")
    func badTags() {
        var rig = Rig(seed: 1)
        var d = rig.datagram(seq: 1)
        d[d.count - 1] ^= 0x01
        #expect(rig.send(d) == .badTag)
        var body = rig.datagram(seq: 2)
        body[40] ^= 0x80  // tamper with a detection, tag untouched
        #expect(rig.send(body) == .badTag)
        var other = rig.rng
        let wrongKey = WireTestKit.key(&other)
        #expect(rig.send(rig.datagram(seq: 3, key: wrongKey)) == .badTag)
        #expect(rig.send(rig.datagram(seq: 4, tagged: false)) == .missingTag)
        var stranger = rig.datagram(seq: 5)
        stranger[11] ^= 0x01  // sensor 43 has no key
        #expect(rig.send(stranger) == .unknownSensor)
        #expect(rig.rx.rejections[.badTag] == 3)
        #expect(rig.rx.rejections[.missingTag] == 1)
        #expect(rig.rx.rejections[.unknownSensor] == 1)
        #expect(rig.rx.rejections.total == 5)
        #expect(rig.rx.accepted == 0)
        // A forged datagram did not move the window: seq 1 is still fresh.
        #expect(rig.send(rig.datagram(seq: 1)) == nil)
        #expect(rig.rx.accepted == 1)
    }

    @Test("every single-bit flip of an authenticated datagram is rejected")
    func bitFlips() {
        var rig = Rig(seed: 2)
        let d = rig.datagram(seq: 100)
        for i in 0..<d.count {
            for bit in 0..<8 {
                var m = d
                m[i] ^= UInt8(1) << UInt8(bit)
                #expect(rig.send(m) != nil, "byte \(i) bit \(bit)")
            }
        }
        #expect(rig.rx.accepted == 0)
        #expect(rig.send(d) == nil)
    }

    @Test("without required authentication: untagged accepted, bad tag still rejected")
    func optionalAuthentication() {
        var rig = Rig(seed: 3, required: false)
        #expect(rig.send(rig.datagram(seq: 1, tagged: false)) == nil)
        #expect(rig.send(rig.datagram(seq: 1, tagged: false)) == nil)  // unauthenticated: not windowed
        var bad = rig.datagram(seq: 2)
        bad[bad.count - 5] ^= 0x10
        #expect(rig.send(bad) == .badTag)
        #expect(rig.send(rig.datagram(seq: 2)) == nil)
        #expect(rig.send(rig.datagram(seq: 2)) == .replayed)
    }

    @Test("replayed and too-old sequence numbers are rejected, reordered ones accepted once")
    func replayAndReorder() {
        var rig = Rig(seed: 4)
        let base: UInt32 = 10_000
        #expect(rig.send(rig.datagram(seq: base)) == nil)
        #expect(rig.send(rig.datagram(seq: base)) == .replayed)
        // Reordered arrivals within the window: a shuffled block.
        var seqs = Array((base + 1)...(base + 300))
        seqs.shuffle(using: &rig.rng)
        for s in seqs { #expect(rig.send(rig.datagram(seq: s)) == nil) }
        for s in seqs.prefix(50) { #expect(rig.send(rig.datagram(seq: s)) == .replayed) }
        // Jump ahead: newest = base + 2000; base + 2000 - 1023 is the oldest in the window.
        #expect(rig.send(rig.datagram(seq: base + 2000)) == nil)
        #expect(rig.send(rig.datagram(seq: base + 2000 - 1024)) == .tooOld)
        #expect(rig.send(rig.datagram(seq: base + 300)) == .tooOld)
        #expect(rig.send(rig.datagram(seq: base + 2000 - 1023)) == nil)
        #expect(rig.send(rig.datagram(seq: base + 2000 - 1023)) == .replayed)
        #expect(rig.rx.rejections[.tooOld] == 2)
        #expect(rig.rx.rejections[.replayed] == 52)
    }

    @Test("the 32-bit sequence wraps: numbers after 0xFFFFFFFF are newer, old ones stay old")
    func wrap() {
        var rig = Rig(seed: 5)
        let start = UInt32.max - 9
        var s = start
        for _ in 0..<20 {
            #expect(rig.send(rig.datagram(seq: s)) == nil, "seq \(s)")
            s &+= 1
        }
        #expect(rig.rx.keys.window(for: 42)?.newest == 9)
        #expect(rig.send(rig.datagram(seq: UInt32.max)) == .replayed)
        #expect(rig.send(rig.datagram(seq: start)) == .replayed)
        #expect(rig.send(rig.datagram(seq: start &- 1)) == nil)  // late, but inside the window
        #expect(rig.send(rig.datagram(seq: 9 &- 1024)) == .tooOld)
        #expect(rig.send(rig.datagram(seq: 9 &+ 0x8000_0000)) == .tooOld)  // half the space away: unordered
    }

    @Test("ReplayWindow agrees with a set-based reference model on random walks")
    func windowModel() {
        var rng = SeededGenerator(seed: 6)
        for round in 0..<20 {
            var w = ReplayWindow()
            var seen = Set<UInt32>()
            var newest: UInt32? = nil
            var cursor = UInt32.random(in: 0 ... .max, using: &rng)
            if round % 2 == 0 { cursor = UInt32.max - 500 }  // cross the wrap
            for _ in 0..<5000 {
                let step = Int64.random(in: -1500...1500, using: &rng)
                let s = UInt32(truncatingIfNeeded: Int64(cursor) + step)
                if Bool.random(using: &rng) { cursor = s }
                // Reference: fresh iff first, strictly newer, or within 1023 back and unseen.
                let expected: ReplayWindow.Verdict
                if let n = newest {
                    let d = Int64(Int32(bitPattern: s &- n))
                    if d > 0 { expected = .fresh }
                    else if -d >= 1024 { expected = .tooOld }
                    else { expected = seen.contains(s) ? .replayed : .fresh }
                } else {
                    expected = .fresh
                }
                #expect(w.check(s) == expected)
                #expect(w.accept(s) == expected)
                if expected == .fresh {
                    seen.insert(s)
                    if let n = newest {
                        if Int32(bitPattern: s &- n) > 0 { newest = s }
                    } else {
                        newest = s
                    }
                }
            }
        }
    }

    @Test("key table: fixed capacity, sorted lookup, replacing a key resets the window")
    func keyTable() throws {
        var rng = SeededGenerator(seed: 7)
        var t = SensorKeyTable(capacity: 3)
        let k = (0..<4).map { _ in WireTestKit.key(&rng) }
        try t.insert(sensorId: 30, key: k[0])
        try t.insert(sensorId: 10, key: k[1])
        try t.insert(sensorId: 20, key: k[2])
        #expect(throws: SensorKeyTable.InsertError.full) { try t.insert(sensorId: 40, key: k[3]) }
        #expect(t.key(for: 10) == k[1] && t.key(for: 20) == k[2] && t.key(for: 30) == k[0])
        #expect(t.key(for: 40) == nil)
        t.accept(sensorId: 20, sequence: 5)
        #expect(t.window(for: 20)?.check(5) == .replayed)
        try t.insert(sensorId: 20, key: k[3])
        #expect(t.key(for: 20) == k[3] && t.count == 3)
        #expect(t.window(for: 20)?.check(5) == .fresh)
        #expect(AuthKey(bytes: [UInt8](repeating: 1, count: 31)) == nil)
        #expect(AuthKey(bytes: [UInt8](repeating: 1, count: 32)) != nil)
    }
}
