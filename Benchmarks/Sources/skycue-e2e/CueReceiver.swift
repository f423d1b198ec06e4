import Foundation
import WireFormats

/// The interceptor side: a thread that receives the node's binary cues on
/// loopback, stamps each with CLOCK_REALTIME right after `recv` returns,
/// and decodes it with the node key (a cue that fails is counted).
final class CueReceiver: @unchecked Sendable {
    struct Received {
        var receivedNs: Int64
        /// When the kernel queued the cue on the socket (SO_TIMESTAMPNS,
        /// CLOCK_REALTIME): without the receiver thread's wake-up.
        var kernelNs: Int64
        /// The cue's own time: for a cue a datagram caused, that datagram's
        /// kernel receive time at the node; for a cue of the periodic tick,
        /// the tick's due time (CLOCK_REALTIME, same host).
        var timeNs: Int64
        var kind: CueKind
    }

    let fd: Int32
    let port: UInt16
    private let key: AuthKey
    private let done = DispatchSemaphore(value: 0)
    private let stopFlag = StopFlag()
    /// Written by the thread only; read after `stop()`.
    private(set) var cues: [Received] = []
    private(set) var rejected = 0

    init?(key: AuthKey) {
        guard let s = E2ESockets.bound(type: Int32(SOCK_DGRAM.rawValue)) else { return nil }
        fd = s.fd
        port = s.port
        self.key = key
        var size: Int32 = 4 << 20
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, 4)
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, 4)
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        cues.reserveCapacity(100_000)
    }

    deinit { close(fd) }

    func start() {
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            var control = [UInt64](repeating: 0, count: 16)  // 8-aligned room for one cmsg
            while !stopFlag.isSet {
                var kernelNs: Int64 = 0
                let n = buffer.withUnsafeMutableBytes { b in
                    control.withUnsafeMutableBytes { c in
                        Self.receive(fd, into: b, control: c, kernelNs: &kernelNs)
                    }
                }
                let nowNs = E2EClock.realtimeNs()
                guard n > 0 else { continue }
                do {
                    let cue = try buffer.withUnsafeBytes { try CueCodec.decode(UnsafeRawBufferPointer(rebasing: $0[0..<n]), key: key) }
                    cues.append(Received(receivedNs: nowNs, kernelNs: kernelNs == 0 ? nowNs : kernelNs, timeNs: cue.timeNs, kind: cue.kind))
                } catch {
                    rejected += 1
                }
            }
            done.signal()
        }
    }

    /// One `recvmsg`; the kernel receive time from its SCM_TIMESTAMPNS
    /// control message (0 when there is none).
    private static func receive(
        _ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, control: UnsafeMutableRawBufferPointer, kernelNs: inout Int64
    ) -> Int {
        var iov = iovec(iov_base: buffer.baseAddress, iov_len: buffer.count)
        return withUnsafeMutablePointer(to: &iov) { iovPointer in
            var message = msghdr()
            message.msg_iov = iovPointer
            message.msg_iovlen = 1
            message.msg_control = control.baseAddress
            message.msg_controllen = control.count
            let n = recvmsg(fd, &message, 0)
            guard n > 0, message.msg_controllen >= MemoryLayout<cmsghdr>.size + MemoryLayout<timespec>.size else { return n }
            // One control message expected, at the start of the buffer.
            let header = control.load(as: cmsghdr.self)
            if header.cmsg_level == SOL_SOCKET, header.cmsg_type == SO_TIMESTAMPNS {
                let t = control.load(fromByteOffset: MemoryLayout<cmsghdr>.size, as: timespec.self)
                kernelNs = Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
            }
            return n
        }
    }

    /// Stops the thread (within the 100 ms receive timeout) and waits for it.
    func stop() {
        stopFlag.set()
        done.wait()
    }
}
