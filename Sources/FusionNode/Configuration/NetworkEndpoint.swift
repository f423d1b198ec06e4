/// A UDP destination: a host (IPv4 or IPv6 literal, or a DNS name) and port.
public struct NetworkEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: UInt16

    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// `host:port`, with an IPv6 literal in brackets.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Why `host` cannot be a destination, or nil when it can. Only the
    /// spelling is checked: a name is resolved when the socket opens, so a
    /// field box without DNS can still check its file.
    static func hostProblem(_ host: String) -> String? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
            let valid = parts.allSatisfy { Int($0).map { $0 <= 255 } ?? false }
            return valid ? nil : "\"\(host)\" is not a valid IPv4 address"
        }
        if host.contains(":") {
            let valid = host.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
                && host.split(separator: ":", omittingEmptySubsequences: false).count >= 3
            return valid ? nil : "\"\(host)\" is not a valid IPv6 address"
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let validName =
            host.count <= 253
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
            && !(labels.last?.allSatisfy(\.isNumber) ?? true)
        return validName ? nil : "\"\(host)\" is neither an IP address nor a host name"
    }
}

extension ConfigObject {
    /// This object's `host` and `port`, with defaults when given.
    func endpoint(defaultHost: String? = nil, defaultPort: UInt16? = nil) -> NetworkEndpoint {
        let before = log.issues.count
        let host = string("host", default: defaultHost)
        if has("host"), log.issues.count == before, let why = NetworkEndpoint.hostProblem(host) {
            log.add(path("host"), why)
        }
        let port = integer("port", in: 1...65535, default: defaultPort.map(Int.init))
        return NetworkEndpoint(host: host, port: UInt16(port))
    }
}
