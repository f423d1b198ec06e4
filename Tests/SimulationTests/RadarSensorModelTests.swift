import FusionCore
import FusionMath
import Simulation
import Testing

@Suite struct RadarSensorModelTests {
    static let scenario = Scenario.randomTargets(count: 12, halfWidthM: 12_000, durationS: 400, seed: 5)

    /// A radar with every random effect off: Pd 1, no clutter, no noise.
    static func exactRadar(at site: Geodetic) -> RadarSensorModel {
        var r = RadarSensorModel(sensor: 3, site: site, frame: scenario.frame)
        r.addsNoise = false
        r.clutterMeanPerScan = 0
        r.detection = .constant(1)
        r.maxRangeM = 40_000
        r.minElevationRad = -0.1
        r.maxElevationRad = 1.5
        r.appliesHorizon = false
        return r
    }

    /// The truth target behind a detection and its state at the detection time.
    static func truth(of d: SimulatedDetection) throws -> (target: TruthTarget, state: TruthState) {
        let id = try #require(d.truthID)
        let target = try #require(scenario.target(id: id))
        return (target, try #require(target.state(atNs: d.measurement.timeNs)))
    }

    static let sites = [
        Scenario.defaultSite,
        // ~18 km north-east of the frame origin, 60 m higher.
        Geodetic(latitudeDeg: 50.56, longitudeDeg: 30.70, heightM: 240),
    ]

    @Test(arguments: sites)
    func noiseFreeMeasurementsInvertToTruth(site: Geodetic) throws {
        let radar = Self.exactRadar(at: site)
        // An independent path to the sensor's own axes: through ECEF and a
        // local frame at the site, not through the pose.
        let siteFrame = LocalFrame(origin: site)
        var g = SeededGenerator(seed: 1)
        var checked = 0
        for k in stride(from: 0, to: 400, by: 7) {
            for d in radar.scan(k, of: Self.scenario, generator: &g).detections {
                let truth = try Self.truth(of: d).state
                let m = d.measurement
                #expect(m.kind == .radar && m.hasElevation && m.hasRangeRate && m.sensor == 3)
                let r = m.values[0], az = m.values[1], el = m.values[2]
                // Range, azimuth, elevation -> ENU through the pose rotation.
                let ce = Math.cos(el)
                let local = Vector3(r * ce * Math.sin(az), r * ce * Math.cos(az), r * Math.sin(el))
                let enu = m.pose.positionENU + m.pose.rotation.transposed * local
                #expect(enu.isApproximatelyEqual(to: truth.positionENU, absoluteTolerance: 1e-5))
                // The same local vector through geodesy.
                let viaECEF = siteFrame.enu(fromECEF: Self.scenario.frame.ecef(fromENU: truth.positionENU))
                #expect(viaECEF.isApproximatelyEqual(to: local, absoluteTolerance: 1e-5))
                // The raw plot carries the same values, and its height gives the elevation back.
                let plot = try #require(d.radarPlot)
                #expect(plot.rangeM == r && plot.azimuthRad == az && plot.elevationRad == el)
                #expect(plot.rangeRateMps == m.values[3] && plot.timeNs == m.timeNs)
                let height = try #require(plot.heightM)
                #expect(abs(RadarPlot.elevation(rangeM: r, heightM: height, antennaHeightM: site.heightM) - el) < 1e-9)
                // Range-rate: the radial component of the velocity.
                let los = 1 / r * (truth.positionENU - m.pose.positionENU)
                #expect(abs(m.values[3] - los.dot(truth.velocityENU)) < 1e-9)
                checked += 1
            }
        }
        #expect(checked > 300)
    }

    @Test func azimuthIsClockwiseFromNorthAndDetectionFollowsTheAntenna() throws {
        let frame = LocalFrame(origin: Scenario.defaultSite)
        let t0 = Scenario.defaultStartNs
        // Target north-east of the radar, flying east, level.
        let path = Trajectory(
            waypoints: [Vector3(3000, 3000, 500), Vector3(9000, 3000, 500)], speedMps: 50, maxTurnRateRadPerS: 0.1,
            startNs: t0)
        var g = SeededGenerator(seed: 2)
        let target = TruthTarget(id: 1, kind: .pistonDrone, trajectory: path, generator: &g)
        let scenario = Scenario(frame: frame, startNs: t0, endNs: t0 + 60_000_000_000, seed: 0, targets: [target])
        var radar = Self.exactRadar(at: Scenario.defaultSite)
        radar.scanPeriodNs = 4_000_000_000
        radar.firstScanStartNs = t0
        let scan = radar.scan(0, of: scenario, generator: &g)
        let d = try #require(scan.detections.first)
        let az = d.measurement.values[1]
        #expect(abs(az - Double.pi / 4) < 0.01)  // 45 deg, moved a little in half a second
        #expect(d.measurement.values[3] > 0)  // flying away east: receding
        // Seen when the antenna points at it: az / 2pi of the period after north.
        let expected = Double(radar.scanPeriodNs) * az / (2 * Double.pi)
        #expect(abs(Double(d.measurement.timeNs - scan.startNs) - expected) < 1e6)
    }

    @Test func noiseResidualsMatchTheConfiguredSigmas() throws {
        var radar = Self.exactRadar(at: Scenario.defaultSite)
        radar.addsNoise = true
        radar.sigmaRangeM = 12
        radar.sigmaAzimuthRad = 0.004
        radar.sigmaElevationRad = 0.007
        radar.sigmaRangeRateMps = 0.8
        var g = SeededGenerator(seed: 3)
        var sum = Vector<4>.zero, sumSq = Vector<4>.zero
        var n = 0.0
        for k in 0..<400 {
            for d in radar.scan(k, of: Self.scenario, generator: &g).detections {
                let truth = try Self.truth(of: d).state
                let p = radar.polar(of: truth)
                let m = d.measurement.values
                let res = Vector<4>([
                    m[0] - p.rangeM, Angle.wrapSigned(m[1] - p.azimuthRad), m[2] - p.elevationRad, m[3] - p.rangeRateMps,
                ])
                sum += res
                for i in 0..<4 { sumSq[i] += res[i] * res[i] }
                n += 1
            }
        }
        #expect(n > 3000)
        let sigmas = [12, 0.004, 0.007, 0.8]
        for i in 0..<4 {
            let mean = sum[i] / n
            let sd = (sumSq[i] / n - mean * mean).squareRoot()
            #expect(abs(mean) < 4 * sigmas[i] / n.squareRoot(), "component \(i) mean \(mean)")
            #expect(abs(sd / sigmas[i] - 1) < 0.04, "component \(i) sd \(sd)")
        }
    }

    @Test func clutterCountHasTheConfiguredMeanAndStaysInCoverage() {
        var radar = RadarSensorModel(sensor: 1, pose: SensorPose(positionENU: .zero), antennaHeightM: 180)
        radar.clutterMeanPerScan = 3.5
        radar.maxRangeM = 12_000
        let empty = Scenario(
            frame: LocalFrame(origin: Scenario.defaultSite), startNs: radar.firstScanStartNs,
            endNs: radar.firstScanStartNs + 10_000 * radar.scanPeriodNs, seed: 0, targets: [])
        var g = SeededGenerator(seed: 4)
        var total = 0, scans = 0
        for k in 0..<4000 {
            let scan = radar.scan(k, of: empty, generator: &g)
            total += scan.detections.count
            scans += 1
            for d in scan.detections {
                #expect(d.isClutter)
                let r = d.measurement.values[0]
                #expect(r >= radar.minRangeM && r <= radar.maxRangeM)
                let dt = d.measurement.timeNs - scan.startNs
                #expect(dt >= 0 && dt < radar.scanPeriodNs)
            }
        }
        let mean = Double(total) / Double(scans)
        // Standard error sqrt(3.5 / 4000) ~ 0.03.
        #expect(abs(mean - 3.5) < 0.12, "mean clutter \(mean)")
    }

    @Test func detectionRateMatchesPd() {
        var radar = Self.exactRadar(at: Scenario.defaultSite)
        radar.detection = .constant(0.7)
        var exact = Self.exactRadar(at: Scenario.defaultSite)
        exact.detection = .constant(1)
        var g = SeededGenerator(seed: 6), h = SeededGenerator(seed: 6)
        var seen = 0, possible = 0
        for k in 0..<400 {
            seen += radar.scan(k, of: Self.scenario, generator: &g).detections.count
            possible += exact.scan(k, of: Self.scenario, generator: &h).detections.count
        }
        #expect(possible > 3000)
        let rate = Double(seen) / Double(possible)
        #expect(abs(rate - 0.7) < 0.025, "rate \(rate)")
    }

    @Test func swerlingPdFallsWithRangeAndRisesWithRCS() {
        var radar = RadarSensorModel(sensor: 1, pose: SensorPose(positionENU: .zero), antennaHeightM: 180)
        radar.detection = .swerling1(referenceRangeM: 10_000, referenceSnrDb: 20, falseAlarmProbability: 1e-6, maxPd: 0.98)
        let near = radar.detectionProbability(rcsDbsm: 0, rangeM: 3000)
        let ref = radar.detectionProbability(rcsDbsm: 0, rangeM: 10_000)
        let far = radar.detectionProbability(rcsDbsm: 0, rangeM: 20_000)
        #expect(near > ref && ref > far)
        #expect(radar.detectionProbability(rcsDbsm: 20, rangeM: 20_000) > far)
        // At the reference, SNR 100: Pd = 0.98 * 1e-6^(1/101).
        #expect(abs(ref - 0.98 * Math.pow(1e-6, 1.0 / 101)) < 1e-12)
    }

    @Test func amplitudeFollowsTheICDAndRecoversTheRCS() throws {
        let radar = Self.exactRadar(at: Scenario.defaultSite)
        var g = SeededGenerator(seed: 7)
        for k in stride(from: 0, to: 400, by: 9) {
            for d in radar.scan(k, of: Self.scenario, generator: &g).detections {
                let target = try Self.truth(of: d).target
                let plot = try #require(d.radarPlot)
                let expected = target.rcsDbsm + radar.amplitudeKDb - 40 * Math.log10(plot.rangeM)
                #expect(abs(plot.amplitudeDbm - expected) < 1e-9)
                #expect(abs(try #require(d.measurement.evidence.rcsDbsm) - target.rcsDbsm) < 1e-9)
            }
        }
        // With noise on, the estimate is unbiased.
        var noisy = radar
        noisy.addsNoise = true
        var err = 0.0, n = 0.0
        for k in 0..<200 {
            for d in noisy.scan(k, of: Self.scenario, generator: &g).detections {
                let target = try Self.truth(of: d).target
                err += try #require(d.measurement.evidence.rcsDbsm) - target.rcsDbsm
                n += 1
            }
        }
        #expect(abs(err / n) < 0.15)
    }

    @Test func transpondersGiveCooperativeRepliesAndTwoDRadarsNoElevation() throws {
        var scenario = Scenario.single(kind: .airliner, bearingRad: 1, rangeM: 9000, altitudeM: 3000, seed: 8)
        var g = SeededGenerator(seed: 9)
        let drone = Trajectory.runIn(
            toward: Vector3(0, 0, 300), fromBearingRad: 4, rangeM: 8000, altitudeM: 300, speedMps: 50,
            maxTurnRateRadPerS: 0.1, startNs: scenario.startNs)
        scenario.add(TruthTarget(id: 2, kind: .pistonDrone, trajectory: drone, generator: &g))
        var radar = Self.exactRadar(at: Scenario.defaultSite)
        radar.threeD = false
        radar.doppler = false
        let dets = radar.scan(3, of: scenario, generator: &g).detections
        let airliner = try #require(dets.first { $0.truthID == 1 })
        let other = try #require(dets.first { $0.truthID == 2 })
        #expect(airliner.measurement.evidence.cooperativeReply)
        #expect(airliner.measurement.evidence.icaoAddress == scenario.target(id: 1)?.icaoAddress)
        #expect(airliner.measurement.evidence.icaoAddress != nil)
        #expect(!other.measurement.evidence.cooperativeReply && other.measurement.evidence.icaoAddress == nil)
        for d in dets {
            #expect(!d.measurement.hasElevation && !d.measurement.hasRangeRate)
            #expect(d.radarPlot?.elevationRad == nil && d.radarPlot?.heightM == nil)
        }
    }

    @Test func plotHeightRoundTripsToElevation() {
        for (r, e, h) in [(5000.0, 0.05, 200.0), (15_000, 0.2, 10), (800, -0.01, 300), (30_000, 0.5, 0)] {
            let height = RadarPlot.height(rangeM: r, elevationRad: e, antennaHeightM: h)
            #expect(abs(RadarPlot.elevation(rangeM: r, heightM: height, antennaHeightM: h) - e) < 1e-9)
            // Above flat-earth height by the Earth's bulge, which grows with range.
            #expect(height >= h + r * Math.sin(e) - 1e-6)
        }
    }

    @Test func lowTargetsBeyondTheHorizonAreMasked() {
        var radar = RadarSensorModel(sensor: 1, pose: SensorPose(positionENU: .zero), antennaHeightM: 190)
        radar.maxRangeM = 60_000
        radar.minElevationRad = -0.05
        // 10 m antenna, 4/3 Earth: horizon to the surface ~13 km; a 50 m target adds ~29 km.
        #expect(radar.isVisible(rangeM: 30_000, elevationRad: 0.001))
        #expect(!radar.isVisible(rangeM: 50_000, elevationRad: -0.0025))
    }
}
