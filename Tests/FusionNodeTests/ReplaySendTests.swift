import Foundation
import FusionNode
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `skycue-replay CAPTURE --send HOST`: the command line, and a capture
/// sent to loopback listeners at its ports plus the offset, paced.
struct ReplaySendTests {
    @Test func parsesTheNetworkMode() throws {
        let send = try ReplayCommand.parse(["c.pcap", "--send", "127.0.0.1", "--speed", "4", "--port-offset=-10"])
        #expect(send.sendHost == "127.0.0.1" && send.speed == 4 && send.portOffset == -10)
        #expect(try ReplayCommand.parse(["c.pcap", "--send", "localhost"]).speed == 1)
        #expect(try ReplayCommand.parse(["c.pcap", "--send", "::1", "--speed", "max"]).speed == nil)
        let bad: [[String]] = [
            ["c.pcap", "--send", "127.0.0.1", "--out", "d"], ["c.pcap", "--send", "127.0.0.1", "--speed", "0"],
            ["c.pcap", "--send", "127.0.0.1", "--speed", "fast"], ["c.pcap", "--send", "300.1.1.1"],
            ["c.pcap", "--send", "127.0.0.1", "--port-offset", "70000"],
            ["c.pcap", "--config", "s.json", "--out", "d", "--speed", "2"],
        ]
        for arguments in bad {
            #expect(throws: ReplayCommand.UsageError.self, "\(arguments)") { _ = try ReplayCommand.parse(arguments) }
        }
    }

    @Test func datagramsGoToTheirPortsPlusTheOffsetPacedByCaptureTime() throws {
        let a = try #require(DaemonFixture.freeUDPPort()), b = try #require(DaemonFixture.freeUDPPort())
        let offset = 7
        let listeners = try [a, b].map { port in try #require(Self.bind(port)) }
        defer { listeners.forEach { close($0) } }
        let dir = try TestPaths.temporaryDirectory()
        let capture = dir.appendingPathComponent("c.pcap").path
        do {
            var writer = try PcapWriter(path: capture)
            let source = IPEndpoint(ipv4: 0x7F00_000A, port: 40_000)
            let t0: Int64 = 1_700_000_000_000_000_000
            // Capture ports are the listeners' minus the offset.
            for (i, port) in [a, b, a, b].enumerated() {
                writer.write(
                    [UInt8(i), 0xAB], from: source, to: IPEndpoint(ipv4: 0x7F00_0001, port: port - UInt16(offset)),
                    timeNs: t0 + Int64(i) * 200_000_000)
            }
        }
        let started = ChildProcess.monotonicNs()
        let command = ReplayCommand(
            capturePath: capture, configPath: "", outputDirectory: "", sendHost: "127.0.0.1", speed: 2, portOffset: offset)
        #expect(command.run(errors: { Issue.record("\($0)") }) == 0)
        let elapsedNs = ChildProcess.monotonicNs() - started
        // 0.6 s of capture at 2x: at least 0.3 s (a lower bound; a slow box may take longer).
        #expect(elapsedNs >= 300_000_000)
        var received: [[UInt8]] = [[], []]
        for (k, fd) in listeners.enumerated() {
            var buffer = [UInt8](repeating: 0, count: 16)
            while true {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                guard n == 2 else { break }
                received[k].append(buffer[0])
            }
        }
        #expect(received == [[0, 2], [1, 3]])
    }

    static func bind(_ port: UInt16) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        if ok { return fd }
        close(fd)
        return nil
    }
}
