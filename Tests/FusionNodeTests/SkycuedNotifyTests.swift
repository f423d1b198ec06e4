import Foundation
import FusionNode
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// skycued under a stand-in for systemd: the sd_notify datagrams it writes
/// to $NOTIFY_SOCKET (READY=1 once up, WATCHDOG=1 every WATCHDOG_USEC/2 from
/// its loop, STOPPING=1 on SIGTERM).
@Suite(.serialized, .timeLimit(.minutes(1)), .enabled(if: SkycuedProcess.binary() != nil, "needs the built skycued"))
struct SkycuedNotifyTests {
    @Test func readyWatchdogAndStoppingReachTheNotifySocket() throws {
        let dir = try TestPaths.temporaryDirectory()
        let socketPath = dir.appendingPathComponent("notify").path
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in socketPath.utf8.enumerated() { raw[i] = b }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        let site = dir.appendingPathComponent("site.json").path
        let metricsPort = try #require(ChildProcess.freeLoopbackPort())
        try DaemonFixture.writeSite(
            to: site, offset: DaemonFixture.portOffset(), cuePort: try #require(DaemonFixture.freeUDPPort()),
            metricsPort: metricsPort)
        let node = try #require(
            SkycuedProcess(
                configPath: site, metricsPort: metricsPort, logPath: dir.appendingPathComponent("log").path,
                environment: ["NOTIFY_SOCKET": socketPath, "WATCHDOG_USEC": "200000"]))
        defer { node.stop() }

        var messages: [String] = []
        func collect(seconds: Double) {
            let deadline = ChildProcess.monotonicNs() + Int64(seconds * 1e9)
            var buffer = [UInt8](repeating: 0, count: 256)
            while ChildProcess.monotonicNs() < deadline {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n > 0 { messages.append(String(decoding: buffer[0..<n], as: UTF8.self)) }
            }
        }
        collect(seconds: 1.2)
        #expect(messages.first == "READY=1", "\(messages)")
        // 100 ms pings over ~1 s, with slack for a loaded box.
        let pings = messages.filter { $0 == "WATCHDOG=1" }.count
        #expect(pings >= 4, "\(messages)")
        #expect(node.stop() == 0)
        collect(seconds: 0.3)
        #expect(messages.last == "STOPPING=1", "\(messages)")
    }
}
