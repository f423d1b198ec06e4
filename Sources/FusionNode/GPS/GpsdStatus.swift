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
