import FusionMath

/// A classifier configuration and everything `EvidenceClassifier` derives
/// from it alone, worked out once when the configuration is set, indexed by
/// profile (`ClassifierConfiguration.profiles`, 0..<8) and class (0
/// uncrewed, 1 crewed, 2 bird; `EvidenceClassifier.classIndex`): the
/// profiles' mixtures ready for `logDensity`, the logs of their mixture
/// weights, the prior, turn shares and hint likelihoods.
///
/// A class, immutable: the classifier holds one reference, so that calling
/// it copies 8 bytes, not the ~4 KB of profiles. Held in the engine as a
/// value, the optimiser copied the whole classifier for every call from
/// `fuse` (a fifth of `process`, Benchmarks/README.md) and the profile it
/// read for every term inside `classify`. Every derived number is computed
/// with the operations the classifier used per call, so classification is
/// bit for bit what it was (`ClassifierTablesTests`).
final class ClassifierTables: Sendable {
    let configuration: ClassifierConfiguration
    /// Per profile: mean RCS, RCS fluctuation, horizontal speed, height,
    /// climb, fundamental (nil: a silent profile).
    let rcsDbsm: InlineArray<8, PreparedMixture1D>
    let rcsFluctuationDb: InlineArray<8, PreparedMixture1D>
    let speedMps: InlineArray<8, PreparedMixture1D>
    let heightM: InlineArray<8, PreparedMixture1D>
    let climbMps: InlineArray<8, PreparedMixture1D>
    let fundamentalHz: InlineArray<8, PreparedMixture1D?>
    /// Per profile: mean climb over straight runs (`StraightRunClimb`).
    let straightClimbMps: InlineArray<8, PreparedMixture1D>
    let maxGroundSpeedMps: InlineArray<8, Double>
    /// Profiles with a positive weight (the others take no part in Bayes).
    let isWeighted: InlineArray<8, Bool>
    /// The class index of each profile.
    let classIndex: InlineArray<8, Int>
    /// ln(w_s / W_k): the profile's weight within its class's mixture.
    let logMixtureWeight: InlineArray<8, Double>
    /// ln P(k) of each class.
    let logPrior: InlineArray<3, Double>
    /// The cooperative term of each profile for a UAV emitter category, and
    /// for a transponder (reply or ICAO address).
    let unmannedCategoryNats: InlineArray<8, Double>
    let transponderNats: InlineArray<8, Double>
    /// ln q and ln(1 - q) of each profile's turning share q, clamped to
    /// [0.05, 0.95].
    let logTurning: InlineArray<8, Double>
    let logStraight: InlineArray<8, Double>
    /// ln r and ln(1 - r) of each profile's steady-speed share r of its
    /// straight windows, clamped to [0.05, 0.95].
    let logSteady: InlineArray<8, Double>
    let logUnsteady: InlineArray<8, Double>
    /// ln max(likelihood, 1e-6) of hint h for profile s, at `s * 5 + h`.
    let logHintLikelihood: InlineArray<40, Double>
    /// ln of `strayFundamentalDensity`.
    let logStrayFundamentalDensity: Double
    /// Weighted crewed profiles whose likeliest hint is the helicopter
    /// rotor (hint 4), for the rotor veto's radar exception.
    let isRotorcraft: InlineArray<8, Bool>

    init(_ c: ClassifierConfiguration) {
        configuration = c
        let p = c.profiles
        var classWeight: InlineArray<3, Double> = [0, 0, 0]
        for s in 0..<8 { classWeight[EvidenceClassifier.classIndex(p[s].targetClass)] += max(0, p[s].weight) }
        let never = PreparedMixture1D(GaussianMixture1D(mean: 0, sigma: 1))
        var rcs = InlineArray<8, PreparedMixture1D>(repeating: never), fluctuation = rcs, speed = rcs
        var height = rcs, climb = rcs, straightClimb = rcs
        var fundamental = InlineArray<8, PreparedMixture1D?>(repeating: nil)
        var maxSpeed = InlineArray<8, Double>(repeating: 0), mixtureWeight = maxSpeed
        var unmanned = maxSpeed, transponder = maxSpeed, turning = maxSpeed, straight = maxSpeed
        var steady = maxSpeed, unsteady = maxSpeed
        var weighted = InlineArray<8, Bool>(repeating: false), rotorcraft = weighted
        var classes = InlineArray<8, Int>(repeating: 0)
        var hints = InlineArray<40, Double>(repeating: 0)
        for s in 0..<8 {
            let profile = p[s]
            rcs[s] = PreparedMixture1D(profile.rcsDbsm)
            fluctuation[s] = PreparedMixture1D(profile.rcsFluctuationDb)
            speed[s] = PreparedMixture1D(profile.speedMps)
            height[s] = PreparedMixture1D(profile.heightM)
            climb[s] = PreparedMixture1D(profile.climbMps)
            straightClimb[s] = PreparedMixture1D(profile.straightClimbMps)
            fundamental[s] = profile.fundamentalHz.map { PreparedMixture1D($0) }
            maxSpeed[s] = profile.maxGroundSpeedMps
            let cls = profile.targetClass
            let k = EvidenceClassifier.classIndex(cls)
            classes[s] = k
            weighted[s] = profile.weight > 0
            mixtureWeight[s] = weighted[s] ? Math.log(profile.weight / classWeight[k]) : -Double.infinity
            unmanned[s] = cls == .uncrewed ? 0 : (cls == .crewed ? Math.log(1e-2) : Math.log(1e-3))
            transponder[s] = cls == .bird ? Math.log(1e-4) : 0
            let q = min(0.95, max(0.05, profile.turningShare))
            turning[s] = Math.log(q)
            straight[s] = Math.log(1 - q)
            let r = min(0.95, max(0.05, profile.steadySpeedShare))
            steady[s] = Math.log(r)
            unsteady[s] = Math.log(1 - r)
            let h = profile.hintLikelihood
            for i in 0..<5 { hints[s * 5 + i] = Math.log(max(h[i], 1e-6)) }
            rotorcraft[s] = weighted[s] && cls == .crewed && h[4] > h[1] && h[4] > h[2] && h[4] > h[3]
        }
        rcsDbsm = rcs
        rcsFluctuationDb = fluctuation
        speedMps = speed
        heightM = height
        climbMps = climb
        straightClimbMps = straightClimb
        fundamentalHz = fundamental
        maxGroundSpeedMps = maxSpeed
        isWeighted = weighted
        classIndex = classes
        logMixtureWeight = mixtureWeight
        var prior = InlineArray<3, Double>(repeating: 0)
        for k in 0..<3 { prior[k] = Math.log(c.prior[k]) }
        logPrior = prior
        unmannedCategoryNats = unmanned
        transponderNats = transponder
        logTurning = turning
        logStraight = straight
        logSteady = steady
        logUnsteady = unsteady
        logHintLikelihood = hints
        logStrayFundamentalDensity = Math.log(c.strayFundamentalDensity)
        isRotorcraft = rotorcraft
    }
}
