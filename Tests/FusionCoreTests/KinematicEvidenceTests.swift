import FusionCore
import FusionMath
import Testing

/// The kinematic evidence beyond speed, height and climb: how much of its
/// flight a track spends turning (`TurnWindows`, the classifier's turn-rate
/// term) and airframe speed limits (`TargetProfile.maxGroundSpeedMps`).
@Suite struct KinematicEvidenceTests {
    static let secondNs: Int64 = 1_000_000_000

    /// Windows counted for a track flying at `speedMps`, turning at
    /// `turnRateRadPerS`, fixed once a second for `seconds`, with a heading
    /// error of `headingNoiseRad` (alternating sign) on each fix.
    /// The velocity sigma is 2 m/s, or `sigmaMps(k)` at second `k`.
    static func windows(
        speedMps: Double, turnRateRadPerS: Double, seconds: Int, headingNoiseRad: Double = 0,
        sigmaMps: (Int) -> Double = { _ in 2 }
    ) -> TurnWindows {
        var w = TurnWindows()
        for k in 0...seconds {
            let heading = 0.3 + turnRateRadPerS * Double(k) + (k % 2 == 0 ? headingNoiseRad : -headingNoiseRad)
            w.observe(
                eastMps: speedMps * Math.sin(heading), northMps: speedMps * Math.cos(heading), sigmaMps: sigmaMps(k),
                timeNs: 1_000 * secondNs + Int64(k) * secondNs)
        }
        return w
    }

    @Test func turnsCountThroughTheManoeuvreModelsWideCovariance() {
        // A glider circling at 30 m/s and 11 deg/s, its velocity sigma
        // widened to 6 m/s by the tracker's manoeuvre model (0.2 rad of
        // heading, beyond the straight gate's 0.1): the turns count.
        let circling = Self.windows(speedMps: 30, turnRateRadPerS: 0.2, seconds: 60, sigmaMps: { _ in 6 })
        #expect(circling.turning == 6 && circling.straight == 0, "\(circling.straight)/\(circling.turning)")
        // Straight flight seen through that sigma, with heading noise: a
        // heading change within its error is neither straight nor turning.
        let unclear = Self.windows(
            speedMps: 30, turnRateRadPerS: 0, seconds: 60, headingNoiseRad: 0.15, sigmaMps: { _ in 6 })
        #expect(unclear.count == 0, "\(unclear.straight)/\(unclear.turning)")
        // Straight flight with a filter glitch (two wide fixes) loses the
        // window the glitch falls in, no more, and counts no turn.
        let glitch = Self.windows(
            speedMps: 45, turnRateRadPerS: 0, seconds: 60, headingNoiseRad: 0.05, sigmaMps: { $0 == 25 || $0 == 26 ? 10 : 2 })
        #expect(glitch.turning == 0 && glitch.straight >= 4, "\(glitch.straight)/\(glitch.turning)")
    }

    @Test func straightFlightCountsStraightWindowsDespiteHeadingNoise() {
        let w = Self.windows(speedMps: 45, turnRateRadPerS: 0, seconds: 60, headingNoiseRad: 0.05)
        #expect(w.straight == 6 && w.turning == 0, "\(w.straight)/\(w.turning)")
    }

    @Test func circlingCountsTurningWindowsAtAnyRate() {
        // A glider in a thermal (30 m/s, 200 m radius) and a fast turn that
        // goes round more than half a circle within one window.
        for rate in [0.15, 0.6] {
            let w = Self.windows(speedMps: 30, turnRateRadPerS: rate, seconds: 60)
            #expect(w.turning == 6 && w.straight == 0, "rate \(rate): \(w.straight)/\(w.turning)")
        }
        // A rate-one turn (3 deg/s) is a turn; a 1 deg/s drift is not.
        #expect(Self.windows(speedMps: 55, turnRateRadPerS: 3 * Math.radiansPerDegree, seconds: 30).turning == 3)
        #expect(Self.windows(speedMps: 55, turnRateRadPerS: 1 * Math.radiansPerDegree, seconds: 30).straight == 3)
    }

