import WireFormats

/// What arrived on one configured UDP port.
public struct PortCounters: Sendable, Equatable {
    /// How the node reads the port.
    public enum Role: UInt8, Sendable, BitwiseCopyable {
        /// ASTERIX: CAT048/CAT034 from radars, CAT021 from the ADS-B feed.
        case asterix
        /// SKAC acoustic reports.
        case acoustic
    }

    public var port: UInt16
    public var role: Role
    /// Who sends here, for reports (e.g. `radar R1, R2`, `adsb`).
    public var label: String
    public var datagrams: UInt64 = 0
    /// ASTERIX records decoded, or SKAC detections in accepted datagrams;
    /// duplicates included.
    public var records: UInt64 = 0
    /// Blocks, records or items (ASTERIX) or datagrams (SKAC) rejected.
    public var rejected: UInt64 = 0

    public init(port: UInt16, role: Role, label: String) {
        self.port = port
        self.role = role
        self.label = label
    }
}

/// Why a decoded record gave no measurement (beyond the decoders' own
/// rejections, `AsterixRejection` and `SKACRejection`).
public enum RecordRejection: UInt8, Sendable, CaseIterable {
    /// A CAT048/CAT034 SAC/SIC that no configured radar has.
    case unknownRadar = 0
    /// A plot from a radar whose site is not known yet (no configured
    /// position and no I034/120 received).
    case radarSiteUnknown
    /// A CAT048 plot without I048/040, or a CAT021 report without a position.
    case noPosition
    /// A CAT021 report from a source other than the configured ADS-B station.
    case adsbOtherSource
    /// More measurements in one datagram than the buffer holds.
    case bufferFull
    /// An acoustic sensor beyond `limits.max_acoustic_sensors`.
    case acousticTableFull
    /// A position or angle that is not finite after conversion.
    case badValue

    /// The name used in summaries.
    public var reportName: String {
        switch self {
        case .unknownRadar: "unknown_radar"
        case .radarSiteUnknown: "radar_site_unknown"
        case .noPosition: "no_position"
        case .adsbOtherSource: "adsb_other_source"
        case .bufferFull: "buffer_full"
        case .acousticTableFull: "acoustic_table_full"
        case .badValue: "bad_value"
        }
    }
}

/// The pipeline's counters, monotonic; engine counters are kept by the
/// engine (`NodePipeline.engineCounters`).
public struct PipelineCounters: Sendable {
    /// Datagrams received on any port, and on no configured port.
    public var datagrams: UInt64 = 0
    public var unroutedDatagrams: UInt64 = 0
    /// Records decoded, duplicates included.
    public var cat048Records: UInt64 = 0
    public var cat034Records: UInt64 = 0
    public var cat021Records: UInt64 = 0
    /// Acoustic datagrams accepted and their detections.
    public var skacReports: UInt64 = 0
    public var skacDetections: UInt64 = 0
    /// ASTERIX records dropped as copies from a redundant network.
    public var duplicates: UInt64 = 0
    /// SIM = 1 plots (I048/020) and simulated ADS-B reports (I021/040),
    /// ignored by policy (ICD 1.1).
    public var simulated: UInt64 = 0
    /// I034/120 positions that set or moved a radar's site.
    public var radarSiteUpdates: UInt64 = 0
    /// Measurements handed to the engine.
    public var measurements: UInt64 = 0
    /// Records without a measurement, by reason.
    public var recordRejections = ReasonCounts<RecordRejection>()
    /// Decoder rejections.
    public var asterixRejections = AsterixRejectionCounts()
    public var skacRejections = ReasonCounts<SKACRejection>()
    /// Cue events by kind, and cue datagrams that could not be encoded.
    public var cuesNew: UInt64 = 0
    public var cuesUpdate: UInt64 = 0
    public var cuesCancel: UInt64 = 0
    public var cueEncodeFailures: UInt64 = 0
    /// Output datagrams by kind.
    public var cat062Blocks: UInt64 = 0
    public var cotTrackEvents: UInt64 = 0
    public var cueDatagrams: UInt64 = 0
    /// Track report lines written.
    public var trackReports: UInt64 = 0

    public init() {}
}
