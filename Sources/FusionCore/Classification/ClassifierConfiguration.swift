import FusionMath

/// A one-dimensional likelihood model: a mixture of up to three Gaussians,
/// each a (weight, mean, standard deviation). Used for a class's RCS, speed
/// and altitude distributions.
@frozen
public struct GaussianMixture1D: Sendable, BitwiseCopyable {
    public var weights: InlineArray<3, Double>
    public var means: InlineArray<3, Double>
    public var sigmas: InlineArray<3, Double>

    @inlinable public init(_ components: InlineArray<3, (weight: Double, mean: Double, sigma: Double)>) {
        weights = InlineArray(repeating: 0)
        means = InlineArray(repeating: 0)
        sigmas = InlineArray(repeating: 1)
        for i in 0..<3 {
            weights[i] = components[i].weight
            means[i] = components[i].mean
            sigmas[i] = components[i].sigma
        }
    }

    /// Density at `x` with extra measurement variance `extraVariance`.
    @inlinable public func density(_ x: Double, extraVariance: Double = 0) -> Double {
        var p = 0.0
        for i in 0..<3 where weights[i] > 0 {
            let v = sigmas[i] * sigmas[i] + extraVariance
            let d = x - means[i]
            p += weights[i] * Math.exp(-0.5 * d * d / v) / (2 * Double.pi * v).squareRoot()
        }
        return p
    }
}

/// Class models and decision thresholds of the evidence classifier. The
/// numbers are open-literature orders of magnitude, documented where they sit;
/// they are meant to be refined per site from recorded tracks.
public struct ClassifierConfiguration: Sendable {
    /// Prior probabilities of uncrewed, crewed, bird before any evidence.
    /// Near a protected zone in wartime drones are common, but birds are the
    /// commonest radar target of all.
    public var prior: InlineArray<3, Double> = [0.3, 0.3, 0.4]
    /// Posterior needed to declare uncrewed (the only class that can be cued),
    /// and the level below which a declared uncrewed falls back to unknown.
    public var declareUncrewed = 0.99
    public var releaseUncrewed = 0.95
    /// The same for crewed and bird (no engagement hangs on these).
    public var declareOther = 0.90
    public var releaseOther = 0.80
    /// Fused updates a track needs before any class is declared.
    public var minUpdates: UInt32 = 5
    /// Caps on how many samples of a summary count: correlated plots are not
    /// independent evidence.
    public var maxEffectiveRcsSamples = 8.0
    public var maxEffectiveHintWeight = 4.0
    /// Per-plot RCS measurement scatter, dB (Swerling fluctuation plus
    /// amplitude calibration).
    public var rcsPlotSigmaDb = 6.0

    /// RCS, dBsm. Uncrewed: multirotors about -20, piston one-way attack
    /// drones -10..0, jet drones about 0. Crewed: light aircraft and
    /// ultralights -5..+6 (wide: a small wooden or composite airframe seen
    /// nose-on is as small as a large drone), helicopters +5..+10, airliners
    /// +20..+30. Birds -40..-20. The overlap between light aircraft and
    /// piston drones is real: there, RCS alone must not decide.
    public var rcsUncrewed = GaussianMixture1D([(0.35, -18, 4), (0.45, -6, 4), (0.2, 0, 4)])
    public var rcsCrewed = GaussianMixture1D([(0.4, 1, 4), (0.3, 8, 3), (0.3, 23, 5)])
    public var rcsBird = GaussianMixture1D([(1, -30, 6), (0, 0, 1), (0, 0, 1)])

    /// Horizontal speed, m/s. Multirotors 5..25, piston drones 40..60, jet
    /// drones 100..200; helicopters and light aircraft 30..80, airliners
    /// 100..250; birds 5..25 (flocks on migration up to ~30).
    public var speedUncrewed = GaussianMixture1D([(0.3, 15, 8), (0.45, 50, 10), (0.25, 140, 40)])
    public var speedCrewed = GaussianMixture1D([(0.3, 35, 20), (0.4, 60, 15), (0.3, 200, 50)])
    public var speedBird = GaussianMixture1D([(1, 13, 6), (0, 0, 1), (0, 0, 1)])

    /// Height above the node's origin, metres.
    public var heightUncrewed = GaussianMixture1D([(0.5, 150, 150), (0.5, 1200, 900), (0, 0, 1)])
    public var heightCrewed = GaussianMixture1D([(0.4, 600, 500), (0.6, 4000, 4000), (0, 0, 1)])
    public var heightBird = GaussianMixture1D([(0.8, 150, 150), (0.2, 800, 600), (0, 0, 1)])

    /// Likelihood of an acoustic source hint (ICD 1.3: 1 piston, 2 electric
    /// rotors, 3 turbine or jet, 4 helicopter main rotor) under uncrewed,
    /// crewed, bird. Piston is ambiguous by design: light aircraft have
    /// piston engines too.
    public var hintLikelihood: InlineArray<5, InlineArray<3, Double>> = [
        [1, 1, 1],
        [1.0, 0.8, 0.02],
        [1.0, 0.02, 0.02],
        [1.0, 1.0, 0.01],
        [0.01, 1.0, 0.01],
    ]

    public init() {}
}