    @Test func anUndefinedHeadingCountsNothing() {
        // A hovering or slow multirotor: the heading is noise.
        #expect(Self.windows(speedMps: 5, turnRateRadPerS: 0.3, seconds: 60).count == 0)
        // A gap of more than two windows starts again instead of reading
        // the heading change across it.
        var w = TurnWindows()
        w.observe(eastMps: 40, northMps: 0, sigmaMps: 2, timeNs: 100 * Self.secondNs)
        w.observe(eastMps: -40, northMps: 0, sigmaMps: 2, timeNs: 130 * Self.secondNs)
        w.observe(eastMps: -40, northMps: 0, sigmaMps: 2, timeNs: 135 * Self.secondNs)
        #expect(w.count == 0)
    }

    func state(speedMps: Double, heightM: Double, sigmaVMps: Double = 2) -> GaussianState {
        var p = StateCovariance.zero
        for i in 0..<3 { p[i, i] = 100 }
        for i in 3..<6 { p[i, i] = sigmaVMps * sigmaVMps }
        return GaussianState(mean: StateVector([0, 0, heightM, speedMps, 0, 0]), covariance: p, timeNs: 0)
    }

    func evidence(rcsDbsm: Double, plots: Int, turns: TurnWindows = TurnWindows()) -> TrackEvidence {
        var e = TrackEvidence()
        var m = MeasurementEvidence()
        for k in 0..<plots {
            m.rcsDbsm = rcsDbsm + (k % 2 == 0 ? 4 : -4)
            e.absorb(m, kind: .radar, timeNs: Int64(k))
        }
        e.turns = turns
        return e
    }

    func classify(_ e: TrackEvidence, _ s: GaussianState, _ c: ClassifierConfiguration = ClassifierConfiguration())
        -> ClassBelief
    {
        let classifier = EvidenceClassifier(configuration: c)
        var b = ClassBelief()
        for k in 0..<10 { b = classifier.classify(e, state: s, updates: UInt32(20 + k), previous: b) }
        return b
    }

    /// A jet drone of a glider's size at 140 m/s: beyond what a glider, a
    /// helicopter or a light piston aircraft can fly, which the 4-nat cap
    /// alone let them explain (the hard-case suite's late jet drones).
    @Test func aSpeedBeyondEveryFittingCrewedAirframeDecides() {
        let e = evidence(rcsDbsm: -1, plots: 40)
        let s = state(speedMps: 140, heightM: 600)
        let b = classify(e, s)
        #expect(b.declared == .uncrewed, "p \(b.pUncrewed)")
        var capped = ClassifierConfiguration()
        capped.maxEnvelopeNats = capped.maxTermNats
        let without = classify(e, s, capped)
        #expect(without.declared == .unknown && without.pUncrewed < b.pUncrewed, "p \(without.pUncrewed)")
        // An uncertain speed (an unconverged track) does not invoke the limit.
        #expect(classify(e, state(speedMps: 140, heightM: 600, sigmaVMps: 15)).pUncrewed < b.pUncrewed)
    }

    /// A glider-sized target at glider speed: circling says glider, a long
    /// straight flight says less glider, but never enough for uncrewed.
    @Test func turningShiftsTheBeliefButStraightFlightAloneNeverDeclares() {
        let s = state(speedMps: 36, heightM: 1000)
        let circling = classify(evidence(rcsDbsm: -3, plots: 60, turns: Self.windows(speedMps: 36, turnRateRadPerS: 0.15, seconds: 120)), s)
        let straight = classify(evidence(rcsDbsm: -3, plots: 60, turns: Self.windows(speedMps: 36, turnRateRadPerS: 0, seconds: 120)), s)
        let none = classify(evidence(rcsDbsm: -3, plots: 60), s)
        #expect(circling.pUncrewed < none.pUncrewed && none.pUncrewed < straight.pUncrewed)
        #expect(straight.declared != .uncrewed && circling.declared != .uncrewed)
        // At most `maxEffectiveTurnWindows` count: ten minutes straight
        // weigh what 40 s do.
        let long = classify(evidence(rcsDbsm: -3, plots: 60, turns: Self.windows(speedMps: 36, turnRateRadPerS: 0, seconds: 600)), s)
        let short = classify(evidence(rcsDbsm: -3, plots: 60, turns: Self.windows(speedMps: 36, turnRateRadPerS: 0, seconds: 40)), s)
        #expect(abs(long.pUncrewed - short.pUncrewed) < 1e-12)
    }

