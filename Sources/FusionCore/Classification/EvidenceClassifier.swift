import FusionMath

/// Classifies a track as uncrewed, crewed or bird from accumulated evidence,
/// by Bayes' rule over summaries (see `TrackEvidence`):
///
///     ln P(k | e) = ln P(k) + sum over items i of ln p(e_i | k) - ln Z
///
/// Items: cooperative signals (ADS-B emitter category, transponder replies),
/// mean radar cross-section (likelihood of the sample mean: class spread plus
/// plot scatter / n), horizontal speed and height from the filter (their
/// variances widen the class models, so an unconverged track says little),
/// and confidence-weighted acoustic source hints (capped).
///
/// Safety rules, applied after Bayes and not negotiable by any likelihood:
/// cooperative crewed evidence forces P(uncrewed) = 0 and declares crewed;
/// uncrewed is declared only at or above `declareUncrewed` and after
/// `minUpdates` fused measurements; a declared class is kept until its
/// posterior falls below its release level (hysteresis), except that a
/// cooperative veto removes uncrewed at once.
public struct EvidenceClassifier: Sendable {
    public var configuration: ClassifierConfiguration

    public init(configuration: ClassifierConfiguration = ClassifierConfiguration()) {
        self.configuration = configuration
    }

    /// The new belief for a track with `evidence` and kinematic `state`
    /// (height relative to the node's origin), given its previous belief.
    public func classify(
        _ evidence: TrackEvidence, state: GaussianState, updates: UInt32, previous: ClassBelief
    ) -> ClassBelief {
        let c = configuration
        // Log-likelihood contributions per evidence item and class.
        var contribution = InlineArray<6, InlineArray<3, Double>>(repeating: [0, 0, 0])
        let veto = evidence.hasCooperativeCrewedEvidence
        if evidence.emitterCategory == EmitterCategory.unmannedAerialVehicle && !veto {
            contribution[EvidenceItem.cooperative.index] = [Math.log(100), 0, Math.log(1e-3)]
        } else if evidence.cooperativeReplies > 0 || evidence.icaoAddress != nil {
            // Birds carry no transponders.
            contribution[EvidenceItem.cooperative.index] = [0, 0, Math.log(1e-4)]
        }
        if evidence.rcsSamples > 0 {
            let n = Double(evidence.rcsSamples)
            let extra = c.rcsPlotSigmaDb * c.rcsPlotSigmaDb / n
            let x = evidence.meanRcsDbsm
            contribution[EvidenceItem.radarCrossSection.index] = [
                logDensity(c.rcsUncrewed, x, extra), logDensity(c.rcsCrewed, x, extra),
                logDensity(c.rcsBird, x, extra),
            ]
        }
        let ve = state.mean[3], vn = state.mean[4]
        let speed = (ve * ve + vn * vn).squareRoot()
        if speed > 0.1 {
            let p = state.covariance
            let speedVariance = (ve * ve * p[3, 3] + 2 * ve * vn * p[3, 4] + vn * vn * p[4, 4]) / (speed * speed)
            contribution[EvidenceItem.speed.index] = [
                logDensity(c.speedUncrewed, speed, speedVariance), logDensity(c.speedCrewed, speed, speedVariance),
                logDensity(c.speedBird, speed, speedVariance),
            ]
        }
        let height = state.mean[2], heightVariance = state.covariance[2, 2]
        contribution[EvidenceItem.height.index] = [
            logDensity(c.heightUncrewed, height, heightVariance), logDensity(c.heightCrewed, height, heightVariance),
            logDensity(c.heightBird, height, heightVariance),
        ]
        var totalHint = 0.0
        for h in 1..<5 { totalHint += evidence.hintWeight[h] }
        if totalHint > 0 {
            let scale = min(1, c.maxEffectiveHintWeight / totalHint)
            var sum: InlineArray<3, Double> = [0, 0, 0]
            for h in 1..<5 where evidence.hintWeight[h] > 0 {
                for k in 0..<3 { sum[k] += scale * evidence.hintWeight[h] * Math.log(c.hintLikelihood[h][k]) }
            }
            contribution[EvidenceItem.acousticHint.index] = sum
        }

        var logPosterior: InlineArray<3, Double> = [0, 0, 0]
        for k in 0..<3 {
            logPosterior[k] = Math.log(c.prior[k])
            for i in 1..<6 { logPosterior[k] += contribution[i][k] }
        }
        var belief = ClassBelief()
        belief.posterior = normalised(logPosterior, excludeUncrewed: veto)
        belief.cooperativeVeto = veto
        belief.declared = decide(belief.posterior, veto: veto, updates: updates, previous: previous.declared)
        belief.decidingEvidence = deciding(contribution, for: belief.declared)
        return belief
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

    /// The two items favouring `declared` most over the best other class
    /// (uncrewed when nothing is declared: what is missing for a cue).
    func deciding(_ contribution: InlineArray<6, InlineArray<3, Double>>, for declared: TargetClass) -> InlineArray<2, EvidenceItem> {
        let k: Int
        switch declared {
        case .crewed: k = 1
        case .bird: k = 2
        case .uncrewed, .unknown: k = 0
        }
        var best: InlineArray<2, (item: EvidenceItem, margin: Double)> = [(.none, 0), (.none, 0)]
        for item in EvidenceItem.allCases where item != .none {
            let row = contribution[item.index]
            var other = -Double.infinity
            for j in 0..<3 where j != k { other = max(other, row[j]) }
            let margin = row[k] - other
            if margin > best[0].margin {
                best[1] = best[0]
                best[0] = (item, margin)
            } else if margin > best[1].margin {
                best[1] = (item, margin)
            }
        }
        return [best[0].item, best[1].item]
    }

    func logDensity(_ model: GaussianMixture1D, _ x: Double, _ extraVariance: Double) -> Double {
        // Floor: a value far outside every model is "very unlikely", not "impossible".
        Math.log(max(model.density(x, extraVariance: max(0, extraVariance)), 1e-300))
    }

    func normalised(_ logP: InlineArray<3, Double>, excludeUncrewed: Bool) -> InlineArray<3, Double> {
        var m = -Double.infinity
        for k in 0..<3 where !(excludeUncrewed && k == 0) { m = max(m, logP[k]) }
        var p: InlineArray<3, Double> = [0, 0, 0]
        var z = 0.0
        for k in 0..<3 where !(excludeUncrewed && k == 0) {
            p[k] = Math.exp(logP[k] - m)
            z += p[k]
        }
        for k in 0..<3 { p[k] /= z }
        return p
    }
}

extension EvidenceItem {
    @inlinable var index: Int { Int(rawValue) }
}
