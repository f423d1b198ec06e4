import CGPS
import CLinux

#if canImport(Glibc)
import Glibc
#endif

/// One open TCP connection to gpsd through libgps: a thin noncopyable owner
/// of the `gps_data_t` that libgps parses reports into.
///
/// `gps_data_t` is large (24 KB in Debian's 3.22, ~49 KB in newer gpsd), so
/// it is allocated once per connection behind a pointer and never copied;
/// fields are read through `cgps_` accessors. `deinit` calls `gps_close`,
/// so dropping the value is the only way to close, and it cannot be missed.
///
/// The socket is made non-blocking (and close-on-exec) after `gps_open`:
/// `gps_read` then returns 0 instead of blocking when only part of a line
/// has arrived, which keeps every call bounded for the node's event loop.
///
/// `init` blocks for the TCP connect. To a loopback gpsd that is immediate
/// (refused at once when gpsd is down).
/// FIXME: a remote host name would block in getaddrinfo/connect inside
/// libgps; the node only ever talks to the local gpsd (ICD 1.4).
public struct GpsdConnection: ~Copyable {
    /// What the last successful `read()` parsed, by its JSON `class`.
    public enum Report: Equatable, Sendable {
        /// Time-position-velocity: `fix` and `mask` hold it.
        case tpv
        /// Time offset of the system clock at a GPS second: `toff`.
        case toff
        /// A pulse-per-second edge against the system clock: `pps`.
        case pps
        /// Anything else (VERSION, DEVICES, WATCH, SKY, ...).
        case other
    }

    private let data: UnsafeMutablePointer<gps_data_t>
    /// The start of each JSON line, enough to recognise its class. libgps
    /// truncates the copy safely (strlcpy) to this length.
    private let line: UnsafeMutablePointer<CChar>
    private static let lineCapacity = 32

    /// Connects to gpsd at `host`:`port` and asks it to stream JSON reports
    /// (`WATCH_ENABLE|WATCH_JSON`, plus `WATCH_PPS` for TOFF/PPS reports
    /// when `clockReports`).
    public init(host: String, port: UInt16, clockReports: Bool) throws(GpsdError) {
        let data = UnsafeMutablePointer<gps_data_t>.allocate(capacity: 1)
        UnsafeMutableRawPointer(data).initializeMemory(
            as: UInt8.self, repeating: 0, count: MemoryLayout<gps_data_t>.size)
        errno = 0
        guard gps_open(host, String(port), data) == 0 else {
            let code = errno
            data.deallocate()
            throw .openFailed(code: code)
        }
        let fd = cgps_fd(data)
        let flags = fcntl(fd, F_GETFL)
        // Close-on-exec too: a child process must not keep the socket (and
        // with it an epoll registration) alive after we close it.
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0,
            fcntl(fd, F_SETFD, FD_CLOEXEC) == 0
        else {
            let code = errno
            gps_close(data)
            data.deallocate()
            throw .socketSetupFailed(code: code)
        }
        guard cgps_stream_nosigpipe(data, cgps_watch_flags(clockReports)) == 0 else {
            let code = errno
            gps_close(data)
            data.deallocate()
            throw .streamFailed(code: code)
        }
        let line = UnsafeMutablePointer<CChar>.allocate(capacity: Self.lineCapacity)
        line.initialize(repeating: 0, count: Self.lineCapacity)
        self.data = data
        self.line = line
    }

    deinit {
        gps_close(data)
        data.deallocate()
        line.deallocate()
    }

    /// The socket (`gps_data_t.gps_fd`), for an epoll loop to wait on. Valid
    /// for this connection's lifetime only: a reconnect yields a new one.
    public var fileDescriptor: Int32 { cgps_fd(data) }

    /// `gps_waiting`: true when a line is already buffered in libgps or the
    /// socket becomes readable within `timeoutUs` microseconds (0 = just
    /// look). Socket errors also read as "not waiting", as libgps does.
    public func waiting(timeoutUs: Int32) -> Bool {
        gps_waiting(data, timeoutUs)
    }

    /// Reads and parses at most one line (`gps_read`). Returns nil when no
    /// complete line is available yet; throws when gpsd has gone (EOF or a
    /// socket error). Never blocks: the socket is non-blocking.
    public mutating func read() throws(GpsdError) -> Report? {
        errno = 0
        line[0] = 0
        let status = gps_read(data, line, Int32(Self.lineCapacity))
        if status < 0 {
            throw .readFailed(code: errno)
        }
        if status == 0 {
            // libgps returns 0 when only part of a line has come. If gpsd
            // died after that part, EOF shows at best on a later call, and
            // some libgps versions keep returning 0 while their buffer is
            // not empty: "nothing yet" for ever. Ask the kernel now.
            if peerClosed() {
                throw .readFailed(code: 0)
            }
            return nil
        }
        return Self.classify(line)
    }

    /// The fix as libgps last merged it. Meaningful after `.tpv`: absent
    /// fields are NaN, `time` is zero when the TPV had none.
    public var fix: gps_fix_t { cgps_fix(data).pointee }
    /// Which fields the last report set (`*_SET` bits of gps.h).
    public var mask: gps_mask_t { cgps_set(data) }
    /// The last TOFF report: `real` is GPS time, `clock` the system clock.
    ///
    /// libgps 3.22 (Debian 12) parses TOFF into `gps_data_t.pps`, leaving
    /// `toff` zero for ever (it still sets TOFF_SET). So read `toff`, and
    /// when it was never written, `pps`, which the TOFF just filled. A fixed
    /// libgps writes `toff` on every TOFF, and then that is what we read.
    public var toff: timedelta_t {
        let toff = cgps_toff(data)
        return toff.real.tv_sec != 0 ? toff : cgps_pps(data)
    }
    /// The last PPS report: `real` is GPS time, `clock` the system clock.
    public var pps: timedelta_t { cgps_pps(data) }

    private func peerClosed() -> Bool {
        var byte: UInt8 = 0
        let received = recv(cgps_fd(data), &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        if received == 0 { return true }
        if received < 0 {
            let code = errno
            return code != EAGAIN && code != EWOULDBLOCK && code != EINTR
        }
        return false
    }

    /// gpsd writes `{"class":"XXX",` first on every line; match that
    /// without building a String (this runs for every report).
    private static func classify(_ line: UnsafePointer<CChar>) -> Report {
        if hasPrefix(line, "{\"class\":\"TPV\"") { return .tpv }
        if hasPrefix(line, "{\"class\":\"TOFF\"") { return .toff }
        if hasPrefix(line, "{\"class\":\"PPS\"") { return .pps }
        return .other
    }

    private static func hasPrefix(_ line: UnsafePointer<CChar>, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                strncmp(line, chars.baseAddress!, chars.count) == 0
            }
        }
    }
}
