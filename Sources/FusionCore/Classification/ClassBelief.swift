/// The evidence items the classifier weighs, for operators and after-action
/// review: which of them decided a track's class.
public enum EvidenceItem: UInt8, Sendable, BitwiseCopyable, CaseIterable {
    case none = 0
    case cooperative = 1
    case radarCrossSection = 2
    case speed = 3
    case height = 4
    case acousticHint = 5

    public var reportName: String {
        switch self {
        case .none: "none"
        case .cooperative: "cooperative"
        case .radarCrossSection: "rcs"
        case .speed: "speed"
        case .height: "height"
        case .acousticHint: "acoustic"
        }
    }
}

/// A track's classification: posterior over uncrewed, crewed and bird, the
/// declared class (with hysteresis), and the evidence that weighed most.
@frozen
public struct ClassBelief: Sendable, BitwiseCopyable {
    /// Posterior probabilities of uncrewed, crewed, bird; they sum to 1.
    public var posterior: InlineArray<3, Double>
    public var declared: TargetClass
    /// The two evidence items with the largest log-likelihood ratio in favour
    /// of the declared class (or of uncrewed while unknown).
    public var decidingEvidence: InlineArray<2, EvidenceItem>
    /// True when cooperative crewed evidence vetoes uncrewed for good.
    public var cooperativeVeto: Bool

    @inlinable public init() {
        posterior = [1.0 / 3, 1.0 / 3, 1.0 / 3]
        declared = .unknown
        decidingEvidence = [.none, .none]
        cooperativeVeto = false
    }

    @inlinable public var pUncrewed: Double { posterior[0] }
    @inlinable public var pCrewed: Double { posterior[1] }
    @inlinable public var pBird: Double { posterior[2] }
}
