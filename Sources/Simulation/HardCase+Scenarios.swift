import FusionMath

/// The targets of each hard case (see `HardCase`).
extension HardCase {
    func build(_ scenario: inout Scenario, _ g: inout SeededGenerator) {
        let start = scenario.startNs
        let durationS = scenario.durationS
        func at(_ s: Double) -> Int64 { start + nanoseconds(s) }
        func add(_ kind: TargetKind, _ path: Trajectory, fundamentalHz: Double?? = nil, _ g: inout SeededGenerator) {
            var t = TruthTarget(id: scenario.nextID, kind: kind, trajectory: path, transponder: false, generator: &g)
            if let f = fundamentalHz {
                t = TruthTarget(
                    id: t.id, kind: kind, trajectory: path, rcsDbsm: t.rcsDbsm, icaoAddress: nil, callsign: nil,
                    fundamentalHz: f, groupSize: t.groupSize)
            }
            scenario.add(t)
        }
        /// A run-in toward the zone from `rangeM` out on a random bearing
        /// near `bearingRad`, at the kind's speeds, half of them diving.
        func runIn(_ kind: TargetKind, bearingRad: Double, rangeM: Double, launchS: Double, aim: Vector3 = .zero, _ g: inout SeededGenerator) {
            let band = kind.altitudeBandM
            let alt = g.uniform(max(150, band.lowerBound), min(band.upperBound, 1200))
            let dives = g.uniform() < 0.5
            let path = Trajectory.runIn(
                toward: Vector3(aim.x, aim.y, dives ? 0 : alt), fromBearingRad: bearingRad + g.uniform(-0.3, 0.3),
                rangeM: rangeM, altitudeM: alt, terminalAltitudeM: dives ? 20 : nil,
                speedMps: g.uniform(kind.speedRangeMps.lowerBound, kind.speedRangeMps.upperBound),
                maxTurnRateRadPerS: kind.maxTurnRateRadPerS, startNs: at(launchS))
            add(kind, path, &g)
        }
        /// `path` flown by a glider: its ground speed swings 1.5-4 m/s
        /// either way over 60-100 s (speed-to-fly through lift and sink). On
        /// the OpenSky recordings (luberon, sisteron: straight flight, the
        /// feed's extrapolated state vectors dropped) a glider's ground speed
        /// changed by less than 1.5 m/s in 53-57 % of its 10 s windows, in
        /// all of 4 windows in a row 13-24 % of the time, and its standard
        /// deviation over a straight run was a median 2 m/s; this swing
        /// gives 58 %, 21 % and 1.9 m/s.
        func gliding(_ path: Trajectory, _ g: inout SeededGenerator) -> Trajectory {
            var path = path
            path.speedSwing = Trajectory.SpeedSwing(
                amplitudeMps: g.uniform(1.5, 4), periodS: g.uniform(60, 100), phaseRad: g.uniform(0, 2 * Double.pi))
            return path
        }
        /// A wander inside a box round `centre`.
        func wander(_ kind: TargetKind, centre: Vector3, halfWidthM: Double, heights: ClosedRange<Double>, speeds: ClosedRange<Double>? = nil, _ g: inout SeededGenerator) {
            let lo = Vector3(centre.x - halfWidthM, centre.y - halfWidthM, heights.lowerBound)
            let hi = Vector3(centre.x + halfWidthM, centre.y + halfWidthM, heights.upperBound)
            let from = Vector3(g.uniform(lo.x, hi.x), g.uniform(lo.y, hi.y), g.uniform(lo.z, hi.z))
            let range = speeds ?? kind.speedRangeMps
            let speed = g.uniform(range.lowerBound, range.upperBound)
            let legs = max(2, Int(speed * durationS / halfWidthM) + 3)
            let path = Trajectory.wander(
                from: from, in: lo, hi, legs: legs, speedMps: speed, maxTurnRateRadPerS: kind.maxTurnRateRadPerS,
                startNs: at(g.uniform(0, 10)), generator: &g)
            add(kind, kind == .glider ? gliding(path, &g) : path, &g)
        }
        /// A straight pass across the site from `rangeM` out, missing the
        /// origin by `offsetM`.
        func pass(_ kind: TargetKind, rangeM: Double, offsetM: Double, altitudeM: Double, speedMps: Double, centre: Vector3 = .zero, fundamentalHz: Double?? = nil, _ g: inout SeededGenerator) {
            let b = g.uniform(0, 2 * Double.pi)
            let dir = Vector3(-Math.sin(b), -Math.cos(b), 0)
            let side = Vector3(Math.cos(b), -Math.sin(b), 0)
            let c = Vector3(centre.x, centre.y, altitudeM) + offsetM * side
            let path = Trajectory(
                waypoints: [c - rangeM * dir, c + rangeM * dir], speedMps: speedMps,
                maxTurnRateRadPerS: kind.maxTurnRateRadPerS, startNs: at(g.uniform(0, 10) - 0.5 * rangeM / speedMps))
            add(kind, kind == .glider ? gliding(path, &g) : path, fundamentalHz: fundamentalHz, &g)
        }
        switch self {
        case .lowSlowHelicopter:
            for _ in 0..<2 { wander(.helicopter, centre: .zero, halfWidthM: 7000, heights: 50...150, speeds: 20...35, &g) }
            runIn(.pistonDrone, bearingRad: g.uniform(0, 6.28), rangeM: 12_000, launchS: 0, &g)
        case .droneLikeLightAircraft:
            for _ in 0..<2 {
                // A geared four-stroke at 5,000-5,800 rpm: firing rate 110-180 Hz.
                pass(
                    .lightAircraft, rangeM: 14_000, offsetM: g.uniform(-2500, 2500), altitudeM: g.uniform(300, 900),
                    speedMps: g.uniform(45, 55), fundamentalHz: .some(g.uniform(110, 180)), &g)
            }
            for k in 0..<2 { runIn(.pistonDrone, bearingRad: g.uniform(0, 6.28), rangeM: 12_000, launchS: Double(k) * 20, &g) }
        case .glider:
            for _ in 0..<2 {
                let c = Vector3(g.uniform(-6000, 6000), g.uniform(-6000, 6000), 0)
                let r = g.uniform(150, 250)
                let path = Trajectory.orbit(
                    centre: c, radiusM: r, altitudeM: g.uniform(800, 1500), startBearingRad: g.uniform(0, 6.28),
                    turns: durationS * 30 / (2 * Double.pi * r), clockwise: g.uniform() < 0.5, speedMps: 30, startNs: at(0))
                add(.glider, path, &g)
            }
            // Running between thermals (or along a ridge, level) at cruise speed.
            pass(
                .glider, rangeM: 10_000, offsetM: g.uniform(-4000, 4000), altitudeM: g.uniform(800, 1500),
                speedMps: g.uniform(35, 48), &g)
        case .birdFlocks:
            for _ in 0..<6 { wander(.bird, centre: .zero, halfWidthM: 6000, heights: 30...400, &g) }
        case .multirotors:
            for _ in 0..<4 {
                let b = Double(1 + Int(g.next() % 6)) * Double.pi / 3
                let c = Vector3(3000 * Math.sin(b) + g.uniform(-300, 300), 3000 * Math.cos(b) + g.uniform(-300, 300), 0)
                let r = g.uniform(100, 250), speed = g.uniform(8, 15)
                let path = Trajectory.orbit(
                    centre: c, radiusM: r, altitudeM: g.uniform(50, 200), startBearingRad: g.uniform(0, 6.28),
                    turns: durationS * speed / (2 * Double.pi * r), speedMps: speed, startNs: at(g.uniform(0, 20)))
                add(.multirotor, path, &g)
            }
            let b = Double(1 + Int(g.next() % 6)) * Double.pi / 3
            let path = Trajectory.runIn(
                toward: Vector3(0, 0, 100), fromBearingRad: b, rangeM: 4500, altitudeM: 100, speedMps: 15,
                maxTurnRateRadPerS: TargetKind.multirotor.maxTurnRateRadPerS, startNs: at(0))
            add(.multirotor, path, &g)
        case .jetDrones:
            let sector = g.uniform(0, 2 * Double.pi)
            for k in 0..<4 { runIn(.jetDrone, bearingRad: sector, rangeM: 15_000, launchS: Double(k) * 15 + g.uniform(0, 5), &g) }
        case .pistonRaid:
            let raid = Scenario.raid(
                count: 200, sectorCentreRad: g.uniform(0, 2 * Double.pi), rangeM: 15_000, launchIntervalS: 1,
                site: Scenario.defaultSite, startNs: start, durationS: durationS, seed: g.next())
            for t in raid.targets { scenario.add(t) }
        case .acousticOnlyArea:
            let centre = Vector3(30_000, 0, 0)
            for k in 0..<2 {
                runIn(.pistonDrone, bearingRad: g.uniform(0, 6.28), rangeM: 7000, launchS: Double(k) * 20, aim: centre, &g)
            }
            pass(.lightAircraft, rangeM: 8000, offsetM: g.uniform(-2000, 2000), altitudeM: g.uniform(400, 900), speedMps: 55, centre: centre, &g)
        case .radarOnlyArea:
            let nw = -Double.pi / 4
            for k in 0..<3 { runIn(.pistonDrone, bearingRad: nw, rangeM: 13_000, launchS: Double(k) * 20, &g) }
            runIn(.jetDrone, bearingRad: nw, rangeM: 15_000, launchS: 40, &g)
            let area = Vector3(-8500, 8500, 0)
            wander(.lightAircraft, centre: area, halfWidthM: 3000, heights: 400...1200, &g)
            wander(.helicopter, centre: area, halfWidthM: 3000, heights: 80...300, &g)
            wander(.glider, centre: area, halfWidthM: 3000, heights: 800...1400, &g)
            for _ in 0..<2 { wander(.bird, centre: area, halfWidthM: 3000, heights: 50...300, &g) }
        }
    }
}
