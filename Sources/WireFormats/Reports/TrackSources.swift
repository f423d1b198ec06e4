/// Which kinds of sensor contributed to a track (ICD 2.4 `sources`).
public struct TrackSources: OptionSet, Sendable, BitwiseCopyable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let radar = TrackSources(rawValue: 1 << 0)
    public static let acoustic = TrackSources(rawValue: 1 << 1)
    public static let adsb = TrackSources(rawValue: 1 << 2)
    /// A track received from a neighbouring node.
    public static let remote = TrackSources(rawValue: 1 << 3)

    /// Report names in the fixed order they are written.
    static let named: [(TrackSources, StaticString)] = [
        (.radar, "radar"), (.acoustic, "acoustic"), (.adsb, "adsb"), (.remote, "remote"),
    ]
}

/// Whether a reported track was updated by a measurement in its last period
/// (ICD 2.4 `status`).
public enum TrackReportStatus: UInt8, Sendable, BitwiseCopyable, CaseIterable {
    case confirmed = 0
    case coasting = 1

    public var reportName: StaticString {
        switch self {
        case .confirmed: "confirmed"
        case .coasting: "coasting"
        }
    }
}