    /// The turn term is weighed from a track's first window on: a young
    /// track's first 10 s of well-defined heading move its belief, a
    /// fraction of what four windows do (the cap, not a waiting time, bounds
    /// what correlated windows say), straight toward a drone, turning away.
    @Test func theFirstWindowIsWeighed() {
        let s = state(speedMps: 36, heightM: 1000)
        let none = classify(evidence(rcsDbsm: -3, plots: 60), s)
        let one = classify(evidence(rcsDbsm: -3, plots: 60, turns: Self.windows(speedMps: 36, turnRateRadPerS: 0, seconds: 10)), s)
        let four = classify(evidence(rcsDbsm: -3, plots: 60, turns: Self.windows(speedMps: 36, turnRateRadPerS: 0, seconds: 40)), s)
        let turning = classify(evidence(rcsDbsm: -3, plots: 60, turns: Self.windows(speedMps: 36, turnRateRadPerS: 0.15, seconds: 10)), s)
        #expect(none.pUncrewed < one.pUncrewed && one.pUncrewed < four.pUncrewed, "\(none.pUncrewed) \(one.pUncrewed) \(four.pUncrewed)")
        #expect(turning.pUncrewed < none.pUncrewed, "\(turning.pUncrewed)")
    }

    /// Straight windows count whether the speed held: an autopilot's
    /// constant speed is steady in every window, a glider's speed-to-fly
    /// swinging 2.5 m/s over 80 s changes by 1.8 m/s (over
    /// `TurnWindows.steadySpeedChangeMps`) in half of its 10 s windows and
    /// by 0.7 in the other half.
    @Test func straightWindowsCountWhetherTheSpeedHeld() {
        func windows(swingMps: Double) -> TurnWindows {
            var w = TurnWindows()
            for k in 0...80 {
                let v = 45 + swingMps * Math.sin(2 * Double.pi * Double(k) / 80)
                w.observe(eastMps: v * Math.sin(0.3), northMps: v * Math.cos(0.3), sigmaMps: 1, timeNs: Int64(1_000 + k) * Self.secondNs)
            }
            return w
        }
        let held = windows(swingMps: 0), swinging = windows(swingMps: 2.5)
        #expect(held.straight == 8 && held.steady == 8, "\(held.straight)/\(held.steady)")
        #expect(swinging.straight == 8 && swinging.steady == 4, "\(swinging.straight)/\(swinging.steady)")
    }

    /// Straight windows at a steady speed move a glider-sized target toward
    /// a drone, ones whose speed changed move it away, further than steady
    /// ones move it toward (a glider's recorded speed held in about half of
    /// its windows, an autopilot's in nearly all); at 36 m/s, as a glider
    /// leaves a thermal, the steady ones do not declare it.
    @Test func aSteadySpeedMovesTowardADroneAChangingOneAway() {
        let s = state(speedMps: 36, heightM: 1000)
        var steady = Self.windows(speedMps: 36, turnRateRadPerS: 0, seconds: 40)
        #expect(steady.straight == 4 && steady.steady == 4)
        let none = classify(evidence(rcsDbsm: -3, plots: 60), s)
        let held = classify(evidence(rcsDbsm: -3, plots: 60, turns: steady), s)
        steady.steady = 0
        let changed = classify(evidence(rcsDbsm: -3, plots: 60, turns: steady), s)
        #expect(changed.pUncrewed < none.pUncrewed && none.pUncrewed < held.pUncrewed, "\(changed.pUncrewed) \(none.pUncrewed) \(held.pUncrewed)")
        #expect(held.declared != .uncrewed, "p \(held.pUncrewed)")
    }
}
