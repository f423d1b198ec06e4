import Foundation

/// Small loopback socket helpers of the end-to-end run (IPv4, 127.0.0.1).
enum E2ESockets {
    static func loopback(port: UInt16) -> sockaddr_in {
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_port = port.bigEndian
        a.sin_addr.s_addr = inet_addr("127.0.0.1")
        return a
    }

    /// A socket of `type` bound to 127.0.0.1:`port` (0: any free), and its port.
    static func bound(type: Int32, port: UInt16 = 0) -> (fd: Int32, port: UInt16)? {
        let fd = socket(AF_INET, type, 0)
        guard fd >= 0 else { return nil }
        var a = loopback(port: port)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard ok else {
            close(fd)
            return nil
        }
        return (fd, UInt16(bigEndian: a.sin_port))
    }

    /// A TCP port free on loopback a moment ago.
    static func freeTCPPort() -> UInt16? {
        guard let s = bound(type: Int32(SOCK_STREAM.rawValue)) else { return nil }
        close(s.fd)
        return s.port
    }

    /// An offset K such that the site's UDP input ports + K are free.
    static func portOffset(ports: [Int]) -> Int {
        for _ in 0..<50 {
            let k = Int.random(in: 20_000...40_000)
            let sockets = ports.map { bound(type: Int32(SOCK_DGRAM.rawValue), port: UInt16($0 + k)) }
            sockets.forEach { if let s = $0 { close(s.fd) } }
            if sockets.allSatisfy({ $0 != nil }) { return k }
        }
        return 31_000
    }

    /// GET /metrics from 127.0.0.1:`port`; the body, or nil.
    static func scrape(port: UInt16) -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var a = loopback(port: port)
        let connected = withUnsafePointer(to: &a) {
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
        guard let text = String(bytes: response, encoding: .utf8), let split = text.range(of: "\r\n\r\n") else { return nil }
        return String(text[split.upperBound...])
    }

    /// The value of one exposed sample (`name{labels}` exactly).
    static func value(_ sample: String, in page: String) -> Double? {
        for line in page.split(separator: "\n") where line.hasPrefix(sample + " ") {
            return Double(line.dropFirst(sample.count + 1))
        }
        return nil
    }
}
