import FusionCore
import FusionMath
import Testing

/// The straight-run climb term: `StraightRunClimb` measures the mean climb
/// over a track's straight runs of a minute or more (fed by `TurnWindows`),
/// and the classifier weighs it against each profile's
/// `TargetProfile.straightClimbMps`.
@Suite struct StraightRunClimbTests {
    static let secondNs: Int64 = 1_000_000_000

    /// A track's turn windows and straight-run climb, fixed once a second.
    struct Flight {
        var turns = TurnWindows()
        var climb = StraightRunClimb()
        var timeS = 1_000
        var heading = 0.3
        var heightM = 1_000.0

        /// Flies `seconds` at `speedMps`, turning at `turnRateRadPerS` and
        /// climbing at `climbMps`, each fix's height with variance `varianceM2`.
        mutating func fly(seconds: Int, speedMps: Double = 45, turnRateRadPerS: Double = 0, climbMps: Double, varianceM2: Double = 0) {
            for _ in 0..<seconds {
                timeS += 1
                heading += turnRateRadPerS
                heightM += climbMps
                let t = Int64(timeS) * StraightRunClimbTests.secondNs
                let outcome = turns.observe(
                    eastMps: speedMps * Math.sin(heading), northMps: speedMps * Math.cos(heading), sigmaMps: 1, timeNs: t)
                climb.observe(outcome, heightM: heightM, varianceM2: varianceM2, timeNs: t)
            }
        }
    }

    @Test func straightRunsCountTheirClimbAndTurnsAndDashesDoNot() {
        var f = Flight()
        f.fly(seconds: 130, climbMps: -1)
        guard let glide = f.climb.meanClimb else {
            Issue.record("a straight run of two minutes did not count")
            return
        }
        #expect(abs(glide.mps + 1) < 1e-3 && f.climb.straightS >= 110 && f.climb.straightS <= 130, "\(glide) \(f.climb.straightS) s")
        // Circling up in a thermal (the run ends at the first turning
        // window), then a 40 s dash to the next thermal, level, and circling
        // again: neither the turns nor the dash, shorter than `minRunNs`, count.
        f.fly(seconds: 120, speedMps: 28, turnRateRadPerS: 0.15, climbMps: 2)
        let counted = f.climb.straightS, mean = f.climb.meanClimb?.mps ?? 0
        f.fly(seconds: 40, climbMps: 0)
        f.fly(seconds: 30, speedMps: 28, turnRateRadPerS: 0.15, climbMps: 2)
        #expect(f.climb.straightS == counted && f.climb.meanClimb?.mps == mean, "\(counted) s \(mean): \(f.climb)")
        // A second long run, level: the mean over both runs, by time.
        f.fly(seconds: 130, climbMps: 0)
        let both = f.climb.meanClimb?.mps ?? 0
        #expect(f.climb.straightS > counted + 110 && abs(both - mean * counted / f.climb.straightS) < 1e-3, "\(both)")
    }

    @Test func theVarianceIsTheEndsHeightsOverTheRun() {
        var f = Flight()
        f.fly(seconds: 121, climbMps: 0, varianceM2: 900)
        let s = f.climb.straightS
        #expect(abs((f.climb.meanClimb?.varianceMps2 ?? 0) - 1800 / (s * s)) < 1e-9, "\(s) s")
        // A slow or unsteady heading (a hovering multirotor) counts nothing.
        var hover = Flight()
        hover.fly(seconds: 200, speedMps: 3, climbMps: 0)
        #expect(hover.climb.meanClimb == nil)
    }

    func evidence(rcsDbsm: Double, _ f: Flight) -> TrackEvidence {
        var e = TrackEvidence()
        var m = MeasurementEvidence()
        for k in 0..<60 {
            m.rcsDbsm = rcsDbsm + (k % 2 == 0 ? 4 : -4)
            e.absorb(m, kind: .radar, timeNs: Int64(k))
        }
        e.turns = f.turns
        e.straightClimb = f.climb
        return e
    }

    func pUncrewed(_ e: TrackEvidence, speedMps: Double) -> (Double, ClassBelief) {
        var p = StateCovariance.zero
        for i in 0..<3 { p[i, i] = 100 }
        for i in 3..<6 { p[i, i] = 4 }
        let s = GaussianState(mean: StateVector([0, 0, 1000, speedMps, 0, 0]), covariance: p, timeNs: 0)
        let c = EvidenceClassifier()
        var b = ClassBelief()
        for k in 0..<10 { b = c.classify(e, state: s, updates: UInt32(20 + k), previous: b) }
        return (b.pUncrewed, b)
    }

    /// A glider-sized target at a glider's cruise speed, two minutes
    /// straight: sinking 1.2 m/s (gliding) moves it toward crewed by the
    /// straight-climb term; held level it moves toward uncrewed, but a
    /// glider runs level along ridges for up to half its straight time, so
    /// the term alone is worth less than half a nat there.
    @Test func aGlidersSinkSaysCrewedAndALevelRunSaysLittle() {
        var level = Flight(), sinking = Flight(), none = Flight()
        level.fly(seconds: 130, climbMps: 0, varianceM2: 400)
        sinking.fly(seconds: 130, climbMps: -1.2, varianceM2: 400)
        none.fly(seconds: 50, climbMps: 0, varianceM2: 400)
        let (pLevel, _) = pUncrewed(evidence(rcsDbsm: -3, level), speedMps: 45)
        let (pSinking, bSinking) = pUncrewed(evidence(rcsDbsm: -3, sinking), speedMps: 45)
        let (pNone, _) = pUncrewed(evidence(rcsDbsm: -3, none), speedMps: 45)
        #expect(pSinking < pNone && pNone < pLevel, "\(pSinking) \(pNone) \(pLevel)")
        #expect(bSinking.declared != .uncrewed)
        func odds(_ p: Double) -> Double { Math.log(p / (1 - p)) }
        #expect(odds(pLevel) - odds(pNone) < 0.5, "level run worth \(odds(pLevel) - odds(pNone)) nats")
        #expect(odds(pNone) - odds(pSinking) > 1.5, "sink worth \(odds(pNone) - odds(pSinking)) nats")
    }
}
