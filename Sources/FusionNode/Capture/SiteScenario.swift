import FusionMath
import Simulation

/// Scenarios laid out on a site configuration, for `skycue-sim`.
///
/// The frame's origin is the configured node origin (else the first radar,
/// else `Scenario.defaultSite`); heights are metres above the origin's
/// plane. Everything random is drawn from `seed`.
public enum SiteScenario: String, Sendable, CaseIterable {
    /// A raid on the site's zones: `count` piston drones (default 12) in
    /// waves from the south-east, aimed in turn at each zone (polygon
    /// centroid or circle centre), half of them diving on it; `count / 6`
    /// jet drones from the east; `count / 6` multirotors loitering by the
    /// zones; crewed traffic (an airliner with a transponder, a helicopter
    /// and a light aircraft without) and a bird flock over the first zone.
    case raid
    /// `Scenario.mixedTraffic` around the origin, with `count` drones (default 3).
    case mixed
    /// Two piston drones crossing 150 m apart over the origin.
    case crossing
    /// One piston drone running in toward the origin from 15 km.
    case single

    /// The scenario's local frame for `configuration`.
    public static func frame(for configuration: SiteConfiguration) -> LocalFrame {
        LocalFrame(origin: configuration.node.origin ?? configuration.radars.compactMap(\.position).first ?? Scenario.defaultSite)
    }

    /// Builds the scenario, starting at `startNs` and lasting `durationS`.
    public func build(
        on configuration: SiteConfiguration, count: Int?, durationS: Double, startNs: Int64 = Scenario.defaultStartNs,
        seed: UInt64
    ) -> Scenario {
        let origin = Self.frame(for: configuration).origin
        switch self {
        case .single:
            return .single(kind: .pistonDrone, bearingRad: 2.2, rangeM: 15_000, site: origin, startNs: startNs, durationS: durationS, seed: seed)
        case .crossing:
            return .crossing(kind: .pistonDrone, separationM: 150, runS: durationS, site: origin, startNs: startNs, seed: seed)
        case .mixed:
            return .mixedTraffic(droneCount: count ?? 3, site: origin, startNs: startNs, durationS: durationS, seed: seed)
        case .raid:
            return Self.raid(on: configuration, drones: count ?? 12, durationS: durationS, startNs: startNs, seed: seed)
        }
    }

    /// Aim points of the zones in the frame, at the origin's plane.
    static func aimPoints(_ c: SiteConfiguration, frame: LocalFrame) -> [Vector3] {
        let points = c.zones.map { zone -> Vector3 in
            switch zone.shape {
            case .polygon(let vertices):
                let enu = vertices.map { frame.enu(from: $0) }
                let n = Double(max(1, enu.count))
                return Vector3(enu.reduce(0) { $0 + $1.x } / n, enu.reduce(0) { $0 + $1.y } / n, 0)
            case .circle(let center, _):
                let p = frame.enu(from: center)
                return Vector3(p.x, p.y, 0)
            }
        }
        return points.isEmpty ? [Vector3(0, 0, 0)] : points
    }

