/// The offset of the node's system clock from GPS time, from one gpsd TOFF
/// or PPS report (ICD 1.4). Times in ns since the Unix epoch (UTC).
///
/// gpsd pairs a GPS time (`real_sec`/`real_nsec`: the receiver's second,
/// or the instant of the pulse) with the system clock read at the same
/// moment (`clock_sec`/`clock_nsec`). TOFF is the serial-time estimate, good
/// to tens of ms (the NMEA sentence's transmission delay is in it); PPS is
/// the pulse edge, good to microseconds when the receiver has a PPS line.
/// gpsd sends both only to clients that watch with `"pps":true`.
public struct ClockOffset: Equatable, Sendable {
    public enum Source: Equatable, Sendable {
        /// A TOFF report: serial time of the receiver's fix.
        case toff
        /// A PPS report: the pulse edge.
        case pps
    }

    public var source: Source
    /// GPS (UTC) time of the event.
    public var gpsTimeNs: Int64
    /// The system clock at that event.
    public var systemTimeNs: Int64
    /// The node's clock when the client read the report.
    public var receivedNs: Int64

    /// System clock minus GPS time: positive when the system clock is ahead.
    /// Subtract it from a system timestamp to get GPS time.
    public var offsetNs: Int64 { systemTimeNs - gpsTimeNs }

    public init(source: Source, gpsTimeNs: Int64, systemTimeNs: Int64, receivedNs: Int64) {
        self.source = source
        self.gpsTimeNs = gpsTimeNs
        self.systemTimeNs = systemTimeNs
        self.receivedNs = receivedNs
    }
}
