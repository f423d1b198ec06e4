import CGPS

/// The node's link to gpsd (ICD 1.4): a state machine over `GpsdConnection`
/// that delivers own fixes and clock offsets, reconnects by itself, and
/// turns every loss (of fix, or of gpsd) into a reported degraded status,
/// never a stop.
///
/// States: `.disconnected` -> (gps_open + WATCH) -> `.connectedNoFix` ->
/// (TPV mode 2/3) -> `.fix2D`/`.fix3D`; a TPV with mode < 2 or no fix within
/// `fixStaleAfterNs` drops back to `.connectedNoFix`; EOF or a socket error
/// drops to `.disconnected` from anywhere. Reconnect attempts are spaced by
/// a backoff doubling from `reconnectInitialNs` to `reconnectMaxNs`, reset
/// once a connection has delivered a report (so a gpsd that accepts and
/// dies at once is not hammered).
///
/// Time is an argument (`nowNs`, the node's clock), never read here. `poll`
/// is bounded: at most `maxReportsPerPoll` reports and one wait of at most
/// `maxWaitUs`. To drive it from an epoll loop, wait on `fileDescriptor`
/// (re-register it whenever `counters.connects` changes: a reconnect gives
/// a new socket, and closing the old one removed it from epoll) with a
/// timeout until `nextDeadlineNs`, then call `poll(nowNs:)` with no wait.
///
/// One thread owns a client (the fusion thread); it is not Sendable.
public final class GpsdClient {
    public let configuration: GpsdConfiguration

    /// Current status and the node time it began.
    public private(set) var status: GpsdStatus = .disconnected
    public private(set) var statusSinceNs: Int64
    /// When the current degraded spell (`status.isDegraded`) began; it spans
    /// both degraded states, so a lost fix followed by a lost gpsd keeps the
    /// first time. Nil while there is a fix.
    public private(set) var degradedSinceNs: Int64?
    public private(set) var counters = GpsdCounters()
    /// The latest fix, kept through degraded spells (check `status`).
    public private(set) var lastFix: OwnFix?
    public private(set) var lastClockOffset: ClockOffset?
    /// The error behind the latest failed connect or lost connection.
    public private(set) var lastError: GpsdError?

    private var connection: GpsdConnection?
    private var nextConnectNs: Int64
    private var backoffNs: Int64
    private var reportsSinceConnect = 0
    private var lastFixReceivedNs: Int64?
    private var lastPollNs: Int64
    private var hasBufferedReports = false

    /// Makes a client that will first try to connect at the first `poll`.
    public init(configuration: GpsdConfiguration = GpsdConfiguration(), nowNs: Int64) {
        self.configuration = configuration
        statusSinceNs = nowNs
        degradedSinceNs = nowNs
        nextConnectNs = nowNs
        backoffNs = max(configuration.reconnectInitialNs, 1)
        lastPollNs = nowNs
    }

    /// The gpsd socket while connected, for an epoll loop; nil otherwise.
    public var fileDescriptor: Int32? { connection?.fileDescriptor }

    /// The latest node time at which `poll` must run even if the socket
    /// stays quiet: the next reconnect attempt, the moment the fix goes
    /// stale, or at once when reports are still buffered. Nil when only
    /// socket readiness matters.
    public var nextDeadlineNs: Int64? {
        if connection == nil { return nextConnectNs }
        if hasBufferedReports { return lastPollNs }
        if !status.isDegraded, let last = lastFixReceivedNs {
            return last + configuration.fixStaleAfterNs + 1
        }
        return nil
    }

    /// Does whatever is due at `nowNs`: a reconnect attempt, reading the
    /// reports gpsd has sent (waiting at most `waitUs` µs, capped at
    /// `maxWaitUs`, for the first), and the staleness check. Events go to
    /// `onEvent` in order as they happen. While disconnected it never
    /// waits: sleep until `nextDeadlineNs` instead.
    public func poll(nowNs: Int64, waitUs: Int32 = 0, onEvent: (GpsdEvent) -> Void = { _ in }) {
        lastPollNs = nowNs
        hasBufferedReports = false
        if connection == nil {
            guard nowNs >= nextConnectNs else { return }
            connect(nowNs: nowNs, onEvent: onEvent)
            guard connection != nil else { return }
        }
        readReports(nowNs: nowNs, waitUs: waitUs, onEvent: onEvent)
        checkStaleness(nowNs: nowNs, onEvent: onEvent)
    }

