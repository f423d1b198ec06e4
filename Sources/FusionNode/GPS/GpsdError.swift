import CGPS

/// Why a libgps call failed. Each case keeps the C code it came with, so a
/// log line or counter names what the library or the kernel said.
public enum GpsdError: Error, Equatable, Sendable {
    /// `gps_open` failed: `code` is the errno/netlib code it left (for
    /// example ECONNREFUSED (111) when nothing listens on the port).
    case openFailed(code: Int32)
    /// `gps_stream` could not send the `?WATCH` command.
    case streamFailed(code: Int32)
    /// `gps_read` returned -1: gpsd closed the connection (`code` 0) or
    /// the socket failed with errno `code`.
    case readFailed(code: Int32)
    /// The socket could not be made non-blocking (`fcntl` errno).
    case socketSetupFailed(code: Int32)
}

extension GpsdError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .openFailed(let code): "gps_open failed: \(Self.text(code)) (\(code))"
        case .streamFailed(let code): "gps_stream failed: \(Self.text(code)) (\(code))"
        case .readFailed(let code):
            code == 0 ? "gpsd closed the connection" : "gps_read failed: \(Self.text(code)) (\(code))"
        case .socketSetupFailed(let code): "fcntl(O_NONBLOCK) failed (\(code))"
        }
    }

    /// libgps's own text: it knows both errno values and its negative
    /// netlib codes (NL_NOHOST, NL_NOCONNECT, ...).
    private static func text(_ code: Int32) -> String {
        guard let cString = gps_errstr(code) else { return "unknown error" }
        return String(cString: cString)
    }
}
