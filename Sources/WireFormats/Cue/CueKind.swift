/// The lifecycle step a cue event reports (ICD 2.3): a new engagement
/// proposal, an update of it, or its cancellation.
public enum CueKind: UInt8, Sendable, BitwiseCopyable, CaseIterable {
    case new = 1
    case update = 2
    case cancel = 3

    /// The name used in cues.jsonl and CoT (ICD 2.4).
    public var reportName: StaticString {
        switch self {
        case .new: "new"
        case .update: "update"
        case .cancel: "cancel"
        }
    }
}
