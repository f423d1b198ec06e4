import FusionMath

/// Ready-made scenarios. Bearings are clockwise from north (radians), ranges
/// and heights metres in the site's ENU frame, times ns since the Unix epoch.
extension Scenario {
    /// The site of the ICD's example configuration (50.45 N, 30.52 E, 180 m HAE).
    public static let defaultSite = Geodetic(latitudeDeg: 50.45, longitudeDeg: 30.52, heightM: 180)

    /// 2026-11-15T00:00:00Z, a fixed start so that runs are comparable.
    public static let defaultStartNs: Int64 = 1_794_787_200_000_000_000

    /// One target of `kind` running in toward the site from `rangeM` out on
    /// `bearingRad`, at the kind's nominal speed and the middle of its height band.
    public static func single(
        kind: TargetKind, bearingRad: Double = 0.6, rangeM: Double = 12_000, altitudeM: Double? = nil,
        site: Geodetic = defaultSite, startNs: Int64 = defaultStartNs, durationS: Double = 300, seed: UInt64
    ) -> Scenario {
        var g = SeededGenerator(seed: seed)
        let band = kind.altitudeBandM
        let alt = altitudeM ?? min(band.upperBound, band.lowerBound + 0.25 * (band.upperBound - band.lowerBound))
        let path = Trajectory.runIn(
            toward: Vector3(0, 0, alt), fromBearingRad: bearingRad, rangeM: rangeM, altitudeM: alt,
            speedMps: kind.nominalSpeedMps, maxTurnRateRadPerS: kind.maxTurnRateRadPerS, startNs: startNs)
        let target = TruthTarget(id: 1, kind: kind, trajectory: path, generator: &g)
        return Scenario(
            frame: LocalFrame(origin: site), startNs: startNs, endNs: startNs + nanoseconds(durationS), seed: seed,
            targets: [target])
    }

    /// Two targets of `kind` on straight tracks that cross above `centre` with
    /// headings `crossingAngleRad` apart. At the crossing time (half the run)
    /// they are `separationM` apart horizontally, perpendicular to the mean
    /// heading, and `verticalSeparationM` apart in height: the classic test of
    /// association for two close targets.
    public static func crossing(
        kind: TargetKind, separationM: Double, crossingAngleRad: Double = Double.pi / 2,
        verticalSeparationM: Double = 0, centre: Vector3 = Vector3(0, 0, 500), headingRad: Double = 0.3,
        runS: Double = 240, site: Geodetic = defaultSite, startNs: Int64 = defaultStartNs, seed: UInt64
    ) -> Scenario {
        var g = SeededGenerator(seed: seed)
        let speed = kind.nominalSpeedMps
        let half = 0.5 * runS * speed
        // Unit vector perpendicular to the mean heading (bearing convention: east = sin, north = cos).
        let mean = headingRad + crossingAngleRad / 2
        let perp = (e: Math.cos(mean), n: -Math.sin(mean))
        var targets: [TruthTarget] = []
        for (index, heading, side) in [(1, headingRad, 0.5), (2, headingRad + crossingAngleRad, -0.5)] {
            let pass = Vector3(
                centre.x + side * separationM * perp.e, centre.y + side * separationM * perp.n,
                centre.z + side * verticalSeparationM)
            let dir = (e: Math.sin(heading), n: Math.cos(heading))
            let a = Vector3(pass.x - half * dir.e, pass.y - half * dir.n, pass.z)
            let b = Vector3(pass.x + half * dir.e, pass.y + half * dir.n, pass.z)
            let path = Trajectory(
                waypoints: [a, b], speedMps: speed, maxTurnRateRadPerS: kind.maxTurnRateRadPerS, startNs: startNs)
            targets.append(TruthTarget(id: index, kind: kind, trajectory: path, generator: &g))
        }
        return Scenario(
            frame: LocalFrame(origin: site), startNs: startNs, endNs: startNs + nanoseconds(runS), seed: seed,
            targets: targets)
    }

