import Foundation
import WireFormats

#if canImport(Glibc)
import Glibc
#endif

/// A UDP socket on loopback that collects the node's binary cues, checked
/// and decoded with the test key.
final class CueListener {
    let fd: Int32
    let port: UInt16
    private(set) var cues: [CueMessage] = []
    private(set) var rejected = 0

    init?() {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var size: Int32 = 4 << 20
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, 4)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard ok else {
            close(fd)
            return nil
        }
        self.fd = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(fd) }

    /// Reads every cue waiting now.
    func drain(key: AuthKey) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            guard n > 0 else { return }
            do {
                cues.append(try CueCodec.decode(Array(buffer[0..<n]), key: key))
            } catch {
                rejected += 1
            }
        }
    }
}
