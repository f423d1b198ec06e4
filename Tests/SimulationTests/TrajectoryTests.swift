import FusionMath
import Simulation
import Testing

@Suite struct TrajectoryTests {
    static let t0: Int64 = 1_794_787_200_000_000_000

    /// A varied set: random wanders with climbs, a level zig-zag, a diving run-in, an orbit.
    static func samplePaths() -> [Trajectory] {
        var g = SeededGenerator(seed: 11)
        var paths: [Trajectory] = []
        for _ in 0..<4 {
            paths.append(
                Trajectory.wander(
                    from: Vector3(0, 0, 500), in: Vector3(-8000, -8000, 200), Vector3(8000, 8000, 1500), legs: 6,
                    speedMps: g.uniform(30, 120), maxTurnRateRadPerS: 0.12, startNs: t0, generator: &g))
        }
        paths.append(
            Trajectory.zigzag(
                from: Vector3(-6000, 0, 800), to: Vector3(6000, 2000, 800), amplitudeM: 600, legLengthM: 2500,
                speedMps: 50, maxTurnRateRadPerS: 0.1, startNs: t0))
        paths.append(
            Trajectory.runIn(
                toward: Vector3(100, -200, 0), fromBearingRad: 2.0, rangeM: 9000, altitudeM: 900,
                terminalAltitudeM: 20, speedMps: 45, maxTurnRateRadPerS: 0.12, startNs: t0))
        paths.append(
            Trajectory.orbit(
                centre: Vector3(2000, 3000, 400), radiusM: 300, altitudeM: 400, startBearingRad: 1.0, turns: 1.5,
                speedMps: 15, startNs: t0))
        return paths
    }

    static func times(_ p: Trajectory, stepS: Double) -> [Int64] {
        var out: [Int64] = []
        var t = 0.0
        while t <= p.durationS {
            out.append(p.startNs + Int64((t * 1e9).rounded()))
            t += stepS
        }
        return out
    }

    @Test func horizontalSpeedIsTheCommandedSpeed() throws {
        for p in Self.samplePaths() {
            for t in Self.times(p, stepS: 0.5) {
                let s = try #require(p.state(atNs: t))
                let vh = (s.velocityENU.x * s.velocityENU.x + s.velocityENU.y * s.velocityENU.y).squareRoot()
                #expect(abs(vh - p.speedMps) < 1e-9 * p.speedMps)
            }
        }
        // A level path: the full speed is the commanded one.
        let level = Self.samplePaths()[4]
        for t in Self.times(level, stepS: 0.5) {
            #expect(abs(try #require(level.state(atNs: t)).velocityENU.norm - 50) < 1e-9)
        }
    }

    /// A glider's speed swing (`Trajectory.SpeedSwing`): the horizontal
    /// speed is the commanded one plus the sine, and the position still
    /// integrates the velocity.
    @Test func aSpeedSwingIsFlownAndIntegrated() throws {
        var p = Self.samplePaths()[0]
        let swing = Trajectory.SpeedSwing(amplitudeMps: 2.5, periodS: 80, phaseRad: 1)
        p.speedSwing = swing
        let h: Int64 = 1_000_000
        let tolerance = (p.speedMps * p.peakTurnRateRadPerS + 5) * 1e-3 + 1e-4
        // Away from the path's end, where the swing's extra distance is
        // clamped (at most A P / pi, 64 m).
        for t in Self.times(p, stepS: 0.37).dropFirst() where t < p.endNs - 10_000_000_000 {
            guard let a = p.state(atNs: t - h), let b = p.state(atNs: t + h) else { continue }
            let v = try #require(p.state(atNs: t)).velocityENU
            let ts = Double(t - p.startNs) * 1e-9
            let expected = p.speedMps + 2.5 * Math.sin(2 * Double.pi * ts / 80 + 1)
            #expect(abs(Math.hypot(v.x, v.y) - expected) < 1e-9 * p.speedMps)
            let fd = 1.0 / (2 * Double(h) * 1e-9) * (b.positionENU - a.positionENU)
            #expect(fd.isApproximatelyEqual(to: v, absoluteTolerance: tolerance), "t=\(ts) error \((fd - v).norm)")
        }
    }

    @Test func positionIntegratesVelocity() throws {
        // Central differences of positions over +-1 ms against the reported
        // velocity. Where a turn starts or ends the acceleration steps, so the
        // difference may be off by up to |a| h: turn plus climb-blend acceleration.
        let h: Int64 = 1_000_000
        for p in Self.samplePaths() {
            let tolerance = (p.speedMps * p.peakTurnRateRadPerS + 5) * 1e-3 + 1e-4
            for t in Self.times(p, stepS: 0.37).dropFirst().dropLast() {
                guard let a = p.state(atNs: t - h), let b = p.state(atNs: t + h) else { continue }
                let v = try #require(p.state(atNs: t)).velocityENU
                let fd = 1.0 / (2 * Double(h) * 1e-9) * (b.positionENU - a.positionENU)
                #expect(fd.isApproximatelyEqual(to: v, absoluteTolerance: tolerance), "t=\(t - p.startNs) error \((fd - v).norm)")
            }
        }
    }

