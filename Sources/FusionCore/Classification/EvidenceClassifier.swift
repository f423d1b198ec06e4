import FusionMath

/// Classifies a track as uncrewed, crewed or bird from accumulated evidence,
/// by Bayes' rule over target profiles (see `TargetProfile`):
///
///     ln P(k | e) = ln P(k) + ln sum over profiles s of class k of
///                   (w_s / W_k) exp(sum over terms t of l_t(s)) - ln Z
///
/// with `l_t(s) = ln p(e_t | s)` for the terms of `EvidenceItem`: mean RCS
/// (the likelihood of the sample mean: profile spread plus plot scatter /
/// n), RCS fluctuation (the sample standard deviation, with its sampling
/// spread), horizontal speed, height and climb from the filter (their
/// variances widen the profile, so an unconverged track says little), the
/// share of its flight spent turning and, of its straight flight, the share
/// flown at a steady speed (`TurnWindows`: trinomial, over a capped number
/// of windows), the mean climb over its straight runs
/// (`StraightRunClimb`), the acoustic harmonic fundamental (sample
/// mean) and confidence-weighted source hints. Successive plots and reports of one target are correlated,
/// so every summary counts at most a capped number of samples, and each
/// term is capped at `maxTermNats` between profiles, except a speed beyond
/// a profile's airframe limit (`TargetProfile.maxGroundSpeedMps`) by three
/// sigmas, which counts up to `maxEnvelopeNats`. Cooperative signals
/// (ADS-B emitter category, transponder replies) are declarations, not
/// samples, and are weighed uncapped.
///
/// Safety rules, applied after Bayes and not negotiable by any likelihood:
/// cooperative crewed evidence forces P(uncrewed) = 0 and declares crewed;
/// uncrewed is declared only at or above `declareUncrewed` and after
/// `minUpdates` fused measurements; a declared class is kept until its
/// posterior falls below its release level (hysteresis), except that a
/// cooperative veto removes uncrewed at once; a helicopter rotor heard on
/// the track (`crewedHintVetoWeight`, `crewedHintVetoShare`) also removes
/// it at once, unless the radar shows the track far too small for a
/// helicopter (`crewedHintVetoRcsNats`).
public struct EvidenceClassifier: Sendable {
    /// The configuration and what it implies, behind one reference (see
    /// `ClassifierTables`): copying the classifier copies 8 bytes.
    var tables: ClassifierTables

    public var configuration: ClassifierConfiguration {
        get { tables.configuration }
        set { tables = ClassifierTables(newValue) }
    }

    public init(configuration: ClassifierConfiguration = ClassifierConfiguration()) {
        tables = ClassifierTables(configuration)
    }

    /// Per-term, per-profile log-likelihoods: term row `r` (`row(_:)`,
    /// `EvidenceItem.rawValue - 1`), profile `s` at `r * 8 + s`. Read and
    /// written through a pointer (`TermTable`): as an `InlineArray` value,
    /// the optimiser copied the whole 576-byte table for every element
    /// read.
    typealias TermTable = UnsafeMutablePointer<Double>

