/// What the daemon's edge counts beyond the pipeline: every datagram the
/// sockets delivered, and the ways one can be lost before the pipeline.
struct DaemonCounters {
    /// Datagrams read from the input sockets.
    var received: UInt64 = 0
    /// Datagrams whose kernel receive time was missing (the clock was used).
    var noTimestamp: UInt64 = 0
    /// Datagrams larger than the receive slot (cannot happen for UDP; counted anyway).
    var truncated: UInt64 = 0
    /// Datagrams dropped because the frame's origin is not known yet (no
    /// `node.origin` and no gpsd fix so far).
    var droppedNoOrigin: UInt64 = 0
    /// recvmmsg errors other than "nothing waiting".
    var receiveErrors: UInt64 = 0
    var ticks: UInt64 = 0
    var reloads: UInt64 = 0
    var reloadFailures: UInt64 = 0
    var watchdogPings: UInt64 = 0
    /// gpsd fixes given to the pipeline as the node's own position.
    var ownFixesApplied: UInt64 = 0
}

/// Holds the pipeline once the frame's origin is known (a class, since the
/// pipeline is non-copyable and may be absent at start).
final class PipelineHolder {
    /// Unchecked: only the fusion thread touches it, never re-entrantly;
    /// the dynamic exclusivity checks (`swift_beginAccess` through TLS) on
    /// every datagram cost 2.5 % of the node's CPU at 10,000 datagrams/s
    /// (`perf record`, Benchmarks/README.md "End to end on loopback").
    @exclusivity(unchecked) var pipeline: NodePipeline

    init(_ pipeline: consuming NodePipeline) { self.pipeline = pipeline }
}
