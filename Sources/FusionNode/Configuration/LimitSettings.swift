/// Sizes fixed at start-up and bounds on lateness.
///
/// JSON section `limits` (optional; all keys optional). The node allocates
/// its track table, histories and receive buffers once from these, so no
/// queue grows without bound while it runs.
public struct LimitSettings: Sendable, Equatable {
    /// Tracks the table holds (tentative, confirmed and coasting together).
    public var trackCapacity: Int
    /// Oldest measurement, seconds behind its track's latest update, that is
    /// still fused (reprocessed); older ones are dropped and counted.
    public var maxLagS: Double
    /// Measurements kept per track for out-of-sequence reprocessing.
    public var historyDepth: Int
    /// Datagrams read per `recvmmsg` call.
    public var receiveBatch: Int
    /// Acoustic sensors whose sequence windows are tracked.
    public var maxAcousticSensors: Int

    public init(
        trackCapacity: Int = 1024, maxLagS: Double = 4.0, historyDepth: Int = 32, receiveBatch: Int = 32,
        maxAcousticSensors: Int = 64
    ) {
        self.trackCapacity = trackCapacity
        self.maxLagS = maxLagS
        self.historyDepth = historyDepth
        self.receiveBatch = receiveBatch
        self.maxAcousticSensors = maxAcousticSensors
    }
}

extension LimitSettings {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        let d = LimitSettings()
        self.init(
            trackCapacity: r.integer("track_capacity", in: 1...65_536, default: d.trackCapacity),
            maxLagS: r.number("max_lag_s", .positiveUpTo(60), default: d.maxLagS),
            historyDepth: r.integer("history_depth", in: 1...1_024, default: d.historyDepth),
            receiveBatch: r.integer("receive_batch", in: 1...1_024, default: d.receiveBatch),
            maxAcousticSensors: r.integer("max_acoustic_sensors", in: 1...4_096, default: d.maxAcousticSensors))
    }
}
