/// Life-cycle state of a track.
public enum TrackStatus: UInt8, Sendable, BitwiseCopyable {
    /// Started from unassociated measurements; not yet M-of-N confirmed. Not reported.
    case tentative = 0
    /// Confirmed and updated within its revisit period.
    case confirmed = 1
    /// Confirmed, but missed at least one revisit: predicted only.
    case coasting = 2

    /// The name used in reports (ICD 2.4); tentative tracks are never reported.
    public var reportName: String {
        switch self {
        case .tentative: "tentative"
        case .confirmed: "confirmed"
        case .coasting: "coasting"
        }
    }
}

/// Which kinds of sensor have contributed to a track, as a bit set.
@frozen
public struct SensorKinds: OptionSet, Sendable, BitwiseCopyable {
    public var rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let radar = SensorKinds(rawValue: 1 << 0)
    public static let acoustic = SensorKinds(rawValue: 1 << 1)
    public static let adsb = SensorKinds(rawValue: 1 << 2)
    public static let remote = SensorKinds(rawValue: 1 << 3)

    @inlinable public init(kind: MeasurementKind) {
        switch kind {
        case .radar: self = .radar
        case .bearing: self = .acoustic
        case .position: self = .adsb
        }
    }
}
