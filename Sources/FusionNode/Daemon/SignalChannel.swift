import CLinux
import Glibc

/// SIGTERM, SIGINT and SIGHUP delivered through a signalfd, so that the
/// fusion thread handles them in its loop like any input, never in a
/// signal handler. signalfd needs the signals blocked in every thread:
/// `NodeDaemon.prepareProcess()` blocks them first thing in `main`.
final class SignalChannel {
    /// What a signal asks of the node.
    enum Request { case stop, reload }

    let fd: Int32

    /// The signals the loop reads.
    static var mask: sigset_t {
        var mask = sigset_t()
        sigemptyset(&mask)
        for s in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&mask, s) }
        return mask
    }

    /// Blocks the loop's signals on the calling thread, and so in every
    /// thread it starts later. Call it first in `main`, before Foundation
    /// or Dispatch start threads of their own: a thread that does not block
    /// SIGTERM would take it with the default action and kill the node
    /// without a clean stop. Also ignores SIGPIPE (sending to a peer that is
    /// gone must be an error value, not a death).
    static func blockSignals() {
        var m = mask
        signal(SIGPIPE, SIG_IGN)
        _ = pthread_sigmask(SIG_BLOCK, &m, nil)
    }

    init() throws(DaemonError) {
        Self.blockSignals()
        var mask = Self.mask
        fd = signalfd(-1, &mask, Int32(SFD_NONBLOCK | SFD_CLOEXEC))
        guard fd >= 0 else { throw .system("signalfd", errno) }
    }

    deinit { close(fd) }

    /// Every pending request, in order.
    func drain(_ body: (Request) -> Void) {
        var info = signalfd_siginfo()
        while read(fd, &info, MemoryLayout<signalfd_siginfo>.size) == MemoryLayout<signalfd_siginfo>.size {
            body(Int32(info.ssi_signo) == SIGHUP ? .reload : .stop)
        }
    }
}
