import CLinux
import Glibc

/// A configured output endpoint resolved to a socket address once, when the
/// node starts or reloads (never per datagram: `getaddrinfo` may block).
struct ResolvedEndpoint {
    var storage = sockaddr_storage()
    var length: socklen_t = 0
    var family: Int32 = AF_INET

    /// Resolves `endpoint` (IPv4 or IPv6 literal, or a name) for UDP.
    init(_ endpoint: NetworkEndpoint) throws(DaemonError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(endpoint.host, String(endpoint.port), &hints, &result) == 0, let first = result else {
            throw .resolve(endpoint.description)
        }
        defer { freeaddrinfo(result) }
        family = first.pointee.ai_family
        length = first.pointee.ai_addrlen
        withUnsafeMutableBytes(of: &storage) { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(start: first.pointee.ai_addr, count: Int(first.pointee.ai_addrlen)))
        }
    }
}

/// The node's sending sockets: one non-blocking UDP socket per address
/// family, multicast TTL and loop set. A full send buffer drops the
/// datagram (counted) rather than block the fusion thread.
final class OutputSocket {
    /// Multicast hop limit: 1 keeps the SA picture on the site's own
    /// network segment, as TAK's SA multicast does by default.
    static let multicastTTL: Int32 = 1
    private let ipv4: Int32
    private var ipv6: Int32 = -1
    private(set) var sent: UInt64 = 0
    private(set) var failed: UInt64 = 0

    init() throws(DaemonError) {
        ipv4 = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard ipv4 >= 0 else { throw .system("socket", errno) }
        var ttl = Self.multicastTTL
        var loop: Int32 = 1
        _ = setsockopt(ipv4, Int32(IPPROTO_IP), IP_MULTICAST_TTL, &ttl, 4)
        _ = setsockopt(ipv4, Int32(IPPROTO_IP), IP_MULTICAST_LOOP, &loop, 4)
        var size: Int32 = 4 << 20
        _ = setsockopt(ipv4, SOL_SOCKET, SO_SNDBUF, &size, 4)
    }

    deinit {
        close(ipv4)
        if ipv6 >= 0 { close(ipv6) }
    }

    /// Opens the IPv6 socket when an endpoint needs it (at start or reload).
    func prepare(for endpoint: ResolvedEndpoint) {
        guard endpoint.family == AF_INET6, ipv6 < 0 else { return }
        ipv6 = socket(AF_INET6, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var hops = Self.multicastTTL
        if ipv6 >= 0 { _ = setsockopt(ipv6, Int32(IPPROTO_IPV6), IPV6_MULTICAST_HOPS, &hops, 4) }
    }

    /// Sends one datagram; false (counted) when it could not go now.
    @discardableResult
    func send(_ bytes: UnsafeRawBufferPointer, to endpoint: inout ResolvedEndpoint) -> Bool {
        let fd = endpoint.family == AF_INET6 ? ipv6 : ipv4
        let length = endpoint.length
        let n = withUnsafePointer(to: &endpoint.storage) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL), $0, length)
            }
        }
        if n == bytes.count {
            sent &+= 1
            return true
        }
        failed &+= 1
        return false
    }
}
