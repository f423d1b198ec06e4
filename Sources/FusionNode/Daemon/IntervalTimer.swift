import CLinux
import Glibc

/// A timerfd on CLOCK_REALTIME (the node's clock, ns since the Unix epoch)
/// armed for one absolute deadline at a time: the loop re-arms it to the
/// pipeline's next due time after every wake-up.
final class IntervalTimer {
    let fd: Int32

    init() throws(DaemonError) {
        fd = timerfd_create(CLOCK_REALTIME, Int32(TFD_NONBLOCK | TFD_CLOEXEC))
        guard fd >= 0 else { throw .system("timerfd_create", errno) }
    }

    deinit { close(fd) }

    /// The deadline armed last, until it fires; re-arming the same one is
    /// skipped (a `timerfd_settime` per wake-up was 8 % of the node's CPU
    /// at 10,000 datagrams/s, perf, Benchmarks/README.md).
    private var armedNs: Int64?

    /// Fires once at `deadlineNs` (a deadline already past fires at once).
    func arm(atNs deadlineNs: Int64) {
        let ns = max(deadlineNs, 1)
        guard ns != armedNs else { return }
        armedNs = ns
        var spec = itimerspec()
        spec.it_value.tv_sec = Int(ns / 1_000_000_000)
        spec.it_value.tv_nsec = Int(ns % 1_000_000_000)
        _ = timerfd_settime(fd, Int32(TFD_TIMER_ABSTIME), &spec, nil)
    }

    /// Reads the expiry count so that the descriptor stops being readable.
    func acknowledge() {
        armedNs = nil
        var expirations: UInt64 = 0
        _ = read(fd, &expirations, 8)
    }
}
