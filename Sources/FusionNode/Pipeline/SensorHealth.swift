/// What the node has heard from each of its sensors, for the operator: a
/// dead radar or an array whose datagrams are being lost must show on the
/// metrics page and in the log, not only as tracks that quietly coast out.
/// A snapshot built on request (scrape, tick), never on the datagram path.
/// Times are ns since the Unix epoch on the pipeline's clock (arrival times).
public struct SensorHealth: Sendable, Equatable {
    /// One configured radar.
    public struct Radar: Sendable, Equatable {
        public var name: String
        public var sac: UInt8
        public var sic: UInt8
        /// Arrival time of its newest CAT048 or CAT034 record; nil if none yet.
        public var lastHeardNs: Int64?
        /// Its records (plots and service messages) since start.
        public var records: UInt64
        /// Its antenna period, ns.
        public var periodNs: Int64

        /// How long it may stay quiet before it counts as silent: three
        /// antenna periods (a radar sends at least its north marker every
        /// scan, plots or not), at least 3 s.
        public var silentAfterNs: Int64 { max(3 * periodNs, 3_000_000_000) }

        /// Silent at `nowNs`: never heard, or quiet for longer than `silentAfterNs`.
        public func isSilent(atNs nowNs: Int64) -> Bool {
            guard let lastHeardNs else { return true }
            return nowNs &- lastHeardNs > silentAfterNs
        }
    }

    /// One acoustic sensor met so far. Arrays report only while they hear
    /// something (ICD 1.3), so a quiet array is not a fault; a gap in its
    /// datagram sequence numbers is lost reports.
    public struct Acoustic: Sendable, Equatable {
        public var sensorId: UInt32
        public var lastHeardNs: Int64
        public var reports: UInt64
        /// Sequence numbers skipped (datagrams lost on the way), less those
        /// that arrived late after all.
        public var lostReports: UInt64
        /// Sequence numbers that jumped by more than `SequenceGap.restartJump`
        /// either way: the sensor restarted (no loss counted).
        public var restarts: UInt64
    }

    public var radars: [Radar]
    public var acoustic: [Acoustic]
}

/// Per-source datagram sequence tracking (SKAC's u32 counter, +1 per
/// datagram, wrapping): counts what went missing without growing.
struct SequenceGap: Sendable {
    /// A jump at least this large, either way, is a restart, not a loss.
    static let restartJump: Int32 = 1_024
    private(set) var last: UInt32?
    private(set) var lost: UInt64 = 0
    private(set) var restarts: UInt64 = 0

    mutating func note(_ sequence: UInt32) {
        guard let last else {
            self.last = sequence
            return
        }
        let step = Int32(bitPattern: sequence &- last)
        if step > 0 && step < Self.restartJump {
            lost &+= UInt64(step - 1)
            self.last = sequence
        } else if step < 0 && step > -Self.restartJump {
            // A datagram overtaken on the way: it was counted lost.
            if lost > 0 { lost -= 1 }
        } else if step != 0 {
            restarts &+= 1
            self.last = sequence
        }
    }
}
