import Cueing
import FusionMath
import Simulation
import Testing

@Suite struct InterceptSolverTests {
    /// Earliest step `k * dt` at which the interceptor can be at the target:
    /// in range for a gun; `|target(t) - site| <= s t` with `s t <= range`
    /// for a launched interceptor.
    static func brute(_ k: Interceptor, _ p: Vector3, _ v: Vector3, from: Double, to: Double, dt: Double) -> Double? {
        var t = from
        while t <= to + 1e-12 {
            let d = (p + t * v - k.positionENU).norm
            switch k.kind {
            case .gunTeam:
                if d <= k.rangeM { return t }
            case .interceptorDrone, .missile:
                let flown = k.speedMps * t
                if flown > k.rangeM { return nil }
                if d <= flown { return t }
            }
            t += dt
        }
        return nil
    }

    static func randomInterceptor(_ kind: InterceptorKind, _ rng: inout SeededGenerator) -> Interceptor {
        let site = Vector3(rng.uniform(-2000, 2000), rng.uniform(-2000, 2000), rng.uniform(0, 200))
        switch kind {
        case .gunTeam:
            return Fixture.interceptor("G", zone: "Z", kind: kind, at: site, speed: 0, range: rng.uniform(500, 4000))
        case .interceptorDrone:
            return Fixture.interceptor("D", zone: "Z", kind: kind, at: site, speed: rng.uniform(30, 120), range: rng.uniform(2000, 12000))
        case .missile:
            return Fixture.interceptor("M", zone: "Z", kind: kind, at: site, speed: rng.uniform(200, 900), range: rng.uniform(3000, 15000))
        }
    }

    /// The closed form agrees with 1 ms stepping to within 0.1 s over random
    /// geometries (targets slower and faster than the interceptor, closing
    /// and opening), and reports no solution exactly where stepping finds
    /// none within the horizon. A solution stepping misses must be a window
    /// shorter than a step, which 100x finer stepping around it confirms.
    @Test(arguments: InterceptorKind.allCases)
    func closedFormAgreesWithStepping(kind: InterceptorKind) {
        var rng = SeededGenerator(seed: 101 + UInt64(kind.rawValue))
        let horizon = 90.0, dt = 0.001
        var solved = 0, unsolved = 0, windows = 0
        for _ in 0..<1_000 {
            let k = Self.randomInterceptor(kind, &rng)
            let p = Vector3(rng.uniform(-9000, 9000), rng.uniform(-9000, 9000), rng.uniform(50, 4000))
            let speed = rng.uniform(5, 350)
            // Half head roughly for the site (within 60 degrees), half anywhere.
            let toSite = k.positionENU - p
            let heading =
                rng.uniform() < 0.5
                ? Math.atan2(toSite.y, toSite.x) + rng.uniform(-Double.pi / 3, Double.pi / 3)
                : rng.uniform(0, 2 * Double.pi)
            let v = Vector3(speed * Math.cos(heading), speed * Math.sin(heading), rng.uniform(-10, 10))
            let solution = k.intercept(targetPosition: p, targetVelocity: v, horizonS: horizon)
            let brute = Self.brute(k, p, v, from: 0, to: horizon, dt: dt)
            switch (solution, brute) {
            case (let s?, let bf?):
                solved += 1
                #expect(abs(s.timeS - bf) < 0.1, "closed form \(s.timeS) s, stepping \(bf) s")
                #expect(s.timeS <= bf + 1e-9 && bf - s.timeS <= dt + 1e-6)
                // The point is the target's position at that time.
                #expect((s.point - (p + s.timeS * v)).norm < 1e-6)
                let reach = (s.point - k.positionENU).norm
                if kind == .gunTeam {
                    #expect(reach <= k.rangeM + 1e-6)
                } else {
                    #expect(abs(reach - k.speedMps * s.timeS) < 1e-6 * max(1, reach) && reach <= k.rangeM + 1e-6)
                }
            case (nil, let bf?):
                Issue.record("stepping intercepts at \(bf) s, closed form finds none")
            case (let s?, nil):
                windows += 1
                let fine = Self.brute(k, p, v, from: max(0, s.timeS - dt), to: min(horizon, s.timeS + dt), dt: dt / 100)
                #expect(fine != nil, "closed form \(s.timeS) s not confirmed by fine stepping")
            case (nil, nil):
                unsolved += 1
            }
        }
        #expect(solved > 100 && unsolved > 100, "solved \(solved), unsolved \(unsolved)")
        #expect(windows < 10)
    }

    @Test func kindsParseFromTheirConfigNames() {
        #expect(InterceptorKind(configName: "gun-team") == .gunTeam)
        #expect(InterceptorKind(configName: "interceptor-drone") == .interceptorDrone)
        #expect(InterceptorKind(configName: "missile") == .missile)
        #expect(InterceptorKind(configName: "missiles") == nil)
        #expect(InterceptorKind.allCases.map(\.defaultCapacity) == [1, 1, 2])
    }

    /// Hand-checked cases: head-on closing, a target already within reach,
    /// a faster target flying away, one as fast crossing at right angles,
    /// and an intercept point beyond range.
    @Test func specialCases() {
        let site = Vector3(0, 0, 0)
        // Head-on: 10 km apart, closing at 100 + 50 m/s: 66.67 s.
        let headOn = InterceptSolver.pursuit(
            site: site, speedMps: 100, rangeM: 20000, targetPosition: Vector3(10000, 0, 0),
            targetVelocity: Vector3(-50, 0, 0), horizonS: 600)
        #expect(abs(headOn!.timeS - 10000.0 / 150) < 1e-9)
        // Gun: already in range.
        #expect(
            InterceptSolver.staticWeapon(
                site: site, rangeM: 2000, targetPosition: Vector3(1000, 0, 0), targetVelocity: Vector3(10, 0, 0),
                horizonS: 600)?.timeS == 0)
        // Faster target going away: never.
        #expect(
            InterceptSolver.pursuit(
                site: site, speedMps: 80, rangeM: 20000, targetPosition: Vector3(1000, 0, 0),
                targetVelocity: Vector3(100, 0, 0), horizonS: 600) == nil)
        // As fast, crossing at right angles: the distance never shrinks to zero.
        #expect(
            InterceptSolver.pursuit(
                site: site, speedMps: 100, rangeM: 1e9, targetPosition: Vector3(1000, 0, 0),
                targetVelocity: Vector3(0, 100, 0), horizonS: 1e6) == nil)
        // Head-on, but the meeting point (6.67 km) is beyond 5 km of range.
        #expect(
            InterceptSolver.pursuit(
                site: site, speedMps: 100, rangeM: 5000, targetPosition: Vector3(10000, 0, 0),
                targetVelocity: Vector3(-50, 0, 0), horizonS: 600) == nil)
        // Gun passed by at 1.5 km closest approach with 1 km range: never.
        #expect(
            InterceptSolver.staticWeapon(
                site: site, rangeM: 1000, targetPosition: Vector3(-5000, 1500, 0), targetVelocity: Vector3(50, 0, 0),
                horizonS: 600) == nil)
    }
}
