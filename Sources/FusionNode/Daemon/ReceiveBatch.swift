import CLinux
import Glibc

/// Buffers for one `recvmmsg` batch, shared by every input socket (one
/// fusion thread reads them in turn): `count` slots of 64 KiB payload (the
/// largest UDP datagram fits, so nothing is cut), source address and a
/// control buffer for the SO_TIMESTAMPNS receive time. Allocated once.
final class ReceiveBatch {
    static let slotBytes = 65_536
    let count: Int
    let headers: UnsafeMutablePointer<clinux_mmsghdr>
    private let vectors: UnsafeMutablePointer<iovec>
    private let payload: UnsafeMutableRawPointer
    private let sources: UnsafeMutablePointer<sockaddr_in>
    private let control: UnsafeMutableRawPointer
    private let controlBytes: Int

    init(count: Int) {
        self.count = count
        headers = .allocate(capacity: count)
        vectors = .allocate(capacity: count)
        payload = .allocate(byteCount: count * Self.slotBytes, alignment: 16)
        // Touch every page now: resident memory is then what it will stay,
        // instead of creeping up as larger batches reach further slots.
        payload.initializeMemory(as: UInt8.self, repeating: 0, count: count * Self.slotBytes)
        sources = .allocate(capacity: count)
        controlBytes = clinux_timestamp_control_size() + 64
        control = .allocate(byteCount: count * controlBytes, alignment: 16)
        for i in 0..<count {
            vectors[i] = iovec(iov_base: payload + i * Self.slotBytes, iov_len: Self.slotBytes)
        }
        reset()
    }

    deinit {
        headers.deallocate()
        vectors.deallocate()
        payload.deallocate()
        sources.deallocate()
        control.deallocate()
    }

    /// Restores the lengths the kernel overwrote in the last call.
    func reset() {
        for i in 0..<count {
            var h = msghdr()
            h.msg_name = UnsafeMutableRawPointer(sources + i)
            h.msg_namelen = socklen_t(MemoryLayout<sockaddr_in>.size)
            h.msg_iov = vectors + i
            h.msg_iovlen = 1
            h.msg_control = control + i * controlBytes
            h.msg_controllen = controlBytes
            headers[i] = clinux_mmsghdr(msg_hdr: h, msg_len: 0)
        }
    }

    /// Datagram `i` of the last batch.
    func datagram(_ i: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: payload + i * Self.slotBytes, count: Int(headers[i].msg_len))
    }

    /// True when datagram `i` was larger than its slot (never, for UDP).
    func truncated(_ i: Int) -> Bool { headers[i].msg_hdr.msg_flags & Int32(MSG_TRUNC) != 0 }

    /// The kernel receive time of datagram `i`, ns since the Unix epoch, or nil.
    func receiveTimeNs(_ i: Int) -> Int64? {
        let t = withUnsafePointer(to: &headers[i].msg_hdr) { clinux_receive_timestamp_ns($0) }
        return t >= 0 ? t : nil
    }

    /// Who sent datagram `i`.
    func source(_ i: Int) -> IPEndpoint {
        let s = sources[i]
        return IPEndpoint(ipv4: UInt32(bigEndian: s.sin_addr.s_addr), port: UInt16(bigEndian: s.sin_port))
    }
}
