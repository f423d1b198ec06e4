import FusionCore
import FusionMath

/// `EvidenceClassifier` as it was before `ClassifierTables` (commit
/// f65c462), verbatim but for its name and for the helpers the change left
/// alone, which it calls in the classifier (`classIndex`, `logAddExp`,
/// `normalised`): the reference that
/// `ClassifierTablesTests` holds the classifier to, bit for bit. It reads
/// every profile per call; keep it only as that reference.
struct ReferenceEvidenceClassifier {
    var configuration: ClassifierConfiguration

    init(configuration: ClassifierConfiguration = ClassifierConfiguration()) {
        self.configuration = configuration
    }

    /// Per-term, per-profile log-likelihoods (rows indexed by
    /// `EvidenceItem.rawValue - 1`).
    typealias TermTable = InlineArray<10, InlineArray<8, Double>>

    /// The new belief for a track with `evidence` and kinematic `state`
    /// (height relative to the node's origin), given its previous belief.
    func classify(
        _ evidence: TrackEvidence, state: GaussianState, updates: UInt32, previous: ClassBelief
    ) -> ClassBelief {
        let c = configuration
        let veto = evidence.hasCooperativeCrewedEvidence
        let table = terms(evidence, state: state, veto: veto)
        // Per profile: total log-likelihood; per class: the mixture.
        var total = InlineArray<8, Double>(repeating: 0)
        for s in 0..<8 {
            for t in 0..<EvidenceItem.termCount { total[s] += table[t][s] }
        }
        var classWeight: InlineArray<3, Double> = [0, 0, 0]
        for s in 0..<8 { classWeight[EvidenceClassifier.classIndex(c.profiles[s].targetClass)] += max(0, c.profiles[s].weight) }
        var logPosterior: InlineArray<3, Double> = [-Double.infinity, -Double.infinity, -Double.infinity]
        var bestProfile: InlineArray<3, Int> = [-1, -1, -1]
        for s in 0..<8 where c.profiles[s].weight > 0 {
            let k = EvidenceClassifier.classIndex(c.profiles[s].targetClass)
            let term = Math.log(c.profiles[s].weight / classWeight[k]) + total[s]
            logPosterior[k] = EvidenceClassifier.logAddExp(logPosterior[k], term)
            if bestProfile[k] < 0 || total[s] > total[bestProfile[k]] { bestProfile[k] = s }
        }
        for k in 0..<3 { logPosterior[k] += Math.log(c.prior[k]) }
        var belief = ClassBelief()
        belief.posterior = EvidenceClassifier.normalised(logPosterior, excludeUncrewed: veto)
        belief.cooperativeVeto = veto
        belief.declared = decide(belief.posterior, veto: veto, updates: updates, previous: previous.declared)
        if belief.declared == .uncrewed
            && evidence.hearsRotor(weight: c.crewedHintVetoWeight, share: c.crewedHintVetoShare)
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

    /// Fills the term table and caps each row.
    func terms(_ evidence: TrackEvidence, state: GaussianState, veto: Bool) -> TermTable {
        let c = configuration
        var table = TermTable(repeating: InlineArray(repeating: 0))
        let p = c.profiles
        // Cooperative: a UAV emitter category says uncrewed; any transponder
        // says "not a bird"; the crewed veto itself acts in `normalised`.
        for s in 0..<8 {
            var l = 0.0
            let cls = p[s].targetClass
            if evidence.emitterCategory == EmitterCategory.unmannedAerialVehicle && !veto {
                l = cls == .uncrewed ? 0 : (cls == .crewed ? Math.log(1e-2) : Math.log(1e-3))
            } else if evidence.cooperativeReplies > 0 || evidence.icaoAddress != nil {
                l = cls == .bird ? Math.log(1e-4) : 0
            }
            table[row(.cooperative)][s] = l
        }
        if evidence.rcsSamples >= max(1, c.minRcsSamples) {
            let n = min(Double(evidence.rcsSamples), c.maxEffectiveRcsSamples)
            let scatter = max(c.rcsPlotSigmaDb, evidence.rcsSamples > 2 ? evidence.rcsScatterDb : 0)
            let extra = scatter * scatter / n
            for s in 0..<8 { table[row(.radarCrossSection)][s] = p[s].rcsDbsm.logDensity(evidence.meanRcsDbsm, extraVariance: extra) }
        }
        if evidence.rcsSamples >= max(2, c.minFluctuationSamples) {
            let n = min(Double(evidence.rcsSamples), c.maxEffectiveFluctuationSamples)
            let sd = evidence.rcsScatterDb
            // Sampling spread of a standard deviation from n samples: s / sqrt(2 (n - 1)).
            let extra = sd * sd / (2 * (n - 1))
            for s in 0..<8 { table[row(.rcsFluctuation)][s] = p[s].rcsFluctuationDb.logDensity(sd, extraVariance: extra) }
        }
        let ve = state.mean[3], vn = state.mean[4]
        let speed = (ve * ve + vn * vn).squareRoot()
        let cov = state.covariance
        // Profiles the speed puts beyond their airframe's limit.
        var beyondEnvelope = InlineArray<8, Bool>(repeating: false)
        if speed > 0.1 {
            let v = (ve * ve * cov[3, 3] + 2 * ve * vn * cov[3, 4] + vn * vn * cov[4, 4]) / (speed * speed)
            for s in 0..<8 { table[row(.speed)][s] = p[s].speedMps.logDensity(speed, extraVariance: v) }
            let floorMps = speed - 3 * max(0, v).squareRoot()
            for s in 0..<8 { beyondEnvelope[s] = floorMps > p[s].maxGroundSpeedMps }
        } else {
            let v = 0.5 * (cov[3, 3] + cov[4, 4])
            for s in 0..<8 { table[row(.speed)][s] = p[s].speedMps.logDensity(0, extraVariance: v) }
        }
        for s in 0..<8 {
            table[row(.height)][s] = p[s].heightM.logDensity(state.mean[2], extraVariance: cov[2, 2])
            table[row(.climb)][s] = p[s].climbMps.logDensity(state.mean[5], extraVariance: cov[5, 5])
        }
        if evidence.fundamentalSamples >= max(1, c.minFundamentalSamples)
            && evidence.fundamentalScatterHz <= c.maxFundamentalScatterHz
        {
            let n = min(Double(evidence.fundamentalSamples), c.maxEffectiveFundamentalSamples)
            let scatter = max(c.fundamentalSigmaHz, evidence.fundamentalScatterHz)
            let extra = scatter * scatter / n
            for s in 0..<8 {
                table[row(.fundamental)][s] =
                    p[s].fundamentalHz?.logDensity(evidence.meanFundamentalHz, extraVariance: extra)
                    ?? Math.log(c.strayFundamentalDensity)
            }
        }
        let turns = evidence.turns
        if turns.count >= max(1, c.minTurnWindows) {
            // Windows of one flight are not independent (a pilot flies a leg
            // or circles a thermal for minutes): at most
            // `maxEffectiveTurnWindows` of them count.
            let scale = min(1, c.maxEffectiveTurnWindows / Double(turns.count))
            let turning = scale * Double(turns.turning), straight = scale * Double(turns.straight)
            let steady = scale * Double(min(turns.steady, turns.straight))
            for s in 0..<8 {
                let q = min(0.95, max(0.05, p[s].turningShare))
                let r = min(0.95, max(0.05, p[s].steadySpeedShare))
                table[row(.turnRate)][s] =
                    turning * Math.log(q) + straight * Math.log(1 - q) + steady * Math.log(r)
                    + (straight - steady) * Math.log(1 - r)
            }
        }
        if evidence.straightClimb.straightS >= c.minStraightClimbS, let climb = evidence.straightClimb.meanClimb {
            for s in 0..<8 {
                table[row(.straightClimb)][s] = p[s].straightClimbMps.logDensity(
                    climb.mps, extraVariance: climb.varianceMps2)
            }
        }
        let totalHint = evidence.namedHintWeight
        var dominantHint = 0.0
        for h in 1..<5 { dominantHint = max(dominantHint, evidence.hintWeight[h]) }
        if totalHint >= max(1e-9, c.minHintWeight) && dominantHint >= c.minDominantHintShare * totalHint {
            let scale = min(1, c.maxEffectiveHintWeight / totalHint)
            for s in 0..<8 {
                var l = 0.0
                for h in 1..<5 where evidence.hintWeight[h] > 0 {
                    l += scale * evidence.hintWeight[h] * Math.log(max(p[s].hintLikelihood[h], 1e-6))
                }
                table[row(.acousticHint)][s] = l
            }
        }
        // Cap every sampled term: no feature alone puts more than
        // `maxTermNats` (`maxRcsTermNats`) between two profiles.
        for t in 0..<EvidenceItem.termCount where t != row(.cooperative) {
            var best = -Double.infinity
            for s in 0..<8 { best = max(best, table[t][s]) }
            let cap = t == row(.radarCrossSection) ? c.maxRcsTermNats : c.maxTermNats
            for s in 0..<8 {
                let beyond = t == row(.speed) && beyondEnvelope[s]
                table[t][s] = max(table[t][s], best - (beyond ? max(cap, c.maxEnvelopeNats) : cap))
            }
        }
        return table
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
        let c = configuration
        guard bestUncrewedProfile >= 0, evidence.rcsSamples >= max(1, c.minRcsSamples),
            evidence.recentRcsSamples >= max(1, c.minRcsSamples)
        else { return false }
        let t = row(.radarCrossSection)
        let drone = table[t][bestUncrewedProfile]
        // Variance of an exponential average of plots with per-plot sigma
        // `rcsPlotSigmaDb`: sigma^2 w / (2 - w).
        let w = TrackEvidence.recentRcsWeight
        let recentVariance = c.rcsPlotSigmaDb * c.rcsPlotSigmaDb * w / (2 - w)
        let recent = evidence.recentRcsDbsm
        let recentDrone = c.profiles[bestUncrewedProfile].rcsDbsm.logDensity(recent, extraVariance: recentVariance)
        var rotorcraft = 0
        for s in 0..<8 where c.profiles[s].weight > 0 && c.profiles[s].targetClass == .crewed {
            let h = c.profiles[s].hintLikelihood
            guard h[4] > h[1] && h[4] > h[2] && h[4] > h[3] else { continue }
            rotorcraft += 1
            if table[t][s] > drone - c.crewedHintVetoRcsNats { return false }
            let recentRotor = c.profiles[s].rcsDbsm.logDensity(recent, extraVariance: recentVariance)
            if recentRotor > recentDrone - c.crewedHintVetoRcsNats { return false }
        }
        return rotorcraft > 0
    }

    func decide(_ p: InlineArray<3, Double>, veto: Bool, updates: UInt32, previous: TargetClass) -> TargetClass {
        let c = configuration
        if veto { return .crewed }
        if updates < c.minUpdates { return .unknown }
        switch previous {
        case .uncrewed where p[0] >= c.releaseUncrewed: return .uncrewed
        case .crewed where p[1] >= c.releaseOther: return .crewed
        case .bird where p[2] >= c.releaseOther: return .bird
        default: break
        }
        if p[0] >= c.declareUncrewed { return .uncrewed }
        if p[1] >= c.declareOther { return .crewed }
        if p[2] >= c.declareOther { return .bird }
        return .unknown
    }

    /// The two terms favouring `declared` most (uncrewed when nothing is
    /// declared: what there is toward a cue), each measured between the
    /// best-fitting profile of that class and the best-fitting profile of
    /// the strongest other class, in nats.
    func deciding(_ table: TermTable, bestProfile: InlineArray<3, Int>, for declared: TargetClass)
        -> (InlineArray<2, EvidenceItem>, InlineArray<2, Double>)
    {
        let k = declared == .unknown ? 0 : EvidenceClassifier.classIndex(declared)
        var items: InlineArray<2, EvidenceItem> = [.none, .none]
        var margins: InlineArray<2, Double> = [0, 0]
        let mine = bestProfile[k]
        guard mine >= 0 else { return (items, margins) }
        for item in EvidenceItem.allCases where item != .none {
            let t = row(item)
            var other = -Double.infinity
            for j in 0..<3 where j != k && bestProfile[j] >= 0 { other = max(other, table[t][bestProfile[j]]) }
            guard other.isFinite else { continue }
            let margin = table[t][mine] - other
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
}
