/// What one `GpsdClient.poll` call delivers, in arrival order.
public enum GpsdEvent: Equatable, Sendable {
    case fix(OwnFix)
    case clockOffset(ClockOffset)
    /// The status changed at `atNs`; `error` is the libgps error behind a
    /// change to `.disconnected`, if any.
    case statusChanged(from: GpsdStatus, to: GpsdStatus, atNs: Int64, error: GpsdError?)
}
