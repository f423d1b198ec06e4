/// The UDP datagrams a scenario's sensors send to the node, as a capture
/// would hold them: payloads back to back in one byte arena (no array per
/// datagram), and an index of datagrams that `sortByArrival()` puts in the
/// order the node receives them.
///
/// Addresses are IPv4 (a.b.c.d = a<<24 | ...); times ns since the Unix epoch.
public struct SimulatedCapture: Sendable {
    /// Which sensor stream a datagram belongs to.
    public enum Stream: UInt8, Sendable, BitwiseCopyable {
        /// CAT048 plots of one azimuth sector.
        case radarPlots
        /// A CAT034 north marker.
        case radarService
        /// A CAT021 ADS-B report.
        case adsb
        /// An SKAC acoustic report.
        case acoustic
    }

    /// One datagram: where it came from, where it goes, when it arrives.
    public struct Datagram: Sendable, BitwiseCopyable, Equatable {
        /// Capture (arrival) time at the node, ns since the Unix epoch.
        public var arrivalNs: Int64
        public var sourceIPv4: UInt32
        public var sourcePort: UInt16
        public var destinationPort: UInt16
        public var stream: Stream
        /// Index of the sensor within its stream's list (radar, acoustic sensor; 0 for ADS-B).
        public var sensor: Int
        /// The payload's place in `bytes`.
        public var payloadStart: Int
        public var payloadCount: Int
    }

    /// A radar plot as it was encoded into the capture, in encoding order
    /// (per radar, the order its CAT048 records appear in the capture).
    public struct RadarPlotEntry: Sendable {
        public var radar: Int
        public var plot: RadarPlot
        /// The truth target's id; nil for clutter.
        public var truthID: Int?
    }

    /// Every radar plot encoded, for checking a capture against its source.
    public internal(set) var radarPlots: [RadarPlotEntry] = []
    /// Every payload, back to back.
    public private(set) var bytes: [UInt8] = []
    /// The datagrams, in arrival order once `sortByArrival()` ran.
    public private(set) var datagrams: [Datagram] = []

    public init() {}

    /// The payload of `d`.
    public func payload(_ d: Datagram) -> ArraySlice<UInt8> { bytes[d.payloadStart..<(d.payloadStart + d.payloadCount)] }

    /// Appends a datagram whose payload `write` appends to the arena (and
    /// nothing else). An empty payload is dropped.
    public mutating func append(
        arrivalNs: Int64, sourceIPv4: UInt32, sourcePort: UInt16, destinationPort: UInt16, stream: Stream,
        sensor: Int, write: (inout [UInt8]) -> Void
    ) {
        let start = bytes.count
        write(&bytes)
        guard bytes.count > start else { return }
        datagrams.append(
            Datagram(
                arrivalNs: arrivalNs, sourceIPv4: sourceIPv4, sourcePort: sourcePort, destinationPort: destinationPort,
                stream: stream, sensor: sensor, payloadStart: start, payloadCount: bytes.count - start))
    }

    /// Puts the datagrams in arrival order; equal times keep the order they
    /// were appended in, so the result is deterministic.
    public mutating func sortByArrival() {
        datagrams = datagrams.enumerated().sorted {
            ($0.element.arrivalNs, $0.offset) < ($1.element.arrivalNs, $1.offset)
        }.map(\.element)
    }
}
