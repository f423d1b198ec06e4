import FusionCore
import FusionMath
import Simulation
import Testing

@Suite struct RecordedPathTests {
    /// Irregular sample times (1-12 s apart) along a random smooth-ish walk.
    static func randomPath(seed: UInt64) -> RecordedPath {
        var g = SeededGenerator(seed: seed)
        var t: Int64 = 1_000_000_000_000
        var p = Vector3(g.uniform(-5000, 5000), g.uniform(-5000, 5000), g.uniform(100, 2000))
        var times: [Int64] = [], points: [Vector3] = []
        for _ in 0..<40 {
            times.append(t)
            points.append(p)
            let dt = g.uniform(1, 12)
            t += Int64(dt * 1e9)
            p += dt * Vector3(g.uniform(-60, 60), g.uniform(-60, 60), g.uniform(-5, 5))
        }
        return RecordedPath(timesNs: times, positionsENU: points)
    }

    @Test func passesThroughEverySampleWithContinuousVelocity() throws {
        for seed in UInt64(1)...50 {
            let path = Self.randomPath(seed: seed)
            for (k, t) in path.timesNs.enumerated() {
                let s = try #require(path.state(atNs: t))
                #expect((s.positionENU - path.positionsENU[k]).norm < 1e-6)
                guard k > 0, k < path.timesNs.count - 1 else { continue }
                // Just before and just after a sample: no jump in velocity.
                let before = try #require(path.state(atNs: t - 1000)), after = try #require(path.state(atNs: t + 1000))
                #expect((before.velocityENU - after.velocityENU).norm < 1e-3)
            }
            #expect(path.state(atNs: path.startNs - 1) == nil)
            #expect(path.state(atNs: path.endNs + 1) == nil)
        }
    }

    @Test func velocityIsTheDerivativeOfPosition() throws {
        for seed in UInt64(1)...20 {
            let path = Self.randomPath(seed: seed)
            var t = path.startNs + 500_000_000
            while t < path.endNs - 500_000_000 {
                let s = try #require(path.state(atNs: t))
                let a = try #require(path.state(atNs: t - 1_000_000)), b = try #require(path.state(atNs: t + 1_000_000))
                let slope = (1 / 0.002) * (b.positionENU - a.positionENU)
                #expect((slope - s.velocityENU).norm < 0.01 * max(1, s.velocityENU.norm))
                t += 700_000_000
            }
        }
    }

    /// Samples of a straight, constant-velocity flight give exactly that flight.
    @Test func constantVelocitySamplesGiveConstantVelocity() throws {
        let v = Vector3(40, -25, 2)
        let times: [Int64] = [0, 3, 4, 11, 12, 20].map { 5_000_000_000_000 + $0 * 1_000_000_000 }
        let path = RecordedPath(
            timesNs: times, positionsENU: times.map { secondsBetween(times[0], $0) * v + Vector3(100, 200, 300) })
        let trajectory = Trajectory(recorded: path)
        #expect(trajectory.startNs == times[0] && trajectory.endNs == times[times.count - 1])
        #expect(abs(trajectory.speedMps - Math.hypot(40, 25)) < 1e-9)
        var t = times[0]
        while t <= times[times.count - 1] {
            let s = try #require(trajectory.state(atNs: t))
            #expect((s.velocityENU - v).norm < 1e-9)
            #expect((s.positionENU - (secondsBetween(times[0], t) * v + Vector3(100, 200, 300))).norm < 1e-6)
            t += 250_000_000
        }
        #expect(trajectory.peakTurnRateRadPerS < 1e-9)
    }
}