    @Test func velocityIsContinuousAndTurnRateBounded() throws {
        let dt = 0.05
        for p in Self.samplePaths() {
            #expect(p.peakTurnRateRadPerS <= p.maxTurnRateRadPerS * (1 + 1e-9))
            var previous: Vector3? = nil
            var turned = 0.0
            for t in Self.times(p, stepS: dt) {
                let v = try #require(p.state(atNs: t)).velocityENU
                if let u = previous {
                    let dh = abs(Angle.wrapSigned(Math.atan2(v.y, v.x) - Math.atan2(u.y, u.x)))
                    turned += dh
                    // Heading rate within the bound (plus rounding of the step).
                    #expect(dh <= p.maxTurnRateRadPerS * dt * 1.001 + 1e-9)
                    // No step in the vertical rate: a jump would be metres per second.
                    #expect(abs(v.z - u.z) < 0.25, "vz jump \(u.z) -> \(v.z)")
                }
                previous = v
            }
            // The paths that turn really do, so the bound was exercised.
            if p.peakTurnRateRadPerS > 0 { #expect(turned > 0.5) }
        }
    }

    @Test func climbsReachTheWaypointHeights() throws {
        let p = Trajectory(
            waypoints: [Vector3(0, 0, 100), Vector3(4000, 0, 100), Vector3(8000, 0, 900), Vector3(12000, 0, 900)],
            speedMps: 40, maxTurnRateRadPerS: 0.1, startNs: Self.t0)
        let start = try #require(p.state(atNs: p.startNs))
        let end = try #require(p.state(atNs: p.endNs))
        #expect(start.positionENU.isApproximatelyEqual(to: Vector3(0, 0, 100), absoluteTolerance: 1e-9))
        #expect(end.positionENU.isApproximatelyEqual(to: Vector3(12000, 0, 900), absoluteTolerance: 0.05))
        // Mid-climb the climb rate is 800 m over 4000 m at 40 m/s.
        let mid = try #require(p.state(atNs: p.startNs + 150_000_000_000))
        #expect(abs(mid.velocityENU.z - 8) < 1e-9)
        #expect(abs(p.durationS - 300) < 1e-9)
    }

    @Test func nilOutsideTheFlightAndFirstWaypointAtStart() throws {
        let p = Self.samplePaths()[0]
        #expect(p.state(atNs: p.startNs - 1) == nil)
        #expect(p.state(atNs: p.endNs + 1_000_000) == nil)
        let s = try #require(p.state(atNs: p.startNs))
        #expect(s.positionENU.isApproximatelyEqual(to: Vector3(0, 0, 500), absoluteTolerance: 1e-9))
    }

    @Test func orbitStaysOnItsCircle() throws {
        let p = Self.samplePaths()[6]
        for t in Self.times(p, stepS: 1) {
            let s = try #require(p.state(atNs: t))
            let d = Math.hypot(s.positionENU.x - 2000, s.positionENU.y - 3000)
            #expect(abs(d - 300) < 1e-6)
        }
        // Starts on bearing 1.0 rad from the centre.
        let s0 = try #require(p.state(atNs: p.startNs)).positionENU
        #expect(abs(Math.atan2(s0.x - 2000, s0.y - 3000) - 1.0) < 1e-9)
        #expect(abs(p.durationS - 1.5 * 2 * Double.pi * 300 / 15) < 1e-6)
    }

    @Test func geodeticWaypointsLandOnTheirENUPositions() throws {
        let frame = LocalFrame(origin: Geodetic(latitudeDeg: 50.45, longitudeDeg: 30.52, heightM: 180))
        let a = Geodetic(latitudeDeg: 50.50, longitudeDeg: 30.40, heightM: 900)
        let b = Geodetic(latitudeDeg: 50.42, longitudeDeg: 30.62, heightM: 900)
        let p = Trajectory(
            geodeticWaypoints: [a, b], in: frame, speedMps: 50, maxTurnRateRadPerS: 0.1, startNs: Self.t0)
        let start = try #require(p.state(atNs: p.startNs)).positionENU
        let end = try #require(p.state(atNs: p.endNs)).positionENU
        #expect(start.isApproximatelyEqual(to: frame.enu(from: a), absoluteTolerance: 1e-6))
        #expect(end.isApproximatelyEqual(to: frame.enu(from: b), absoluteTolerance: 0.05))
    }
}
