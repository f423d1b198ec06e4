import CLinux
import Glibc

/// One non-blocking IPv4 UDP socket bound to an input port, with kernel
/// receive timestamps (SO_TIMESTAMPNS) and a large receive buffer, read in
/// `recvmmsg` batches. Closed in deinit.
final class UDPReceiver {
    let fd: Int32
    let port: UInt16
    /// Datagrams the kernel dropped because the buffer was full are not
    /// visible here; `SO_RCVBUF` is set generously instead.
    static let receiveBufferBytes: Int32 = 4 << 20

    init(port: UInt16, bindAddress: UInt32 = 0) throws(DaemonError) {
        fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .system("socket", errno) }
        self.port = port
        var one: Int32 = 1
        var size = Self.receiveBufferBytes
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, 4)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, 4)
        guard setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, 4) == 0 else {
            let code = errno
            close(fd)
            throw .system("setsockopt SO_TIMESTAMPNS", code)
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = bindAddress.bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw .system("bind UDP port \(port)", code)
        }
    }

    deinit { close(fd) }

    /// One `recvmmsg` into `batch`: the number of datagrams (0 when none
    /// are waiting; errors other than EAGAIN also read as 0, counted by
    /// the caller through `errno`).
    func receive(into batch: ReceiveBatch) -> Int {
        batch.reset()
        let n = clinux_recvmmsg(fd, batch.headers, UInt32(batch.count), Int32(MSG_DONTWAIT))
        return n > 0 ? Int(n) : 0
    }
}
