import FusionCore
import FusionMath
import Simulation
import Testing

/// The cross-fix initiator on hand-built bearings: where a fix lands and
/// what it refuses to pair.
@Suite struct BearingCrossFixInitiatorTests {
    static let t0 = TestSupport.t0Ns
    static let sensors = [Vector3(0, 0, 0), Vector3(2_000, 0, 0), Vector3(0, 2_000, 0), Vector3(2_000, 2_000, 0)]

    static let sigmaAzRad = 0.05, sigmaElRad = 0.09

    /// A bearing of `target` from sensor `k` at `timeNs`, exact or with its
    /// sigmas times the standard normal draws `noise`.
    static func bearing(
        _ target: Vector3, sensor k: Int, timeNs: Int64, fundamentalHz: Double? = 150, sourceID: UInt32 = 0,
        noise: (az: Double, el: Double) = (0, 0)
    ) -> Measurement {
        let d = target - sensors[k]
        let az = Math.atan2(d.x, d.y) + sigmaAzRad * noise.az, el = Math.asin(d.z / d.norm) + sigmaElRad * noise.el
        var e = MeasurementEvidence()
        e.fundamentalHz = fundamentalHz
        e.sensorSourceID = sourceID
        return .bearing(
            timeNs: timeNs, sensor: SensorIndex(10 + k), pose: SensorPose(positionENU: sensors[k]),
            azimuthRad: Angle.wrapPositive(az), elevationRad: el, sigmaAzimuthRad: sigmaAzRad, sigmaElevationRad: sigmaElRad,
            evidence: e)
    }

    @Test func exactBearingsOfThreeSensorsFixTheTarget() throws {
        let target = Vector3(900, 1_300, 700)
        var set = BearingTriangulation(
            Self.bearing(target, sensor: 0, timeNs: Self.t0),
            Self.bearing(target, sensor: 1, timeNs: Self.t0))
        let appended = set.append(Self.bearing(target, sensor: 2, timeNs: Self.t0))
        #expect(appended)
        let fix = try #require(set.solve(configuration: CrossFixConfiguration(), maxRangeM: 8_000))
        #expect((fix.position - target).norm < 1, "fix \(fix.position)")
        // Only the altitude prior (600 m, 1000 m) is off: (700 - 600)^2 / 1000^2.
        #expect(fix.chiSquare < 0.011 && fix.degreesOfFreedom == 4)
    }

    /// Noisy bearings: the fix error is consistent with its own covariance
    /// (mean normalised squared error near 3 for 3 dimensions).
    @Test func fixCovarianceMatchesItsError() throws {
        var g = SeededGenerator(seed: 11)
        var nees = 0.0
        let runs = 300
        for _ in 0..<runs {
            let target = Vector3(g.uniform(300, 1_700), g.uniform(300, 1_700), g.uniform(200, 1_500))
            var set = BearingTriangulation(
                Self.bearing(target, sensor: 0, timeNs: Self.t0, noise: (g.normal(), g.normal())),
                Self.bearing(target, sensor: 1, timeNs: Self.t0, noise: (g.normal(), g.normal())))
            _ = set.append(Self.bearing(target, sensor: 2, timeNs: Self.t0, noise: (g.normal(), g.normal())))
            let fix = try #require(set.solve(configuration: CrossFixConfiguration(), maxRangeM: 8_000))
            nees += try Cholesky(fix.covariance).mahalanobisSquared(fix.position - target)
        }
        #expect(abs(nees / Double(runs) - 3) < 0.8, "mean NEES \(nees / Double(runs))")
    }

    /// Three sensors hear one source for three seconds: the engine starts
    /// one track near it from bearings alone, whatever order the bearings
    /// arrive in (on time, newest first, shuffled).
    @Test func oneSourceStartsOneTrackInAnyArrivalOrder() throws {
        let target = Vector3(1_100, 700, 600)
        var bearings: [Measurement] = []
        for second in 0..<3 {
            for k in 0..<3 {
                let t = Self.t0 + Int64(second) * 1_000_000_000 + Int64(k) * 100_000_000
                bearings.append(Self.bearing(target, sensor: k, timeNs: t, sourceID: UInt32(7 + k)))
            }
        }
        let shuffled = bearings.enumerated().sorted { ($0.offset * 5) % 9 < ($1.offset * 5) % 9 }.map(\.element)
        for order in [bearings, bearings.reversed(), shuffled] {
            var engine = FusionEngine()
            for m in order { engine.process(m) }
            #expect(engine.counters.tracksStarted == 1)
            #expect(engine.trackCount == 1)
            guard engine.trackCount == 1 else { continue }
            let p = engine.tracks[engine.tracks.slot(atActiveIndex: 0)].filter.state.position
            #expect((p - target).norm < 30, "track at \(p)")
        }
    }

    /// A sensor never pairs its own bearings, and fundamentals that differ
    /// beyond noise and Doppler never pair: nothing is fixed.
    @Test func ownBearingsAndForeignFundamentalsNeverPair() {
        let target = Vector3(1_000, 1_000, 500)
        var own = BearingCrossFixInitiator(maxRangeM: 8_000)
        var foreign = BearingCrossFixInitiator(maxRangeM: 8_000)
        for second in 0..<4 {
            let t = Self.t0 + Int64(second) * 1_000_000_000
            for k in 0..<3 {
                // Three bearings of one sensor toward three points.
                let a = Self.bearing(target + Vector3(Double(k) * 300, 0, 0), sensor: 0, timeNs: t + Int64(k))
                own.hear(a)
                let ownFix = own.offer(a)
                #expect(ownFix == nil)
                // Three sensors, each hearing a different engine (100 Hz apart).
                let b = Self.bearing(target, sensor: k, timeNs: t, fundamentalHz: 100 + 100 * Double(k))
                foreign.hear(b)
                let foreignFix = foreign.offer(b)
                #expect(foreignFix == nil)
            }
        }
        #expect(own.counters.pairsSolved == 0)
        #expect(foreign.counters.fixes == 0 && foreign.counters.started == 0)
    }

    /// A raid's worth of unexplained bearings: pair solutions per bearing
    /// never exceed the configured cap.
    @Test func pairWorkPerBearingIsCapped() {
        var c = CrossFixConfiguration()
        c.maxPairsPerBearing = 8
        var initiator = BearingCrossFixInitiator(configuration: c, maxRangeM: 8_000)
        var g = SeededGenerator(seed: 5)
        for n in 0..<600 {
            let target = Vector3(g.uniform(-3_000, 5_000), g.uniform(-3_000, 5_000), g.uniform(100, 1_500))
            let m = Self.bearing(target, sensor: n % 4, timeNs: Self.t0 + Int64(n) * 3_000_000, fundamentalHz: nil)
            let before = initiator.counters.pairsSolved
            initiator.hear(m)
            _ = initiator.offer(m)
            #expect(initiator.counters.pairsSolved - before <= 8)
        }
        #expect(initiator.counters.pairBudgetSpent > 0, "the cap was reached")
    }
}
