/// Settings of the gpsd client. Durations in ns, as every time in the node.
public struct GpsdConfiguration: Equatable, Sendable {
    /// gpsd's address. Loopback by default: gpsd listens there (ICD 1.4).
    public var host: String = "127.0.0.1"
    public var port: UInt16 = 2947
    /// Ask for TOFF/PPS reports (`WATCH_PPS`), the source of `ClockOffset`.
    public var clockReports: Bool = true
    /// Geoid height above the WGS84 ellipsoid at the site, m, used only when
    /// gpsd reports `altMSL` without `altHAE` or `geoidSep`.
    public var geoidSeparationM: Double? = nil
    /// First wait before reconnecting after a failed or lost connection;
    /// doubled on each further failure up to `reconnectMaxNs`.
    public var reconnectInitialNs: Int64 = 250_000_000
    /// Longest wait between reconnect attempts.
    public var reconnectMaxNs: Int64 = 5_000_000_000
    /// A fix older than this (by the node's clock) no longer counts: the
    /// status drops to `.connectedNoFix`. gpsd reports at 1 Hz or faster.
    public var fixStaleAfterNs: Int64 = 3_000_000_000
    /// At most this many reports are handled per `poll`, so one call stays
    /// short even when gpsd has a backlog queued.
    public var maxReportsPerPoll: Int = 64
    /// Upper bound on the wait a caller may ask `poll` for, µs.
    public var maxWaitUs: Int32 = 100_000

    public init(host: String = "127.0.0.1", port: UInt16 = 2947) {
        self.host = host
        self.port = port
    }
}
