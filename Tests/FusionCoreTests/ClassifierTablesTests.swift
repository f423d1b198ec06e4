import FusionCore
import FusionMath
import Simulation
import Testing

/// `EvidenceClassifier` reads its profiles from `ClassifierTables` (logs,
/// variances and mixture weights worked out once): the beliefs must be bit
/// for bit those of the classifier that read the profiles per call
/// (`ReferenceEvidenceClassifier`), over random evidence, states, previous
/// beliefs and configurations, including the rare paths (cooperative
/// signals, rotor veto, mixtures, silent profiles, zero weights).
@Suite struct ClassifierTablesTests {
    func randomEvidence(_ rng: inout SeededGenerator) -> TrackEvidence {
        var e = TrackEvidence()
        if rng.uniform() < 0.1 { e.icaoAddress = UInt32(rng.next() & 0xFF_FFFF) }
        if rng.uniform() < 0.15 { e.emitterCategory = [EmitterCategory.unmannedAerialVehicle, 1, 7, 14][Int(rng.next() % 4)] }
        if rng.uniform() < 0.1 { e.cooperativeReplies = UInt32(rng.next() % 5) }
        e.rcsSamples = UInt32(rng.next() % 40)
        e.meanRcsDbsm = rng.uniform(-35, 30)
        e.rcsSquaredDeviationsDb2 = rng.uniform(0, 60) * Double(e.rcsSamples)
        e.recentRcsSamples = UInt32(rng.next() % 20)
        e.recentRcsDbsm = rng.uniform(-35, 30)
        for h in 0..<5 where rng.uniform() < 0.5 { e.hintWeight[h] = rng.uniform(0, 8) }
        // Mostly a helicopter rotor on some tracks, for the rotor veto.
        if rng.uniform() < 0.2 { e.hintWeight[4] = rng.uniform(1, 10) }
        e.fundamentalSamples = UInt32(rng.next() % 12)
        e.meanFundamentalHz = rng.uniform(5, 320)
        e.fundamentalSquaredDeviationsHz2 = rng.uniform(0, 900) * Double(e.fundamentalSamples)
        e.turns.straight = UInt16(rng.next() % 8)
        e.turns.turning = UInt16(rng.next() % 8)
        e.turns.steady = UInt16(rng.next() % 9)
        // Closed straight runs (`StraightRunClimb`), long enough on most
        // tracks for the straight-climb term.
        if rng.uniform() < 0.7 {
            e.straightClimb.closedS = Float(rng.uniform(0, 400))
            e.straightClimb.closedHeightChangeM = Float(rng.uniform(-2, 1)) * e.straightClimb.closedS
            e.straightClimb.closedVarianceM2 = Float(rng.uniform(1, 2_000))
        }
        return e
    }

    func randomState(_ rng: inout SeededGenerator) -> GaussianState {
        var p = StateCovariance.zero
        for i in 0..<6 { p[i, i] = rng.uniform(0.01, 400) }
        p[3, 4] = rng.uniform(-0.5, 0.5) * (p[3, 3] * p[4, 4]).squareRoot()
        p[4, 3] = p[3, 4]
        let speed = rng.uniform() < 0.05 ? 0.05 : rng.uniform(0, 260), heading = rng.uniform(-Double.pi, Double.pi)
        let mean = StateVector([
            0, 0, rng.uniform(-100, 9_000), speed * Math.sin(heading), speed * Math.cos(heading), rng.uniform(-20, 20),
        ])
        return GaussianState(mean: mean, covariance: p, timeNs: 0)
    }

