/// How good the node's own position is right now (ICD 1.4). Anything below
/// `fix2D` is a degraded mode: reported, never a stop.
public enum GpsdStatus: Int, Comparable, Equatable, Sendable {
    /// No connection to gpsd (never made, refused, or gpsd went away).
    case disconnected = 0
    /// Connected, but no TPV with mode >= 2 yet, the last one had mode < 2,
    /// or the last fix is older than `GpsdConfiguration.fixStaleAfterNs`.
    case connectedNoFix = 1
    /// Latitude and longitude are good.
    case fix2D = 2
    /// Latitude, longitude and altitude are good.
    case fix3D = 3

    /// True for the two degraded modes.
    public var isDegraded: Bool { self < .fix2D }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

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

/// What one `GpsdClient.poll` call delivers, in arrival order.
public enum GpsdEvent: Equatable, Sendable {
    case fix(OwnFix)
    case clockOffset(ClockOffset)
    /// The status changed at `atNs`; `error` is the libgps error behind a
    /// change to `.disconnected`, if any.
    case statusChanged(from: GpsdStatus, to: GpsdStatus, atNs: Int64, error: GpsdError?)
}
