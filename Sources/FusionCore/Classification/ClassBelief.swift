/// The evidence terms the classifier weighs, for operators and after-action
/// review: which of them decided a track's class.
public enum EvidenceItem: UInt8, Sendable, BitwiseCopyable, CaseIterable {
    case none = 0
    /// ADS-B emitter category, Mode S / SSR replies.
    case cooperative = 1
    /// Mean radar cross-section.
    case radarCrossSection = 2
    case speed = 3
    case height = 4
    /// Acoustic source hint (piston, electric rotors, turbine, rotor).
    case acousticHint = 5
    /// Scan-to-scan fluctuation of the radar cross-section (wingbeat, flocks).
    case rcsFluctuation = 6
    /// Vertical speed.
    case climb = 7
    /// Acoustic harmonic fundamental.
    case fundamental = 8
    /// Share of the track's flight spent turning (`TurnWindows`).
    case turnRate = 9
    /// Mean climb over the track's straight runs (`StraightRunClimb`).
    case straightClimb = 10

    /// Terms that enter the Bayes sum (every case but `.none`).
    public static var termCount: Int { 10 }

    /// The term's name in reports (`tracks.jsonl` `decided_by`); static
    /// text, so that writing it never touches the heap.
    public var reportName: StaticString {
        switch self {
        case .none: "none"
        case .cooperative: "cooperative"
        case .radarCrossSection: "rcs"
        case .speed: "speed"
        case .height: "height"
        case .acousticHint: "acoustic_hint"
        case .rcsFluctuation: "rcs_fluctuation"
        case .climb: "climb"
        case .fundamental: "fundamental"
        case .turnRate: "turn_rate"
        case .straightClimb: "straight_climb"
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
    /// The two evidence terms with the largest log-likelihood ratio (nats)
    /// in favour of the declared class against the best other class (for
    /// `.unknown`: in favour of uncrewed, i.e. what there is toward a cue),
    /// and those margins; `.none` when no term favours it.
    public var decidingEvidence: InlineArray<2, EvidenceItem>
    public var decidingMarginNats: InlineArray<2, Double>
    /// True when cooperative crewed evidence vetoes uncrewed for good.
    public var cooperativeVeto: Bool
    /// True when a helicopter rotor heard on the track kept it from being
    /// declared uncrewed in this classification
    /// (`ClassifierConfiguration.crewedHintVetoWeight`): the posterior may
    /// say uncrewed while the declared class says unknown.
    public var rotorVeto: Bool

    @inlinable public init() {
        posterior = [1.0 / 3, 1.0 / 3, 1.0 / 3]
        declared = .unknown
        decidingEvidence = [.none, .none]
        decidingMarginNats = [0, 0]
        cooperativeVeto = false
        rotorVeto = false
    }

    @inlinable public var pUncrewed: Double { posterior[0] }
    @inlinable public var pCrewed: Double { posterior[1] }
    @inlinable public var pBird: Double { posterior[2] }
}
