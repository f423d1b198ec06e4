import CLinux
import Glibc

/// SIGTERM, SIGINT and SIGHUP delivered through a signalfd, so that the
/// fusion thread handles them in its loop like any input, never in a
/// signal handler. The signals are blocked process-wide before any other
/// thread starts (the daemon calls this first), as signalfd requires.
final class SignalChannel {
    /// What a signal asks of the node.
    enum Request { case stop, reload }

    let fd: Int32

    init() throws(DaemonError) {
        var mask = sigset_t()
        sigemptyset(&mask)
        for s in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&mask, s) }
        // Sending to a peer that is gone must be an error value, not a death.
        signal(SIGPIPE, SIG_IGN)
        guard pthread_sigmask(SIG_BLOCK, &mask, nil) == 0 else { throw .system("pthread_sigmask", errno) }
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
