/// One kind of target within a class (a multirotor, a light aircraft, a
/// flock of birds), as the classifier models it: joint distributions of
/// what the sensors can see of it, one feature at a time.
///
/// A class's likelihood is the mixture over its profiles, `p(e | class) =
/// sum_s w_s prod_f p(e_f | s)`: the features of one profile go together
/// (a glider is small *and* slow *and* silent), which separates a slow small
/// glider from a fast small drone where per-feature class mixtures would
/// not. Units: RCS and fluctuation dB(sm), speed m/s (horizontal), height m
/// above the node's origin, climb m/s (up), fundamental Hz.
public struct TargetProfile: Sendable {
    public var targetClass: TargetClass
    /// Prior weight within its class (the weights of a class need not sum
    /// to one: they are normalised per class).
    public var weight: Double
    /// Mean RCS of one target of the profile (the spread is between targets).
    public var rcsDbsm: GaussianMixture1D
    /// Standard deviation of its plots' RCS estimates, scan to scan, as seen
    /// through a radar with about 2 dB of amplitude noise.
    public var rcsFluctuationDb: GaussianMixture1D
    public var speedMps: GaussianMixture1D
    public var heightM: GaussianMixture1D
    public var climbMps: GaussianMixture1D
    /// The harmonic fundamental of its sound; nil for a target with no
    /// harmonic sound (glider, bird, jet), to which a heard fundamental can
    /// only belong by a wrong association.
    public var fundamentalHz: GaussianMixture1D?
    /// Probability of each acoustic source hint (ICD 1.3: 0 unknown, 1
    /// piston, 2 electric rotors, 3 turbine or jet, 4 helicopter main rotor)
    /// when a sensor reports one for it. Hint 0 is not weighed.
    public var hintLikelihood: InlineArray<5, Double>
    /// Highest horizontal ground speed the kind can fly, m/s: its
    /// never-exceed airspeed plus a strong low-level tailwind (25 m/s);
    /// infinity when no airframe limit is worth stating. Beyond it by more
    /// than the estimate's uncertainty the speed is a limit of physics, not
    /// a tail of the model, and its term may count up to
    /// `ClassifierConfiguration.maxEnvelopeNats` against the profile.
    public var maxGroundSpeedMps: Double
    /// Probability that a window of its flight (`TurnWindows.windowNs`)
    /// shows a sustained turn (`TurnWindows.turningRateRadPerS`).
    public var turningShare: Double
    /// Probability that a straight window of its flight shows a steady
    /// ground speed (`TurnWindows.steadySpeedChangeMps`), as the radar's
    /// filtered track sees it.
    public var steadySpeedShare: Double
    /// Mean climb over straight runs of a minute or more
    /// (`StraightRunClimb`), m/s: level for a powered aircraft on a leg,
    /// sinking at its polar's rate for a glider outside rising air.
    public var straightClimbMps: GaussianMixture1D

    public init(
        _ targetClass: TargetClass, weight: Double, rcsDbsm: GaussianMixture1D, rcsFluctuationDb: GaussianMixture1D,
        speedMps: GaussianMixture1D, heightM: GaussianMixture1D, climbMps: GaussianMixture1D,
        fundamentalHz: GaussianMixture1D?, hintLikelihood: InlineArray<5, Double>,
        maxGroundSpeedMps: Double = .infinity, turningShare: Double = 0.2, steadySpeedShare: Double = 0.6,
        straightClimbMps: GaussianMixture1D = GaussianMixture1D(mean: 0, sigma: 3)
    ) {
        self.targetClass = targetClass
        self.weight = weight
        self.rcsDbsm = rcsDbsm
        self.rcsFluctuationDb = rcsFluctuationDb
        self.speedMps = speedMps
        self.heightM = heightM
        self.climbMps = climbMps
        self.fundamentalHz = fundamentalHz
        self.hintLikelihood = hintLikelihood
        self.maxGroundSpeedMps = maxGroundSpeedMps
        self.turningShare = turningShare
        self.steadySpeedShare = steadySpeedShare
        self.straightClimbMps = straightClimbMps
    }

    /// Hint likelihoods of a source whose hint is `right` with probability
    /// 0.85 (a sensor's classifier), any other with the rest.
    public static func hints(right: Int) -> InlineArray<5, Double> {
        var h = InlineArray<5, Double>(repeating: 0.05)
        h[right] = 0.85
        return h
    }

    /// Hint likelihoods of a silent target: whatever hint reaches its track
    /// came from another source.
    public static var silentHints: InlineArray<5, Double> { InlineArray(repeating: 0.2) }
}