    /// `count` targets of kinds drawn from `kinds`, wandering inside a square
    /// of half-width `halfWidthM` around the site in their kinds' height bands,
    /// at speeds from their kinds' ranges, launched over the first quarter.
    public static func randomTargets(
        count: Int, kinds: [TargetKind] = TargetKind.allCases, halfWidthM: Double = 15_000,
        site: Geodetic = defaultSite, startNs: Int64 = defaultStartNs, durationS: Double = 600, seed: UInt64
    ) -> Scenario {
        precondition(!kinds.isEmpty)
        var g = SeededGenerator(seed: seed)
        var targets: [TruthTarget] = []
        for id in 1...max(1, count) where id <= count {
            let kind = kinds[Int(g.next() % UInt64(kinds.count))]
            let band = kind.altitudeBandM
            let speed = g.uniform(kind.speedRangeMps.lowerBound, kind.speedRangeMps.upperBound)
            let lo = Vector3(-halfWidthM, -halfWidthM, band.lowerBound)
            let hi = Vector3(halfWidthM, halfWidthM, min(band.upperBound, band.lowerBound + 1500))
            let start = Vector3(g.uniform(lo.x, hi.x), g.uniform(lo.y, hi.y), g.uniform(lo.z, hi.z))
            let launch = startNs + nanoseconds(g.uniform(0, durationS / 4))
            // Enough legs to outlast the scenario.
            let legs = max(2, Int(speed * durationS / max(halfWidthM, 1)) + 2)
            let path = Trajectory.wander(
                from: start, in: lo, hi, legs: legs, speedMps: speed, maxTurnRateRadPerS: kind.maxTurnRateRadPerS,
                startNs: launch, generator: &g)
            targets.append(TruthTarget(id: id, kind: kind, trajectory: path, generator: &g))
        }
        return Scenario(
            frame: LocalFrame(origin: site), startNs: startNs, endNs: startNs + nanoseconds(durationS), seed: seed,
            targets: targets)
    }

    /// A raid of `count` piston drones launched from `rangeM` out, spread over
    /// the sector `sectorCentreRad +- sectorHalfWidthRad`, running in toward
    /// `aimPoint` at staggered times `launchIntervalS` apart (with jitter),
    /// each at its own height and speed; some dive onto the aim point.
    public static func raid(
        count: Int, sectorCentreRad: Double, sectorHalfWidthRad: Double = 0.35, rangeM: Double = 20_000,
        aimPoint: Vector3 = Vector3(0, 0, 0), launchIntervalS: Double = 20, kind: TargetKind = .pistonDrone,
        site: Geodetic = defaultSite, startNs: Int64 = defaultStartNs, durationS: Double? = nil, seed: UInt64
    ) -> Scenario {
        var g = SeededGenerator(seed: seed)
        var targets: [TruthTarget] = []
        var latest = startNs
        for id in 1...max(1, count) where id <= count {
            let bearing = sectorCentreRad + g.uniform(-sectorHalfWidthRad, sectorHalfWidthRad)
            let band = kind.altitudeBandM
            let alt = g.uniform(band.lowerBound, min(band.upperBound, band.lowerBound + 1000))
            let speed = g.uniform(kind.speedRangeMps.lowerBound, kind.speedRangeMps.upperBound)
            let jitter = g.uniform(-0.25, 0.25) * launchIntervalS
            let launch = startNs + nanoseconds(max(0, Double(id - 1) * launchIntervalS + jitter))
            let dives = g.uniform() < 0.5
            let path = Trajectory.runIn(
                toward: Vector3(aimPoint.x, aimPoint.y, dives ? aimPoint.z : alt), fromBearingRad: bearing,
                rangeM: rangeM, altitudeM: alt, terminalAltitudeM: dives ? aimPoint.z + 20 : nil,
                speedMps: speed, maxTurnRateRadPerS: kind.maxTurnRateRadPerS, startNs: launch)
            latest = max(latest, path.endNs)
            targets.append(TruthTarget(id: id, kind: kind, trajectory: path, generator: &g))
        }
        let end = durationS.map { startNs + nanoseconds($0) } ?? latest
        return Scenario(frame: LocalFrame(origin: site), startNs: startNs, endNs: end, seed: seed, targets: targets)
    }

