import FusionMath
import CLinux
import Glibc

/// The node on an edge box (`skycued --config SITE.json`): one fusion
/// thread that owns every socket and runs the same `NodePipeline` as the
/// replay tool, on the node's clock (CLOCK_REALTIME, ns since the epoch).
///
/// The loop waits in epoll on: the input UDP sockets (read in `recvmmsg`
/// batches, each datagram stamped with its kernel receive time, which is
/// its arrival time, and each followed at once by the cues of the tracks it
/// updated), a timerfd armed at the pipeline's next due time (the periodic
/// work: maintenance, output periods), a signalfd (SIGTERM /
/// SIGINT stop, SIGHUP reloads zones and interceptors), gpsd's socket and
/// the metrics port. Nothing blocks it: every socket is non-blocking, each
/// wake-up reads at most `maxBatchesPerWake` batches per socket, and every
/// buffer is fixed at start.
///
/// Without `node.origin` the frame's origin is the first good gpsd fix:
/// until then datagrams are counted and dropped (`droppedNoOrigin`), never
/// queued. gpsd missing, dying or losing its fix is a degraded mode,
/// logged and exported, from which the client reconnects by itself.
public final class NodeDaemon {
    /// A tick due longer ago than this (the node stalled, the clock
    /// stepped) runs at the current time instead of its due time, so that
    /// the loop does not crawl through every missed second.
    static let maxTickLagNs: Int64 = 2_000_000_000
    static let maxBatchesPerWake = 8
    static let tokenSignal: UInt64 = 1, tokenTimer: UInt64 = 2, tokenMetrics: UInt64 = 3, tokenGpsd: UInt64 = 4
    static let tokenInput: UInt64 = 100, tokenMetricsConnection: UInt64 = 1_000

    let configPath: String
    var configuration: SiteConfiguration
    let log = DaemonLog()
    let loop: EpollLoop
    let signals: SignalChannel
    let timer: IntervalTimer
    let notifier = SystemdNotifier()
    let receivers: [UDPReceiver]
    let batch: ReceiveBatch
    var holder: PipelineHolder?
    /// Unchecked for the reason `PipelineHolder.pipeline` is.
    @exclusivity(unchecked) var sink: DaemonSink
    let gpsd: GpsdClient?
    var gpsdRegisteredConnects = 0
    let metrics: MetricsServer?
    let recorder: InputRecorder?
    var counters = DaemonCounters()
    let startedNs: Int64
    var running = true
    var lastWatchdogNs: Int64 = 0
    /// Radars now logged as silent (configuration order), and when the
    /// sensors were last checked (`checkSensors`).
    var silentRadars: [Bool] = []
    var lastSensorCheckNs: Int64 = 0

    /// Opens every socket and file of `configuration` (read from
    /// `configPath`, which SIGHUP reads again). Throws when a port cannot
    /// be bound or an endpoint resolved: the node cannot run as configured.
    public init(configuration c: SiteConfiguration, configPath: String) throws(DaemonError) {
        // Signals first: they must be blocked before any thread exists.
        signals = try SignalChannel()
        self.configPath = configPath
        configuration = c
        startedNs = Clock.realtimeNs()
        loop = try EpollLoop()
        timer = try IntervalTimer()
        batch = ReceiveBatch(count: c.limits.receiveBatch)
        var inputs: [UDPReceiver] = []
        var ports: [UInt16] = []
        for r in c.radars { for p in r.ports where !ports.contains(p) { ports.append(p) } }
        for p in [c.adsb.port, c.acoustic.port] where !ports.contains(p) { ports.append(p) }
        for p in ports { inputs.append(try UDPReceiver(port: p)) }
        receivers = inputs
        let output = try OutputSocket()
        sink = try DaemonSink(outputs: c.outputs, socket: output, log: log)
        metrics = c.metrics.enabled ? try MetricsServer(bind: c.metrics.bind, port: c.metrics.port) : nil
        if c.recording.enabled {
            recorder = try InputRecorder(settings: c.recording)
            sink.cueLog = try CueLog(directory: c.recording.directory!)
        } else {
            recorder = nil
        }
        if c.gpsd.enabled {
            var g = GpsdConfiguration(host: c.gpsd.host, port: c.gpsd.port)
            g.geoidSeparationM = c.node.geoidSeparationM
            g.reconnectInitialNs = 250_000_000
            g.reconnectMaxNs = 2_000_000_000
            gpsd = GpsdClient(configuration: g, nowNs: startedNs)
        } else {
            gpsd = nil
        }
        if let origin = c.node.origin { try makePipeline(origin: origin) }

        try loop.add(signals.fd, token: Self.tokenSignal)
        try loop.add(timer.fd, token: Self.tokenTimer)
        for (i, r) in receivers.enumerated() { try loop.add(r.fd, token: Self.tokenInput + UInt64(i)) }
        if let metrics { try loop.add(metrics.listener, token: Self.tokenMetrics) }
    }