    /// The new belief for a track with `evidence` and kinematic `state`
    /// (height relative to the node's origin), given its previous belief.
    public func classify(
        _ evidence: TrackEvidence, state: GaussianState, updates: UInt32, previous: ClassBelief
    ) -> ClassBelief {
        var storage = InlineArray<80, Double>(repeating: 0)
        return withUnsafeMutableBytes(of: &storage) { bytes in
            let table = bytes.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: Double.self)
            return classify(evidence, state: state, updates: updates, previous: previous, table: table)
        }
    }

    /// `classify`, with `table` (80 zeros: 10 terms by 8 profiles) for the terms.
    func classify(
        _ evidence: TrackEvidence, state: GaussianState, updates: UInt32, previous: ClassBelief, table: TermTable
    ) -> ClassBelief {
        let tables = self.tables
        let veto = evidence.hasCooperativeCrewedEvidence
        terms(evidence, state: state, veto: veto, into: table)
        // Per profile: total log-likelihood; per class: the mixture.
        var total = InlineArray<8, Double>(repeating: 0)
        for s in 0..<8 {
            for t in 0..<EvidenceItem.termCount { total[s] += table[t * 8 + s] }
        }
        var logPosterior: InlineArray<3, Double> = [-Double.infinity, -Double.infinity, -Double.infinity]
        var bestProfile: InlineArray<3, Int> = [-1, -1, -1]
        for s in 0..<8 where tables.isWeighted[s] {
            let k = tables.classIndex[s]
            let term = tables.logMixtureWeight[s] + total[s]
            logPosterior[k] = Self.logAddExp(logPosterior[k], term)
            if bestProfile[k] < 0 || total[s] > total[bestProfile[k]] { bestProfile[k] = s }
        }
        for k in 0..<3 { logPosterior[k] += tables.logPrior[k] }
        var belief = ClassBelief()
        belief.posterior = Self.normalised(logPosterior, excludeUncrewed: veto)
        belief.cooperativeVeto = veto
        belief.declared = decide(belief.posterior, veto: veto, updates: updates, previous: previous.declared)
        if belief.declared == .uncrewed
            && evidence.hearsRotor(
                weight: tables.configuration.crewedHintVetoWeight, share: tables.configuration.crewedHintVetoShare)
            && !radarRulesOutRotorcraft(evidence, table, bestUncrewedProfile: bestProfile[0])
        {
            belief.declared = .unknown
            belief.rotorVeto = true
        }
        let (items, margins) = deciding(table, bestProfile: bestProfile, for: belief.declared)
        belief.decidingEvidence = items
        belief.decidingMarginNats = margins
        return belief
    }

    /// Fills the term table (zeros on entry) and caps each row.
    func terms(_ evidence: TrackEvidence, state: GaussianState, veto: Bool, into table: TermTable) {
        let tables = self.tables
        // Cooperative: a UAV emitter category says uncrewed; any transponder
        // says "not a bird"; the crewed veto itself acts in `normalised`.
        let cooperative = row(.cooperative) * 8
        if evidence.emitterCategory == EmitterCategory.unmannedAerialVehicle && !veto {
            for s in 0..<8 { table[cooperative + s] = tables.unmannedCategoryNats[s] }
        } else if evidence.cooperativeReplies > 0 || evidence.icaoAddress != nil {
            for s in 0..<8 { table[cooperative + s] = tables.transponderNats[s] }
        }
        if evidence.rcsSamples >= max(1, tables.configuration.minRcsSamples) {
            let n = min(Double(evidence.rcsSamples), tables.configuration.maxEffectiveRcsSamples)
            let scatter = max(tables.configuration.rcsPlotSigmaDb, evidence.rcsSamples > 2 ? evidence.rcsScatterDb : 0)
            let extra = scatter * scatter / n
            let r = row(.radarCrossSection) * 8
            for s in 0..<8 { table[r + s] = tables.rcsDbsm[s].logDensity(evidence.meanRcsDbsm, extraVariance: extra) }
        }
        if evidence.rcsSamples >= max(2, tables.configuration.minFluctuationSamples) {
            let n = min(Double(evidence.rcsSamples), tables.configuration.maxEffectiveFluctuationSamples)
            let sd = evidence.rcsScatterDb
            // Sampling spread of a standard deviation from n samples: s / sqrt(2 (n - 1)).
            let extra = sd * sd / (2 * (n - 1))
            let r = row(.rcsFluctuation) * 8
            for s in 0..<8 { table[r + s] = tables.rcsFluctuationDb[s].logDensity(sd, extraVariance: extra) }
        }
        let ve = state.mean[3], vn = state.mean[4]
        let speed = (ve * ve + vn * vn).squareRoot()
        let cov = state.covariance
        // Profiles the speed puts beyond their airframe's limit.
        var beyondEnvelope = InlineArray<8, Bool>(repeating: false)
        let speedRow = row(.speed) * 8
        if speed > 0.1 {
            let v = (ve * ve * cov[3, 3] + 2 * ve * vn * cov[3, 4] + vn * vn * cov[4, 4]) / (speed * speed)
            for s in 0..<8 { table[speedRow + s] = tables.speedMps[s].logDensity(speed, extraVariance: v) }
            let floorMps = speed - 3 * max(0, v).squareRoot()
            for s in 0..<8 { beyondEnvelope[s] = floorMps > tables.maxGroundSpeedMps[s] }
        } else {
            let v = 0.5 * (cov[3, 3] + cov[4, 4])
            for s in 0..<8 { table[speedRow + s] = tables.speedMps[s].logDensity(0, extraVariance: v) }
        }
        let heightRow = row(.height) * 8, climbRow = row(.climb) * 8
        for s in 0..<8 {
            table[heightRow + s] = tables.heightM[s].logDensity(state.mean[2], extraVariance: cov[2, 2])
            table[climbRow + s] = tables.climbMps[s].logDensity(state.mean[5], extraVariance: cov[5, 5])
        }
        if evidence.fundamentalSamples >= max(1, tables.configuration.minFundamentalSamples)
            && evidence.fundamentalScatterHz <= tables.configuration.maxFundamentalScatterHz
        {
            let n = min(Double(evidence.fundamentalSamples), tables.configuration.maxEffectiveFundamentalSamples)
            let scatter = max(tables.configuration.fundamentalSigmaHz, evidence.fundamentalScatterHz)
            let extra = scatter * scatter / n
            let r = row(.fundamental) * 8
            for s in 0..<8 {
                table[r + s] =
                    tables.fundamentalHz[s]?.logDensity(evidence.meanFundamentalHz, extraVariance: extra)
                    ?? tables.logStrayFundamentalDensity
            }
        }
        let turns = evidence.turns
        if turns.count >= max(1, tables.configuration.minTurnWindows) {
            // Windows of one flight are not independent (a pilot flies a leg
            // or circles a thermal for minutes): at most
            // `maxEffectiveTurnWindows` of them count.
            let scale = min(1, tables.configuration.maxEffectiveTurnWindows / Double(turns.count))
            let turning = scale * Double(turns.turning), straight = scale * Double(turns.straight)
            let steady = scale * Double(min(turns.steady, turns.straight)), unsteady = straight - steady
            let r = row(.turnRate) * 8
            for s in 0..<8 {
                table[r + s] =
                    turning * tables.logTurning[s] + straight * tables.logStraight[s] + steady * tables.logSteady[s]
                    + unsteady * tables.logUnsteady[s]
            }
        }
        straightClimbTerm(evidence, into: table)
        let totalHint = evidence.namedHintWeight
        var dominantHint = 0.0
        for h in 1..<5 { dominantHint = max(dominantHint, evidence.hintWeight[h]) }
        if totalHint >= max(1e-9, tables.configuration.minHintWeight)
            && dominantHint >= tables.configuration.minDominantHintShare * totalHint
        {
            let scale = min(1, tables.configuration.maxEffectiveHintWeight / totalHint)
            let r = row(.acousticHint) * 8
            for s in 0..<8 {
                var l = 0.0
                for h in 1..<5 where evidence.hintWeight[h] > 0 {
                    l += scale * evidence.hintWeight[h] * tables.logHintLikelihood[s * 5 + h]
                }
                table[r + s] = l
            }
        }
        // Cap every sampled term: no feature alone puts more than
        // `maxTermNats` (`maxRcsTermNats`) between two profiles.
        let maxTermNats = tables.configuration.maxTermNats, maxRcsTermNats = tables.configuration.maxRcsTermNats
        let maxEnvelopeNats = tables.configuration.maxEnvelopeNats
        for t in 0..<EvidenceItem.termCount where t != row(.cooperative) {
            var best = -Double.infinity
            for s in 0..<8 { best = max(best, table[t * 8 + s]) }
            let cap = t == row(.radarCrossSection) ? maxRcsTermNats : maxTermNats
            for s in 0..<8 {
                let beyond = t == row(.speed) && beyondEnvelope[s]
                table[t * 8 + s] = max(table[t * 8 + s], best - (beyond ? max(cap, maxEnvelopeNats) : cap))
            }
        }
    }

    /// True when the RCS puts every rotorcraft profile (one whose likeliest
    /// hint is the helicopter rotor) `crewedHintVetoRcsNats` or more below
    /// the best-fitting uncrewed profile, by the lifetime mean (the term
    /// table's row) and by the recent mean alike: a track that drifted on
    /// bearings onto the helicopter and took its plots (found in the
    /// hard-case suite) keeps its drone-sized lifetime mean for minutes, but
    /// not its recent one. False without enough plots, in the track's life
    /// and since its last gap between plots (`TrackEvidence.rcsGapNs`).
    func radarRulesOutRotorcraft(_ evidence: TrackEvidence, _ table: TermTable, bestUncrewedProfile: Int) -> Bool {
        let tables = self.tables
        let minRcsSamples = tables.configuration.minRcsSamples
        guard bestUncrewedProfile >= 0, evidence.rcsSamples >= max(1, minRcsSamples),
            evidence.recentRcsSamples >= max(1, minRcsSamples)
        else { return false }
        let t = row(.radarCrossSection)
        let drone = table[t * 8 + bestUncrewedProfile]
        // Variance of an exponential average of plots with per-plot sigma
        // `rcsPlotSigmaDb`: sigma^2 w / (2 - w).
        let w = TrackEvidence.recentRcsWeight
        let plotSigmaDb = tables.configuration.rcsPlotSigmaDb, vetoNats = tables.configuration.crewedHintVetoRcsNats
        let recentVariance = plotSigmaDb * plotSigmaDb * w / (2 - w)
        let recent = evidence.recentRcsDbsm
        let recentDrone = tables.rcsDbsm[bestUncrewedProfile].logDensity(recent, extraVariance: recentVariance)
        var rotorcraft = 0
        for s in 0..<8 where tables.isRotorcraft[s] {
            rotorcraft += 1
            if table[t * 8 + s] > drone - vetoNats { return false }
            let recentRotor = tables.rcsDbsm[s].logDensity(recent, extraVariance: recentVariance)
            if recentRotor > recentDrone - vetoNats { return false }
        }
        return rotorcraft > 0
    }

    func decide(_ p: InlineArray<3, Double>, veto: Bool, updates: UInt32, previous: TargetClass) -> TargetClass {
        if veto { return .crewed }
        // Through the reference: `let c = configuration` copied ~4 KB.
        let c = tables
        if updates < c.configuration.minUpdates { return .unknown }
        switch previous {
        case .uncrewed where p[0] >= c.configuration.releaseUncrewed: return .uncrewed
        case .crewed where p[1] >= c.configuration.releaseOther: return .crewed
        case .bird where p[2] >= c.configuration.releaseOther: return .bird
        default: break
        }
        if p[0] >= c.configuration.declareUncrewed { return .uncrewed }
        if p[1] >= c.configuration.declareOther { return .crewed }
        if p[2] >= c.configuration.declareOther { return .bird }
        return .unknown
    }

    /// The two terms favouring `declared` most (uncrewed when nothing is
    /// declared: what there is toward a cue), each measured between the
    /// best-fitting profile of that class and the best-fitting profile of
    /// the strongest other class, in nats.
    func deciding(_ table: TermTable, bestProfile: InlineArray<3, Int>, for declared: TargetClass)
        -> (InlineArray<2, EvidenceItem>, InlineArray<2, Double>)
    {
        let k = declared == .unknown ? 0 : Self.classIndex(declared)
        var items: InlineArray<2, EvidenceItem> = [.none, .none]
        var margins: InlineArray<2, Double> = [0, 0]
        let mine = bestProfile[k]
        guard mine >= 0 else { return (items, margins) }
        for item in EvidenceItem.allCases where item != .none {
            let t = row(item)
            var other = -Double.infinity
            for j in 0..<3 where j != k && bestProfile[j] >= 0 { other = max(other, table[t * 8 + bestProfile[j]]) }
            guard other.isFinite else { continue }
            let margin = table[t * 8 + mine] - other
            if margin > margins[0] {
                items[1] = items[0]
                margins[1] = margins[0]
                items[0] = item
                margins[0] = margin
            } else if margin > margins[1] {
                items[1] = item
                margins[1] = margin
            }
        }
        return (items, margins)
    }

    func row(_ item: EvidenceItem) -> Int { Int(item.rawValue) - 1 }

    // The three helpers below are public for `ReferenceEvidenceClassifier`
    // (tests), which shares them rather than keeping copies.

    /// Index of a class in posteriors and priors: 0 uncrewed (and unknown),
    /// 1 crewed, 2 bird.
    public static func classIndex(_ c: TargetClass) -> Int {
        switch c {
        case .uncrewed, .unknown: 0
        case .crewed: 1
        case .bird: 2
        }
    }

    /// ln(e^a + e^b) without overflow; -infinity is the empty sum.
    public static func logAddExp(_ a: Double, _ b: Double) -> Double {
        if a == -Double.infinity { return b }
        if b == -Double.infinity { return a }
        let m = max(a, b)
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m))
    }

    /// The class probabilities of log-posteriors `logP` (uncrewed held at 0
    /// when `excludeUncrewed`); the prior's shape when none is finite.
    public static func normalised(_ logP: InlineArray<3, Double>, excludeUncrewed: Bool) -> InlineArray<3, Double> {
        var m = -Double.infinity
        for k in 0..<3 where !(excludeUncrewed && k == 0) { m = max(m, logP[k]) }
        var p: InlineArray<3, Double> = [0, 0, 0]
        guard m.isFinite else {
            // Nothing usable: the prior's shape, never a NaN.
            for k in 0..<3 where !(excludeUncrewed && k == 0) { p[k] = 1 }
            let z = excludeUncrewed ? 2.0 : 3.0
            for k in 0..<3 { p[k] /= z }
            return p
        }
        var z = 0.0
        for k in 0..<3 where !(excludeUncrewed && k == 0) {
            p[k] = Math.exp(logP[k] - m)
            z += p[k]
        }
        for k in 0..<3 { p[k] /= z }
        return p
    }
}
