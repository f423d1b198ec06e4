/// One CAT034 service message to be written (ICD 1.1): a north marker or a
/// sector crossing, in physical units; `Cat034Encoder` quantises it.
///
/// Items written: I034/010, /000, /030 always; /020 with `sectorDeg`, /041
/// with `antennaPeriodS`, /120 with `position`.
public struct Cat034Service: Sendable, BitwiseCopyable, Equatable {
    /// I034/000 message type.
    public enum Kind: UInt8, Sendable, BitwiseCopyable {
        case northMarker = 1
        case sectorCrossing = 2
    }

    /// The radar's position as I034/120 carries it.
    public struct Position: Sendable, BitwiseCopyable, Equatable {
        /// WGS84 latitude and longitude, degrees (180/2^23 deg, 24-bit signed).
        public var latitudeDeg: Double
        public var longitudeDeg: Double
        /// Height of the data source above mean sea level, metres (16-bit
        /// signed): a HAE height minus the geoid separation (shared ICD conventions).
        public var heightMSLM: Double

        public init(latitudeDeg: Double, longitudeDeg: Double, heightMSLM: Double) {
            self.latitudeDeg = latitudeDeg
            self.longitudeDeg = longitudeDeg
            self.heightMSLM = heightMSLM
        }
    }

    public var kind: Kind
    /// Message time (the antenna crossing north, or the sector), ns since
    /// the Unix epoch; I034/030 keeps its time of day, 1/128 s.
    public var timeNs: Int64
    /// Azimuth of the sector just crossed, degrees (I034/020, 360/2^8 deg).
    public var sectorDeg: Double?
    /// Antenna rotation period, seconds (I034/041, 1/128 s, up to 512 s).
    public var antennaPeriodS: Double?
    public var position: Position?

    public init(
        kind: Kind, timeNs: Int64, sectorDeg: Double? = nil, antennaPeriodS: Double? = nil, position: Position? = nil
    ) {
        self.kind = kind
        self.timeNs = timeNs
        self.sectorDeg = sectorDeg
        self.antennaPeriodS = antennaPeriodS
        self.position = position
    }
}
