import CLinux
import Glibc

/// A Linux epoll set owned by the fusion thread: file descriptors
/// registered with a caller-chosen 64-bit token, waited on with a timeout.
/// The event buffer is allocated once, so `wait` allocates nothing.
final class EpollLoop {
    let fd: Int32
    private let events: UnsafeMutablePointer<epoll_event>
    private let capacity: Int32

    init(capacity: Int32 = 64) throws(DaemonError) {
        fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard fd >= 0 else { throw .system("epoll_create1", errno) }
        self.capacity = capacity
        events = .allocate(capacity: Int(capacity))
    }

    deinit {
        close(fd)
        events.deallocate()
    }

    /// Watches `descriptor` for readability (and writability when `write`).
    func add(_ descriptor: Int32, token: UInt64, write: Bool = false) throws(DaemonError) {
        var event = epoll_event()
        clinux_epoll_set(&event, EPOLLIN.rawValue | (write ? EPOLLOUT.rawValue : 0), token)
        guard epoll_ctl(fd, EPOLL_CTL_ADD, descriptor, &event) == 0 else { throw .system("epoll_ctl add", errno) }
    }

    /// Changes what `descriptor` is watched for.
    func modify(_ descriptor: Int32, token: UInt64, write: Bool) {
        var event = epoll_event()
        clinux_epoll_set(&event, EPOLLIN.rawValue | (write ? EPOLLOUT.rawValue : 0), token)
        _ = epoll_ctl(fd, EPOLL_CTL_MOD, descriptor, &event)
    }

    /// Stops watching (closing a descriptor removes it too).
    func remove(_ descriptor: Int32) {
        var event = epoll_event()
        _ = epoll_ctl(fd, EPOLL_CTL_DEL, descriptor, &event)
    }

    /// Waits up to `timeoutMs` (-1: for ever) and calls `body(token,
    /// readable, writable)` for each ready descriptor. EINTR is a return
    /// with no events.
    func wait(timeoutMs: Int32, _ body: (UInt64, Bool, Bool) -> Void) {
        let n = epoll_wait(fd, events, capacity, timeoutMs)
        guard n > 0 else { return }
        for i in 0..<n {
            let e = clinux_epoll_at(events, i)
            let flags = clinux_epoll_events(e)
            let readable = flags & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0
            body(clinux_epoll_token(e), readable, flags & EPOLLOUT.rawValue != 0)
        }
    }
}
