import CLinux
import Glibc

/// The sd_notify protocol without libsystemd: one datagram per state
/// ("READY=1", "WATCHDOG=1", "STOPPING=1", "STATUS=...") to the unix socket
/// systemd names in $NOTIFY_SOCKET (a path, or "@name" for the abstract
/// namespace). Absent variable: every call does nothing (not under systemd).
final class SystemdNotifier {
    private let fd: Int32
    private var address = sockaddr_un()
    private var addressLength: socklen_t = 0
    /// Half of $WATCHDOG_USEC (systemd's advice), in ns; nil without a watchdog.
    let watchdogIntervalNs: Int64?

    init() {
        let environment = { (name: String) -> String? in getenv(name).map { String(cString: $0) } }
        if let usec = environment("WATCHDOG_USEC").flatMap(Int64.init), usec > 0 {
            watchdogIntervalNs = usec * 500
        } else {
            watchdogIntervalNs = nil
        }
        guard let path = environment("NOTIFY_SOCKET"), !path.isEmpty, path.utf8.count < 108 else {
            fd = -1
            return
        }
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        addressLength = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
    }

    deinit { if fd >= 0 { close(fd) } }

    var isActive: Bool { fd >= 0 }

    /// Sends one state line; failures are ignored (systemd may be gone at stop).
    func notify(_ state: String) {
        guard fd >= 0 else { return }
        var text = Array(state.utf8)
        let length = addressLength
        _ = withUnsafePointer(to: &address) { a in
            a.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                text.withUnsafeMutableBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), sa, length) }
            }
        }
    }
}
