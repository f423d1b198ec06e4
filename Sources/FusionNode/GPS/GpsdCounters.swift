/// Running totals since the client was made. They only grow.
public struct GpsdCounters: Equatable, Sendable {
    /// Calls to `gps_open` made.
    public var connectAttempts: Int = 0
    /// Connections made and watching.
    public var connects: Int = 0
    /// Connections lost (gpsd closed, died, or the socket failed).
    public var disconnects: Int = 0
    /// JSON reports read (`gps_read` > 0), of any class.
    public var reads: Int = 0
    /// TPV reports with mode >= 2 delivered as `OwnFix`.
    public var fixes: Int = 0
    /// TOFF and PPS reports delivered as `ClockOffset`.
    public var clockOffsets: Int = 0
    /// Times the fix went stale (no TPV with mode >= 2 within
    /// `fixStaleAfterNs`) while connected.
    public var staleFixes: Int = 0

    public init() {}
}