    /// Mixed traffic: airliners transiting high, light aircraft, a helicopter,
    /// a glider thermalling, bird flocks, a loitering multirotor, and
    /// `droneCount` piston drones running in toward the site, so that the
    /// classifier has to tell them apart.
    public static func mixedTraffic(
        droneCount: Int = 3, halfWidthM: Double = 20_000, site: Geodetic = defaultSite,
        startNs: Int64 = defaultStartNs, durationS: Double = 600, seed: UInt64
    ) -> Scenario {
        var g = SeededGenerator(seed: seed)
        var scenario = Scenario(
            frame: LocalFrame(origin: site), startNs: startNs, endNs: startNs + nanoseconds(durationS), seed: seed,
            targets: [])
        func launch(_ g: inout SeededGenerator) -> Int64 { startNs + nanoseconds(g.uniform(0, durationS / 3)) }
        func add(_ kind: TargetKind, _ path: Trajectory, _ g: inout SeededGenerator) {
            scenario.add(TruthTarget(id: scenario.nextID, kind: kind, trajectory: path, generator: &g))
        }
        // Airliners crossing the whole area on airways, some already on the way
        // in at the start, all crossing within the span.
        let crossingS = 4 * halfWidthM / TargetKind.airliner.nominalSpeedMps
        func airlinerOffsetS(_ g: inout SeededGenerator) -> Double {
            g.uniform(-0.4 * crossingS, max(0, durationS - 0.6 * crossingS))
        }
        for _ in 0..<2 {
            let heading = g.uniform(0, 2 * Double.pi)
            let alt = g.uniform(3000, 10_000)
            let path = Trajectory.runIn(
                toward: Vector3(-2 * halfWidthM * Math.sin(heading), -2 * halfWidthM * Math.cos(heading), alt),
                fromBearingRad: heading, rangeM: 4 * halfWidthM, altitudeM: alt,
                speedMps: TargetKind.airliner.nominalSpeedMps, maxTurnRateRadPerS: TargetKind.airliner.maxTurnRateRadPerS,
                startNs: startNs + nanoseconds(airlinerOffsetS(&g)))
            add(.airliner, path, &g)
        }
        // Crewed low and slow traffic, and birds, wandering.
        for kind in [TargetKind.lightAircraft, .lightAircraft, .helicopter, .bird, .bird, .bird] {
            let band = kind.altitudeBandM
            let lo = Vector3(-halfWidthM, -halfWidthM, band.lowerBound)
            let hi = Vector3(halfWidthM, halfWidthM, min(band.upperBound, band.lowerBound + 800))
            let start = Vector3(g.uniform(lo.x, hi.x), g.uniform(lo.y, hi.y), g.uniform(lo.z, hi.z))
            let speed = g.uniform(kind.speedRangeMps.lowerBound, kind.speedRangeMps.upperBound)
            let legs = max(2, Int(speed * durationS / halfWidthM) + 2)
            let path = Trajectory.wander(
                from: start, in: lo, hi, legs: legs, speedMps: speed, maxTurnRateRadPerS: kind.maxTurnRateRadPerS,
                startNs: launch(&g), generator: &g)
            add(kind, path, &g)
        }
        // A glider circling in a thermal, and a multirotor loitering near the site.
        let glider = Trajectory.orbit(
            centre: Vector3(g.uniform(-halfWidthM, halfWidthM) / 2, g.uniform(-halfWidthM, halfWidthM) / 2, 1200),
            radiusM: 150, altitudeM: 1200, startBearingRad: g.uniform(0, 6.28), turns: durationS * 30 / (2 * .pi * 150),
            clockwise: g.uniform() < 0.5, speedMps: 30, startNs: startNs)
        add(.glider, glider, &g)
        let quad = Trajectory.orbit(
            centre: Vector3(g.uniform(-3000, 3000), g.uniform(-3000, 3000), 120), radiusM: 200, altitudeM: 120,
            startBearingRad: g.uniform(0, 6.28), turns: durationS * 12 / (2 * .pi * 200), speedMps: 12,
            startNs: launch(&g))
        add(.multirotor, quad, &g)
        // Drones running in toward the site from the far side.
        let sector = g.uniform(0, 2 * Double.pi)
        for k in 0..<droneCount {
            let kind = TargetKind.pistonDrone
            let alt = g.uniform(150, 1200)
            let path = Trajectory.runIn(
                toward: Vector3(g.uniform(-1000, 1000), g.uniform(-1000, 1000), alt),
                fromBearingRad: sector + g.uniform(-0.4, 0.4), rangeM: halfWidthM, altitudeM: alt,
                speedMps: g.uniform(kind.speedRangeMps.lowerBound, kind.speedRangeMps.upperBound),
                maxTurnRateRadPerS: kind.maxTurnRateRadPerS,
                startNs: startNs + nanoseconds(Double(k) * 30 + g.uniform(0, 10)))
            add(kind, path, &g)
        }
        return scenario
    }
}

/// Seconds to nanoseconds, rounded to the nearest.
func nanoseconds(_ seconds: Double) -> Int64 { Int64((seconds * 1e9).rounded()) }
