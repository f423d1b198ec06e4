import CLinux
import Glibc

/// A minimal non-blocking HTTP/1.0 responder for Prometheus scrapes, served
/// from the fusion thread's loop: any GET gets the current exposition text
/// (`text/plain; version=0.0.4`), then the connection is closed. At most
/// `maxConnections` at once (more are accepted and closed at once), a
/// request is read up to 4 KiB, and a connection that has not sent its
/// request headers within 2 s is dropped, so a slow client cannot hold the
/// loop or memory.
final class MetricsServer {
    struct Connection {
        var fd: Int32 = -1
        var request: [UInt8] = []
        var response: [UInt8] = []
        var sentBytes = 0
        var openedNs: Int64 = 0
    }

    static let maxConnections = 8
    static let maxRequestBytes = 4_096
    static let requestTimeoutNs: Int64 = 2_000_000_000
    let listener: Int32
    let port: UInt16
    private(set) var connections = [Connection](repeating: Connection(), count: maxConnections)
    private(set) var scrapes: UInt64 = 0

    init(bind host: String, port: UInt16) throws(DaemonError) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        let resolved = host == "localhost" ? "127.0.0.1" : host
        guard inet_pton(AF_INET, resolved, &address.sin_addr) == 1 else {
            throw .pipeline("metrics.bind: only IPv4 addresses are served (\(host))")
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .system("socket", errno) }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, 4)
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard ok, listen(fd, 16) == 0 else {
            let code = errno
            close(fd)
            throw .system("bind/listen metrics on \(host):\(port)", code)
        }
        listener = fd
        self.port = port
    }

    deinit {
        close(listener)
        for c in connections where c.fd >= 0 { close(c.fd) }
    }

    /// Accepts what is waiting; returns the slots of new connections.
    func accept(nowNs: Int64, _ registered: (Int, Int32) -> Void) {
        while true {
            let fd = Glibc.accept(listener, nil, nil)
            guard fd >= 0 else { return }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            guard let slot = connections.firstIndex(where: { $0.fd < 0 }) else {
                close(fd)
                continue
            }
            connections[slot] = Connection(fd: fd, openedNs: nowNs)
            registered(slot, fd)
        }
    }

    /// What a connection waits for after `service`.
    enum Progress { case finished, needsRequest, needsWrite }

    /// Reads the request of `slot`; when complete, builds the response with
    /// `render` and writes what the socket takes. Says whether the
    /// connection is finished (closed), still waits for its request, or
    /// has response bytes left for when the socket is writable.
    func service(slot: Int, render: () -> String) -> Progress {
        var c = connections[slot]
        guard c.fd >= 0 else { return .finished }
        if c.response.isEmpty {
            var buffer = [UInt8](repeating: 0, count: 1_024)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(c.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    c.request += buffer[0..<n]
                    if c.request.count > Self.maxRequestBytes { return finish(slot) }
                    if n < buffer.count { break }
                    continue
                }
                // EOF: a client that half-closed after its request still gets an answer.
                if n == 0 && !Self.headersComplete(c.request) { return finish(slot) }
                break  // EAGAIN, or EOF after a complete request
            }
            guard Self.headersComplete(c.request) else {
                connections[slot] = c
                return .needsRequest
            }
            c.response = Self.response(for: c.request, render: render)
            scrapes &+= 1
        }
        while c.sentBytes < c.response.count {
            let n = c.response.withUnsafeBytes {
                Glibc.send(c.fd, $0.baseAddress! + c.sentBytes, $0.count - c.sentBytes, Int32(MSG_NOSIGNAL))
            }
            if n <= 0 { break }
            c.sentBytes += n
        }
        if c.sentBytes >= c.response.count { return finish(slot) }
        connections[slot] = c
        return .needsWrite
    }

    /// Closes connections older than the request timeout.
    func expire(nowNs: Int64) {
        for i in connections.indices where connections[i].fd >= 0 {
            if nowNs - connections[i].openedNs > Self.requestTimeoutNs { _ = finish(i) }
        }
    }

    func descriptor(slot: Int) -> Int32 { connections[slot].fd }

    private func finish(_ slot: Int) -> Progress {
        if connections[slot].fd >= 0 { close(connections[slot].fd) }
        connections[slot] = Connection()
        return .finished
    }

    static func headersComplete(_ request: [UInt8]) -> Bool {
        guard request.count >= 4 else { return false }
        for i in 0...(request.count - 4)
        where request[i] == 13 && request[i + 1] == 10 && request[i + 2] == 13 && request[i + 3] == 10 {
            return true
        }
        // A bare "\n\n" (netcat by hand) counts too.
        for i in 0..<(request.count - 1) where request[i] == 10 && request[i + 1] == 10 { return true }
        return false
    }

    static func response(for request: [UInt8], render: () -> String) -> [UInt8] {
        let isGet = request.starts(with: Array("GET ".utf8))
        let body = isGet ? render() : "only GET\n"
        let status = isGet ? "200 OK" : "405 Method Not Allowed"
        let head =
            "HTTP/1.0 \(status)\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + Array(body.utf8)
    }
}
