/// Why the daemon could not start or a Linux call failed: the call and its
/// errno, kept as values (STYLE: environment errors are values).
public enum DaemonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed with `errno`.
    case system(String, Int32)
    /// A configured host name did not resolve.
    case resolve(String)
    /// The configuration cannot be turned into a pipeline.
    case pipeline(String)

    public var description: String {
        switch self {
        case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .resolve(let host): "cannot resolve \(host)"
        case .pipeline(let why): why
        }
    }
}

import CLinux
import Glibc
