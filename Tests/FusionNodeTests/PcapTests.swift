import Foundation
import FusionNode
import Testing

@Suite struct PcapTests {
    static let payload: [UInt8] = [48, 0, 5, 0xAB, 0xCD]

    static func udp(_ sp: UInt16, _ dp: UInt16, _ p: [UInt8]) -> [UInt8] {
        let n = 8 + p.count
        return [UInt8(sp >> 8), UInt8(sp & 0xFF), UInt8(dp >> 8), UInt8(dp & 0xFF), UInt8(n >> 8), UInt8(n & 0xFF), 0, 0] + p
    }

    static func ipv4(_ l4: [UInt8], proto: UInt8 = 17, frag: UInt16 = 0) -> [UInt8] {
        let n = 20 + l4.count
        return [0x45, 0, UInt8(n >> 8), UInt8(n & 0xFF), 0, 1, UInt8(frag >> 8), UInt8(frag & 0xFF), 64, proto, 0, 0,
                10, 17, 58, 183, 232, 1, 1, 31] + l4
    }

    static func ipv6(_ l4: [UInt8], withHopByHop: Bool = false) -> [UInt8] {
        let ext: [UInt8] = withHopByHop ? [17, 0, 0, 0, 0, 0, 0, 0] : []
        let n = ext.count + l4.count
        let src: [UInt8] = [0x20, 0x01, 0x0d, 0xb8] + Array(repeating: 0, count: 11) + [1]
        let dst: [UInt8] = [0xff, 0x02] + Array(repeating: 0, count: 13) + [2]
        return [0x60, 0, 0, 0, UInt8(n >> 8), UInt8(n & 0xFF), withHopByHop ? 0 : 17, 64] + src + dst + ext + l4
    }

    func outcome(_ frame: [UInt8], _ dlt: Int32) -> (IPEndpoint, IPEndpoint, [UInt8])? {
        frame.withUnsafeBytes { b in
            if case .datagram(let s, let d, let p) = LinkLayer.udp(in: b, linkType: dlt, wireLength: b.count) {
                return (s, d, Array(p))
            }
            return nil
        }
    }

    @Test func everyLinkLayerUnwrapsToTheSameDatagram() throws {
        let ip = Self.ipv4(Self.udp(40000, 21131, Self.payload))
        let eth: [UInt8] = Array(repeating: 1, count: 12)
        let frames: [(String, [UInt8], Int32)] = [
            ("ethernet", eth + [0x08, 0x00] + ip, LinkLayer.ethernet),
            ("802.1Q", eth + [0x81, 0x00, 0, 5, 0x08, 0x00] + ip, LinkLayer.ethernet),
            ("QinQ", eth + [0x88, 0xA8, 0, 5, 0x81, 0x00, 0, 6, 0x08, 0x00] + ip, LinkLayer.ethernet),
            ("SLL", Array(repeating: 0, count: 14) + [0x08, 0x00] + ip, LinkLayer.linuxSLL),
            ("SLL2", [0x08, 0x00] + Array(repeating: 0, count: 18) + ip, LinkLayer.linuxSLL2),
            ("raw", ip, LinkLayer.raw),
            ("raw101", ip, LinkLayer.rawLinktype),
        ]
        for (name, frame, dlt) in frames {
            let (s, d, p) = try #require(outcome(frame, dlt), "\(name)")
            #expect(s == IPEndpoint("10.17.58.183", port: 40000), "\(name)")
            #expect(d.description == "232.1.1.31:21131", "\(name)")
            #expect(p == Self.payload, "\(name)")
        }
    }

    @Test func ipv6WithAndWithoutExtensionHeaders() throws {
        for hop in [false, true] {
            let (s, d, p) = try #require(outcome(Self.ipv6(Self.udp(1, 4048, Self.payload), withHopByHop: hop), LinkLayer.raw))
            #expect(!s.isIPv4 && s.description == "[2001:db8:0:0:0:0:0:1]:1")
            #expect(d.port == 4048 && p == Self.payload)
        }
    }

    @Test func nonUDPFragmentsAndTruncationAreSkippedNeverRead() {
        let good = Self.ipv4(Self.udp(1, 2, Self.payload))
        func kind(_ f: [UInt8], _ dlt: Int32 = LinkLayer.raw, wire: Int? = nil) -> String {
            f.withUnsafeBytes { b in
                switch LinkLayer.udp(in: b, linkType: dlt, wireLength: wire ?? b.count) {
                case .datagram: "udp"
                case .notUDP: "notUDP"
                case .fragment: "fragment"
                case .truncated: "truncated"
                }
            }
        }
        #expect(kind(Self.ipv4(Self.udp(1, 2, Self.payload), proto: 6)) == "notUDP")
        #expect(kind(Self.ipv4(Self.udp(1, 2, Self.payload), frag: 0x2000)) == "fragment")
        #expect(kind(Array(repeating: 1, count: 12) + [0x08, 0x06] + good, LinkLayer.ethernet) == "notUDP")
        #expect(kind(good, wire: good.count + 10) == "truncated")
        for n in 0..<good.count { #expect(kind(Array(good.prefix(n))) != "udp", "prefix \(n)") }
    }

    @Test func writerOutputIsReadBackWithNanosecondTimes() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.pcap").path
        let src = IPEndpoint("10.0.0.1", port: 5000)!, dst = IPEndpoint("239.2.3.1", port: 6969)!
        let times: [Int64] = [1_700_000_000_123_456_789, 1_700_000_001_000_000_001, 1_700_000_002_999_999_999]
        do {
            var writer = try PcapWriter(path: path)
            for (k, t) in times.enumerated() { writer.write(Array(repeating: UInt8(k), count: 10 * k), from: src, to: dst, timeNs: t) }
            let refused = writer.write([1], from: IPEndpoint(addressHigh: 1, addressLow: 1, port: 1), to: dst, timeNs: 0)
            #expect(!refused)
        }
        var reader = try PcapReader(path: path)
        var got: [(Int64, IPEndpoint, IPEndpoint, [UInt8])] = []
        reader.forEach { got.append(($0.timeNs, $0.source, $0.destination, Array($0.payload))) }
        try #require(got.count == times.count)
        for (k, g) in got.enumerated() {
            #expect(g.0 == times[k] && g.1 == src && g.2 == dst && g.3 == Array(repeating: UInt8(k), count: 10 * k))
        }
        #expect(throws: PcapError.self) { _ = try PcapReader(path: dir.appendingPathComponent("missing.pcap").path) }
    }

    @Test(.enabled(if: TestPaths.tool("editcap") != nil, "editcap (Wireshark) not installed"))
    func pcapngIsReadToo() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pcap = dir.appendingPathComponent("a.pcap").path, pcapng = dir.appendingPathComponent("a.pcapng").path
        do {
            var writer = try PcapWriter(path: pcap)
            writer.write(Self.payload, from: IPEndpoint("10.0.0.1", port: 1)!, to: IPEndpoint("10.0.0.2", port: 2)!, timeNs: 1_000_000_007)
        }
        _ = try TestPaths.run(TestPaths.tool("editcap")!, ["-F", "pcapng", pcap, pcapng])
        var reader = try PcapReader(path: pcapng)
        let first = reader.next()
        let d = try #require(first)
        #expect(Array(d.payload) == Self.payload && d.timeNs == 1_000_000_007)
        let second = reader.next()
        #expect(second == nil)
    }
}