    /// A configuration whose profiles are moved about: mixtures in place
    /// of single Gaussians, other weights (one profile switched off), other
    /// priors, turn shares and hint likelihoods.
    func randomConfiguration(_ rng: inout SeededGenerator) -> ClassifierConfiguration {
        var c = ClassifierConfiguration()
        c.prior = [rng.uniform(0.05, 1), rng.uniform(0.05, 1), rng.uniform(0.05, 1)]
        c.strayFundamentalDensity = rng.uniform(1e-5, 1e-2)
        for s in 0..<8 {
            c.profiles[s].weight = rng.uniform() < 0.1 ? 0 : rng.uniform(0.05, 1)
            c.profiles[s].turningShare = rng.uniform(0, 1)
            for h in 0..<5 { c.profiles[s].hintLikelihood[h] = rng.uniform() < 0.1 ? 0 : rng.uniform(0, 1) }
            if rng.uniform() < 0.3 {
                c.profiles[s].speedMps = GaussianMixture1D([
                    (rng.uniform(0.1, 1), rng.uniform(0, 200), rng.uniform(1, 40)),
                    (rng.uniform(0.1, 1), rng.uniform(0, 200), rng.uniform(1, 40)), (0, 0, 1),
                ])
            }
            if rng.uniform() < 0.3 {
                c.profiles[s].rcsDbsm = GaussianMixture1D(mean: rng.uniform(-30, 30), sigma: rng.uniform(0.5, 8))
            }
            if rng.uniform() < 0.3 { c.profiles[s].fundamentalHz = nil }
        }
        return c
    }

    /// Every field equal, floating-point ones to the bit.
    func identical(_ a: ClassBelief, _ b: ClassBelief) -> Bool {
        for k in 0..<3 where a.posterior[k].bitPattern != b.posterior[k].bitPattern { return false }
        for i in 0..<2 where a.decidingEvidence[i] != b.decidingEvidence[i]
            || a.decidingMarginNats[i].bitPattern != b.decidingMarginNats[i].bitPattern
        {
            return false
        }
        return a.declared == b.declared && a.cooperativeVeto == b.cooperativeVeto && a.rotorVeto == b.rotorVeto
    }

    @Test func beliefsAreBitForBitThoseOfTheProfilesReadPerCall() {
        var rng = SeededGenerator(seed: 20_261_203)
        var declared = InlineArray<4, Int>(repeating: 0)
        var rotorVetoes = 0
        for round in 0..<40 {
            let configuration = round == 0 ? ClassifierConfiguration() : randomConfiguration(&rng)
            let classifier = EvidenceClassifier(configuration: configuration)
            let reference = ReferenceEvidenceClassifier(configuration: configuration)
            var previous = ClassBelief()
            for _ in 0..<250 {
                let e = randomEvidence(&rng), s = randomState(&rng)
                let updates = UInt32(rng.next() % 30)
                let a = classifier.classify(e, state: s, updates: updates, previous: previous)
                let b = reference.classify(e, state: s, updates: updates, previous: previous)
                #expect(identical(a, b), "round \(round): \(a) against \(b) for \(e), state \(s.mean)")
                switch a.declared {
                case .uncrewed: declared[0] += 1
                case .crewed: declared[1] += 1
                case .bird: declared[2] += 1
                case .unknown: declared[3] += 1
                }
                if a.rotorVeto { rotorVetoes += 1 }
                // Hysteresis from a declared class half of the time.
                previous = rng.uniform() < 0.5 ? a : ClassBelief()
            }
        }
        // The inputs reach every outcome, so the comparison covers them.
        for k in 0..<4 { #expect(declared[k] > 50, "declared counts \(declared)") }
        #expect(rotorVetoes > 0)
    }

    /// Setting the configuration rebuilds the tables.
    @Test func settingTheConfigurationTakesEffect() {
        var rng = SeededGenerator(seed: 7)
        var classifier = EvidenceClassifier()
        var configuration = randomConfiguration(&rng)
        configuration.prior = [0.9, 0.05, 0.05]
        classifier.configuration = configuration
        #expect(classifier.configuration.prior[0] == 0.9)
        let reference = ReferenceEvidenceClassifier(configuration: configuration)
        for _ in 0..<200 {
            let e = randomEvidence(&rng), s = randomState(&rng)
            let a = classifier.classify(e, state: s, updates: 20, previous: ClassBelief())
            let b = reference.classify(e, state: s, updates: 20, previous: ClassBelief())
            #expect(identical(a, b), "\(a) against \(b)")
        }
    }
}
