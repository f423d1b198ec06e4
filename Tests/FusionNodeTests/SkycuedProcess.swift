import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A running `skycued` (the binary built alongside the tests) for the
/// daemon's integration tests: spawned with a site file, its log lines in
/// a file, its metrics read over HTTP on loopback. `stop()` sends SIGTERM
/// and waits (bounded), then SIGKILL; `deinit` stops it too, so no test
/// path leaves it running.
final class SkycuedProcess {
    let pid: pid_t
    let logPath: String
    let metricsPort: UInt16
    private var exitStatus: Int32?

    /// The built `skycued` next to the test bundle, if there is one.
    static func binary() -> String? {
        let candidates = [CommandLine.arguments.first, Bundle.main.executablePath].compactMap { $0 }
        for executable in candidates {
            var dir = URL(fileURLWithPath: executable).deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("skycued")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }

    init?(configPath: String, metricsPort: UInt16, logPath: String, environment extra: [String: String] = [:]) {
        guard let executable = Self.binary() else { return nil }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NOTIFY_SOCKET")
        environment.removeValue(forKey: "WATCHDOG_USEC")
        environment.merge(extra) { $1 }
        guard let child = ChildProcess.spawn(
            [executable, "--config", configPath], outputPath: logPath, environment: environment)
        else { return nil }
        pid = child
        self.logPath = logPath
        self.metricsPort = metricsPort
    }

    deinit { _ = stop() }

    var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { exitStatus = status }
        return exitStatus == nil
    }

    func signal(_ number: Int32) { if isRunning { kill(pid, number) } }

    /// SIGTERM, up to 5 s for a clean exit, else SIGKILL. Returns the raw
    /// wait status of a clean exit, nil if it had to be killed.
    @discardableResult
    func stop() -> Int32? {
        if let exitStatus { return exitStatus }
        kill(pid, SIGTERM)
        let deadline = ChildProcess.monotonicNs() + 5_000_000_000
        while isRunning, ChildProcess.monotonicNs() < deadline { usleep(10_000) }
        if let exitStatus { return exitStatus }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        exitStatus = status
        return nil
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// The metrics page, or nil when it cannot be read now.
    func scrape() -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = metricsPort.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET /metrics HTTP/1.0\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else { return nil }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            response += buffer[0..<n]
        }
        guard let text = String(bytes: response, encoding: .utf8), let split = text.range(of: "\r\n\r\n") else {
            return nil
        }
        return String(text[split.upperBound...])
    }

    /// The value of one sample (`name{labels}` exactly as exposed).
    static func value(_ sample: String, in page: String) -> Double? {
        for line in page.split(separator: "\n") where line.hasPrefix(sample + " ") {
            return Double(line.dropFirst(sample.count + 1))
        }
        return nil
    }

    /// Scrapes until `sample` satisfies `condition` or `seconds` pass.
    @discardableResult
    func waitFor(_ sample: String, seconds: Double, _ condition: (Double) -> Bool) -> Double? {
        let deadline = ChildProcess.monotonicNs() + Int64(seconds * 1e9)
        var last: Double?
        repeat {
            if let page = scrape(), let v = Self.value(sample, in: page) {
                last = v
                if condition(v) { return v }
            }
            usleep(50_000)
        } while ChildProcess.monotonicNs() < deadline && isRunning
        return last
    }

    /// Resident memory of the process, kB (VmRSS).
    var residentKB: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
        }
        return nil
    }
}