    /// Call first in `main`, before anything can start a thread: blocks
    /// SIGTERM, SIGINT and SIGHUP for every thread (the loop reads them from
    /// a signalfd) and ignores SIGPIPE.
    public static func prepareProcess() { SignalChannel.blockSignals() }

    func makePipeline(origin: Geodetic) throws(DaemonError) {
        do {
            holder = PipelineHolder(try NodePipeline(configuration: configuration, origin: origin))
        } catch {
            throw .pipeline("\(configPath): \(error)")
        }
        log.write(
            .info, "origin",
            ["lat": "\(origin.latitudeDeg)", "lon": "\(origin.longitudeDeg)", "alt_m": "\(origin.heightM)"])
    }

    /// Runs until SIGTERM or SIGINT; returns the exit status (0).
    public func run() -> Int32 {
        log.write(
            .info, "start",
            [
                "config": configPath, "inputs": receivers.map { String($0.port) }.joined(separator: ","),
                "metrics": metrics.map { "\(configuration.metrics.bind):\($0.port)" } ?? "off",
                "recording": configuration.recording.directory ?? "off",
                "origin": configuration.node.origin == nil ? "gpsd" : "configured",
            ])
        notifier.notify("READY=1")
        if let gpsd { pollGpsd(gpsd, nowNs: Clock.realtimeNs()) }
        while running {
            let nowNs = Clock.realtimeNs()
            armTimer(nowNs: nowNs)
            loop.wait(timeoutMs: waitTimeoutMs(nowNs: nowNs)) { token, readable, writable in
                handle(token: token)
            }
            afterWake(nowNs: Clock.realtimeNs())
        }
        notifier.notify("STOPPING=1")
        sink.cueLog?.sync()
        recorder?.flush()
        log.write(.info, "stop", ["datagrams": "\(counters.received)", "cues": "\(cueCount)"])
        return 0
    }

    var cueCount: UInt64 {
        guard let holder else { return 0 }
        let c = holder.pipeline.counters
        return c.cuesNew &+ c.cuesUpdate &+ c.cuesCancel
    }

    func handle(token: UInt64) {
        switch token {
        case Self.tokenSignal:
            signals.drain { request in
                switch request {
                case .stop: running = false
                case .reload: reload()
                }
            }
        case Self.tokenTimer:
            timer.acknowledge()
        case Self.tokenMetrics:
            metrics?.accept(nowNs: Clock.realtimeNs()) { slot, fd in
                try? loop.add(fd, token: Self.tokenMetricsConnection + UInt64(slot))
            }
        case Self.tokenGpsd:
            if let gpsd { pollGpsd(gpsd, nowNs: Clock.realtimeNs()) }
        case Self.tokenMetricsConnection...:
            let slot = Int(token - Self.tokenMetricsConnection)
            guard let metrics, slot < MetricsServer.maxConnections else { return }
            let fd = metrics.descriptor(slot: slot)
            // Write interest only while response bytes wait: level-triggered
            // EPOLLOUT on an idle socket would wake the loop without end.
            if metrics.service(slot: slot, render: { renderMetrics() }) == .needsWrite {
                loop.modify(fd, token: token, write: true)
            }
        case Self.tokenInput...:
            let i = Int(token - Self.tokenInput)
            if i < receivers.count { receive(from: receivers[i]) }
        default:
            break
        }
    }