    static func raid(on c: SiteConfiguration, drones: Int, durationS: Double, startNs: Int64, seed: UInt64) -> Scenario {
        let frame = frame(for: c)
        var g = SeededGenerator(seed: seed)
        var scenario = Scenario(
            frame: frame, startNs: startNs, endNs: startNs + Int64((durationS * 1e9).rounded()), seed: seed, targets: [])
        func at(_ s: Double) -> Int64 { startNs + Int64((s * 1e9).rounded()) }
        func add(_ kind: TargetKind, _ path: Trajectory, transponder: Bool? = nil, _ g: inout SeededGenerator) {
            scenario.add(TruthTarget(id: scenario.nextID, kind: kind, trajectory: path, transponder: transponder, generator: &g))
        }
        let aims = aimPoints(c, frame: frame)
        let deg = Math.radiansPerDegree
        // Piston drones in waves from the south-east, 15 s apart.
        for k in 0..<max(0, drones) {
            let kind = TargetKind.pistonDrone
            let aim = aims[k % aims.count]
            let alt = g.uniform(200, 1200)
            let dives = g.uniform() < 0.5
            let path = Trajectory.runIn(
                toward: Vector3(aim.x, aim.y, dives ? aim.z : alt), fromBearingRad: g.uniform(100, 160) * deg,
                rangeM: g.uniform(17_000, 20_000), altitudeM: alt, terminalAltitudeM: dives ? aim.z + 20 : nil,
                speedMps: g.uniform(kind.speedRangeMps.lowerBound, kind.speedRangeMps.upperBound),
                maxTurnRateRadPerS: kind.maxTurnRateRadPerS, startNs: at(Double(k) * 15 + g.uniform(0, 5)))
            add(kind, path, &g)
        }
        // Jet drones from the east, later and faster.
        for k in 0..<max(0, drones / 6) {
            let kind = TargetKind.jetDrone
            let aim = aims[k % aims.count]
            let alt = g.uniform(150, 800)
            let path = Trajectory.runIn(
                toward: Vector3(aim.x, aim.y, aim.z), fromBearingRad: g.uniform(70, 110) * deg, rangeM: 25_000,
                altitudeM: alt, terminalAltitudeM: aim.z + 20,
                speedMps: g.uniform(kind.speedRangeMps.lowerBound, kind.speedRangeMps.upperBound),
                maxTurnRateRadPerS: kind.maxTurnRateRadPerS, startNs: at(60 + Double(k) * 40 + g.uniform(0, 10)))
            add(kind, path, &g)
        }
        // Multirotors loitering 2 km off the zones.
        for k in 0..<max(0, drones / 6) {
            let aim = aims[k % aims.count]
            let b = g.uniform(0, 2 * Double.pi)
            let path = Trajectory.orbit(
                centre: Vector3(aim.x + 2000 * Math.sin(b), aim.y + 2000 * Math.cos(b), 120), radiusM: 200,
                altitudeM: 120, startBearingRad: g.uniform(0, 2 * Double.pi),
                turns: max(0.5, durationS * 12 / (2 * Double.pi * 200)), speedMps: 12, startNs: at(30 + Double(k) * 20))
            add(.multirotor, path, &g)
        }
        // An airliner on an airway 6 km off the origin, crossing mid-run.
        let heading = g.uniform(250, 320) * deg
        let half = 0.6 * durationS * TargetKind.airliner.nominalSpeedMps
        let offset = (e: 6000 * Math.cos(heading), n: -6000 * Math.sin(heading))
        let dir = (e: Math.sin(heading), n: Math.cos(heading))
        let airway = Trajectory(
            waypoints: [
                Vector3(offset.e - half * dir.e, offset.n - half * dir.n, 9000),
                Vector3(offset.e + half * dir.e, offset.n + half * dir.n, 9000),
            ], speedMps: TargetKind.airliner.nominalSpeedMps, maxTurnRateRadPerS: TargetKind.airliner.maxTurnRateRadPerS,
            startNs: at(-0.1 * durationS))
        add(.airliner, airway, transponder: true, &g)
        // Low crewed traffic without transponders, and a bird flock.
        for (kind, halfWidth, heights) in [
            (TargetKind.helicopter, 8000.0, 150.0...400), (.lightAircraft, 12_000, 600...1500), (.bird, 2500, 50...300),
        ] {
            let centre = kind == .bird ? aims[0] : Vector3(0, 0, 0)
            let lo = Vector3(centre.x - halfWidth, centre.y - halfWidth, heights.lowerBound)
            let hi = Vector3(centre.x + halfWidth, centre.y + halfWidth, heights.upperBound)
            let start = Vector3(g.uniform(lo.x, hi.x), g.uniform(lo.y, hi.y), g.uniform(lo.z, hi.z))
            let speed = g.uniform(kind.speedRangeMps.lowerBound, kind.speedRangeMps.upperBound)
            let legs = max(2, Int(speed * durationS / halfWidth) + 2)
            let path = Trajectory.wander(
                from: start, in: lo, hi, legs: legs, speedMps: speed, maxTurnRateRadPerS: kind.maxTurnRateRadPerS,
                startNs: at(g.uniform(0, 20)), generator: &g)
            add(kind, path, transponder: false, &g)
        }
        return scenario
    }
}