    /// Closes the connection now (for shutdown or a configuration change);
    /// the next `poll` after the backoff reconnects.
    public func disconnect(nowNs: Int64, onEvent: (GpsdEvent) -> Void = { _ in }) {
        guard connection != nil else { return }
        drop(nowNs: nowNs, error: nil, onEvent: onEvent)
    }

    private func connect(nowNs: Int64, onEvent: (GpsdEvent) -> Void) {
        counters.connectAttempts += 1
        do {
            connection = try GpsdConnection(
                host: configuration.host, port: configuration.port,
                clockReports: configuration.clockReports)
        } catch {
            lastError = error
            scheduleReconnect(nowNs: nowNs)
            return
        }
        counters.connects += 1
        reportsSinceConnect = 0
        setStatus(.connectedNoFix, nowNs: nowNs, error: nil, onEvent: onEvent)
    }

    private func readReports(nowNs: Int64, waitUs: Int32, onEvent: (GpsdEvent) -> Void) {
        var wait = min(max(waitUs, 0), configuration.maxWaitUs)
        var handled = 0
        while handled < configuration.maxReportsPerPoll {
            guard connection?.waiting(timeoutUs: wait) == true else { return }
            wait = 0
            let report: GpsdConnection.Report?
            do {
                report = try connection?.read()
            } catch {
                drop(nowNs: nowNs, error: error, onEvent: onEvent)
                return
            }
            guard let report else { return }
            handled += 1
            counters.reads += 1
            reportsSinceConnect += 1
            handle(report, nowNs: nowNs, onEvent: onEvent)
        }
        // Stopped by the cap, not by running dry: lines may sit in libgps's
        // buffer where epoll cannot see them, so ask to be polled again now.
        hasBufferedReports = true
    }

    private func handle(_ report: GpsdConnection.Report, nowNs: Int64, onEvent: (GpsdEvent) -> Void) {
        switch report {
        case .tpv:
            guard let fix = connection?.fix, let mask = connection?.mask else { return }
            if let own = OwnFix(
                tpv: fix, mask: mask, receivedNs: nowNs,
                configuredGeoidSeparationM: configuration.geoidSeparationM)
            {
                counters.fixes += 1
                lastFix = own
                lastFixReceivedNs = nowNs
                setStatus(own.mode >= 3 ? .fix3D : .fix2D, nowNs: nowNs, error: nil, onEvent: onEvent)
                onEvent(.fix(own))
            } else {
                // Mode 0/1: gpsd says the receiver has no fix (or is gone).
                setStatus(.connectedNoFix, nowNs: nowNs, error: nil, onEvent: onEvent)
            }
        case .toff, .pps:
            let source: ClockOffset.Source = report == .toff ? .toff : .pps
            guard let delta = report == .toff ? connection?.toff : connection?.pps,
                let offset = ClockOffset(source: source, delta: delta, receivedNs: nowNs)
            else { return }
            counters.clockOffsets += 1
            lastClockOffset = offset
            onEvent(.clockOffset(offset))
        case .other:
            break
        }
    }

    private func checkStaleness(nowNs: Int64, onEvent: (GpsdEvent) -> Void) {
        guard !status.isDegraded, let last = lastFixReceivedNs,
            nowNs - last > configuration.fixStaleAfterNs
        else { return }
        counters.staleFixes += 1
        setStatus(.connectedNoFix, nowNs: nowNs, error: nil, onEvent: onEvent)
    }

    private func drop(nowNs: Int64, error: GpsdError?, onEvent: (GpsdEvent) -> Void) {
        connection = nil  // deinit: gps_close
        counters.disconnects += 1
        if let error { lastError = error }
        lastFixReceivedNs = nil
        if reportsSinceConnect > 0 {
            backoffNs = max(configuration.reconnectInitialNs, 1)
        }
        setStatus(.disconnected, nowNs: nowNs, error: error, onEvent: onEvent)
        scheduleReconnect(nowNs: nowNs)
    }

    private func scheduleReconnect(nowNs: Int64) {
        nextConnectNs = nowNs + backoffNs
        backoffNs = min(backoffNs * 2, max(configuration.reconnectMaxNs, 1))
    }

    private func setStatus(
        _ new: GpsdStatus, nowNs: Int64, error: GpsdError?, onEvent: (GpsdEvent) -> Void
    ) {
        guard new != status else { return }
        let old = status
        status = new
        statusSinceNs = nowNs
        if new.isDegraded {
            if degradedSinceNs == nil { degradedSinceNs = nowNs }
        } else {
            degradedSinceNs = nil
        }
        onEvent(.statusChanged(from: old, to: new, atNs: nowNs, error: error))
    }
}
