import FusionCore
import FusionMath
import Simulation
import Testing

@Suite struct EvidenceClassifierTests {
    let classifier = EvidenceClassifier()

    func state(speed: Double, height: Double, sigmaV: Double = 2) -> GaussianState {
        var p = StateCovariance.zero
        for i in 0..<3 { p[i, i] = 100 }
        for i in 3..<6 { p[i, i] = sigmaV * sigmaV }
        return GaussianState(mean: StateVector([0, 0, height, speed, 0, 0]), covariance: p, timeNs: 0)
    }

    func evidence(rcs: Double, plots: Int, hint: UInt8 = 0, reports: Int = 0) -> TrackEvidence {
        var e = TrackEvidence()
        var m = MeasurementEvidence()
        m.rcsDbsm = rcs
        for _ in 0..<plots { e.absorb(m, kind: .radar) }
        var a = MeasurementEvidence()
        a.sourceHint = hint
        a.sourceHintConfidence = 0.9
        for _ in 0..<reports { e.absorb(a, kind: .bearing) }
        return e
    }

    /// Iterates the classifier as the engine does, once per second.
    func run(_ e: TrackEvidence, _ s: GaussianState, seconds: Int = 20) -> ClassBelief {
        var b = ClassBelief()
        for k in 0..<seconds { b = classifier.classify(e, state: s, updates: UInt32(k + 1), previous: b) }
        return b
    }

    @Test func multirotorWithElectricRotorsIsUncrewed() {
        let b = run(evidence(rcs: -18, plots: 20, hint: 2, reports: 10), state(speed: 15, height: 120))
        #expect(b.declared == .uncrewed)
        #expect(b.pUncrewed >= 0.99)
        #expect(b.decidingEvidence[0] != .none)
    }

    @Test func noClassBeforeMinimumUpdates() {
        let e = evidence(rcs: -18, plots: 20, hint: 2, reports: 10)
        let b = classifier.classify(e, state: state(speed: 15, height: 120), updates: 2, previous: ClassBelief())
        #expect(b.declared == .unknown)
    }

    @Test func transponderReplyVetoesUncrewedAtOnce() {
        var e = evidence(rcs: -18, plots: 20, hint: 2, reports: 10)
        let s = state(speed: 15, height: 120)
        var b = run(e, s)
        #expect(b.declared == .uncrewed)
        var reply = MeasurementEvidence()
        reply.cooperativeReply = true
        e.absorb(reply, kind: .radar)
        b = classifier.classify(e, state: s, updates: 30, previous: b)
        #expect(b.declared == .crewed)
        #expect(b.pUncrewed == 0)
        #expect(b.cooperativeVeto)
    }

    @Test func adsbUnmannedCategoryIsNotAVeto() {
        var e = evidence(rcs: -6, plots: 10)
        var m = MeasurementEvidence()
        m.icaoAddress = 0xABCDEF
        m.emitterCategory = EmitterCategory.unmannedAerialVehicle
        e.absorb(m, kind: .position)
        let b = run(e, state(speed: 50, height: 800))
        #expect(!b.cooperativeVeto)
        #expect(b.declared == .uncrewed)
    }

    /// The hard confuser: a light aircraft, transponder off, piston engine.
    /// Its evidence overlaps a piston drone's, so it must not be declared
    /// uncrewed (it may stay unknown).
    @Test func lightAircraftWithPistonEngineIsNeverUncrewed() {
        var rng = SeededGenerator(seed: 21)
        for _ in 0..<500 {
            let e = evidence(rcs: rng.normal(mean: 3, sigma: 2), plots: 30, hint: 1, reports: 20)
            let b = run(e, state(speed: rng.normal(mean: 55, sigma: 5), height: rng.uniform(300, 2000)))
            #expect(b.declared != .uncrewed)
        }
    }

    @Test func slowSmallTargetIsBird() {
        let b = run(evidence(rcs: -30, plots: 30), state(speed: 11, height: 100))
        #expect(b.declared == .bird)
    }

    @Test func hysteresisHoldsThenReleases() {
        var b = run(evidence(rcs: -18, plots: 20, hint: 2, reports: 10), state(speed: 15, height: 120))
        #expect(b.declared == .uncrewed)
        // Ambiguous evidence now: posterior drops below the release level.
        let ambiguous = evidence(rcs: 3, plots: 40, hint: 1, reports: 10)
        b = classifier.classify(ambiguous, state: state(speed: 45, height: 900), updates: 60, previous: b)
        #expect(b.pUncrewed < 0.95)
        #expect(b.declared != .uncrewed)
    }

    /// Property: any evidence that includes a crewed emitter category or a
    /// transponder reply without the UAV category is never uncrewed.
    @Test func cooperativeCrewedEvidenceIsNeverUncrewed() {
        var rng = SeededGenerator(seed: 33)
        let crewedCategories: [UInt8] = [1, 2, 3, 4, 5, 6, 10, 11, 15]
        for i in 0..<2_000 {
            var e = evidence(
                rcs: rng.uniform(-40, 30), plots: Int(rng.next() % 50) + 1, hint: UInt8(rng.next() % 5),
                reports: Int(rng.next() % 20))
            var m = MeasurementEvidence()
            if i % 2 == 0 {
                m.emitterCategory = crewedCategories[Int(rng.next() % UInt64(crewedCategories.count))]
            } else {
                m.cooperativeReply = true
            }
            e.absorb(m, kind: i % 2 == 0 ? .position : .radar)
            let b = run(e, state(speed: rng.uniform(0, 250), height: rng.uniform(0, 8000)), seconds: 10)
            #expect(b.declared != .uncrewed)
            #expect(b.pUncrewed == 0)
        }
    }
}
