/// What a track is believed to be. Only `.uncrewed` may ever be cued.
public enum TargetClass: UInt8, Sendable, BitwiseCopyable, CaseIterable {
    case unknown = 0
    case uncrewed = 1
    case crewed = 2
    case bird = 3

    /// The name used in reports (ICD 2.4).
    public var reportName: String {
        switch self {
        case .unknown: "unknown"
        case .uncrewed: "uncrewed"
        case .crewed: "crewed"
        case .bird: "bird"
        }
    }
}