    /// Reads up to `maxBatchesPerWake` batches from one socket into the pipeline.
    func receive(from receiver: UDPReceiver) {
        for _ in 0..<Self.maxBatchesPerWake {
            let n = receiver.receive(into: batch)
            let readNs = Clock.realtimeNs(), readCPUNs = Clock.threadCPUNs()
            if n == 0 {
                if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR { counters.receiveErrors &+= 1 }
                return
            }
            for i in 0..<n {
                counters.received &+= 1
                guard !batch.truncated(i) else {
                    counters.truncated &+= 1
                    continue
                }
                let arrivalNs: Int64
                if let t = batch.receiveTimeNs(i) {
                    arrivalNs = t
                } else {
                    counters.noTimestamp &+= 1
                    arrivalNs = Clock.realtimeNs()
                }
                let payload = batch.datagram(i)
                recorder?.record(payload, from: batch.source(i), port: receiver.port, timeNs: arrivalNs)
                guard let holder else {
                    counters.droppedNoOrigin &+= 1
                    continue
                }
                // As in the replay: the periodic work due before this datagram first.
                tickWhileDue(atNs: arrivalNs, holder: holder)
                sink.causeArrivalNs = arrivalNs
                sink.causeReadNs = readNs
                sink.causeReadCPUNs = readCPUNs
                holder.pipeline.receive(
                    datagram: payload, destinationPort: receiver.port, arrivalNs: arrivalNs, sink: &sink)
                sink.causeArrivalNs = nil
                sink.causeReadNs = nil
                sink.causeReadCPUNs = nil
            }
            if n < batch.count { return }
        }
    }

    /// Runs every tick due at or before `timeNs`, each at its due time as
    /// the replay does (so live and replay make the same decisions), or at
    /// `timeNs` when it is more than `maxTickLagNs` late.
    func tickWhileDue(atNs timeNs: Int64, holder: PipelineHolder) {
        while let due = holder.pipeline.nextDueNs, due <= timeNs {
            holder.pipeline.tick(nowNs: timeNs - due > Self.maxTickLagNs ? timeNs : due, sink: &sink)
            counters.ticks &+= 1
        }
    }

    func armTimer(nowNs: Int64) {
        if let due = holder?.pipeline.nextDueNs { timer.arm(atNs: max(due, nowNs + 1)) }
    }

    /// The epoll timeout: until gpsd's next deadline, the watchdog, or 1 s.
    func waitTimeoutMs(nowNs: Int64) -> Int32 {
        var deadline = nowNs + 1_000_000_000
        if let g = gpsd?.nextDeadlineNs { deadline = min(deadline, g) }
        if let w = notifier.watchdogIntervalNs { deadline = min(deadline, lastWatchdogNs + w) }
        let ms = (deadline - nowNs + 999_999) / 1_000_000
        return Int32(clamping: max(0, ms))
    }

    /// Work after every wake-up: gpsd deadlines, the due ticks, the cue
    /// events' journal lines (`DaemonLog.flushPending`), making the cue
    /// log durable (cues of this wake's datagrams and ticks), the watchdog,
    /// flushing the recording, expiring metrics connections.
    func afterWake(nowNs: Int64) {
        if let gpsd, let deadline = gpsd.nextDeadlineNs, deadline <= nowNs { pollGpsd(gpsd, nowNs: nowNs) }
        if let holder { tickWhileDue(atNs: nowNs, holder: holder) }
        log.flushPending()
        sink.cueLog?.sync()
        checkSensors(nowNs: nowNs)
        recorder?.flush()
        metrics?.expire(nowNs: nowNs)
        if let w = notifier.watchdogIntervalNs, nowNs - lastWatchdogNs >= w {
            notifier.notify("WATCHDOG=1")
            lastWatchdogNs = nowNs
            counters.watchdogPings &+= 1
        }
    }
}
