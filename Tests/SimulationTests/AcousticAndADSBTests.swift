import FusionCore
import FusionMath
import Simulation
import Testing

@Suite struct AcousticAndADSBTests {
    static let scenario = Scenario.mixedTraffic(droneCount: 4, halfWidthM: 8000, durationS: 300, seed: 21)
    static let site = Geodetic(latitudeDeg: 50.47, longitudeDeg: 30.55, heightM: 190)

    /// Noise-free, and without sound's travel time (bearings of the target
    /// where it is), so that each bearing can be checked against the
    /// truth at its detection time.
    static func exactAcoustic() -> AcousticSensorModel {
        var a = AcousticSensorModel(sensor: 9, sensorID: 77, site: site, frame: scenario.frame)
        a.addsNoise = false
        a.modelsSoundDelay = false
        a.falseAlarmMeanPerCycle = 0
        a.rangeScale = 3
        return a
    }

    @Test func noiseFreeBearingsPointAtTheTruth() throws {
        let sensor = Self.exactAcoustic()
        let siteFrame = LocalFrame(origin: Self.site)
        var g = SeededGenerator(seed: 1)
        var checked = 0
        var ids: [Int: UInt32] = [:]
        for report in sensor.reports(of: Self.scenario, generator: &g) {
            let delay = Double(report.arrivalNs - report.reportTimeNs) * 1e-9
            #expect(delay >= 0.2 && delay <= 3.0)
            #expect(report.sensorID == 77 && (1...64).contains(report.detections.count))
            for d in report.detections {
                let m = d.measurement
                #expect(m.kind == .bearing && m.hasElevation)
                #expect(m.timeNs <= report.reportTimeNs && m.timeNs >= report.reportTimeNs - 500_000_000)
                let id = try #require(d.truthID)
                let target = try #require(Self.scenario.target(id: id))
                let truth = try #require(target.state(atNs: m.timeNs)).positionENU
                // Independently: the truth in the sensor's own ENU through ECEF.
                let local = siteFrame.enu(fromECEF: Self.scenario.frame.ecef(fromENU: truth))
                let az = Angle.wrapPositive(Math.atan2(local.x, local.y))
                let el = Math.asin(local.z / local.norm)
                #expect(abs(Angle.wrapSigned(m.values[0] - az)) < 1e-9 && abs(m.values[1] - el) < 1e-9)
                // Evidence from the kind: hint, fundamental, a stable nonzero source id.
                #expect(m.evidence.sourceHint == target.kind.acousticSourceHint)
                #expect(m.evidence.fundamentalHz == target.fundamentalHz)
                #expect(m.evidence.sensorSourceID != 0)
                if let previous = ids[id] { #expect(previous == m.evidence.sensorSourceID) }
                ids[id] = m.evidence.sensorSourceID
                #expect(target.kind != .glider && target.kind != .bird)
                checked += 1
            }
        }
        #expect(checked > 200)
        #expect(Set(ids.values).count == ids.count)
    }

    @Test func soundDelayPointsAtWhereTheSoundLeftTheTarget() throws {
        var sensor = Self.exactAcoustic()
        sensor.modelsSoundDelay = true
        var g = SeededGenerator(seed: 5)
        var checked = 0, lagging = 0
        for report in sensor.reports(of: Self.scenario, generator: &g) {
            for d in report.detections {
                let target = try #require(Self.scenario.target(id: d.truthID ?? 0))
                let t = d.measurement.timeNs
                // Bisection for the emission time te: |p(te) - site| = c (t - te).
                var lo = t - 60_000_000_000, hi = t
                guard target.state(atNs: lo) != nil else { continue }
                for _ in 0..<60 {
                    let mid = lo + (hi - lo) / 2
                    let p = try #require(target.state(atNs: mid)).positionENU
                    let gap = (p - sensor.pose.positionENU).norm - 343 * Double(t - mid) * 1e-9
                    if gap > 0 { hi = mid } else { lo = mid }
                }
                let emitted = try #require(target.state(atNs: lo)).positionENU
                let now = try #require(target.state(atNs: t)).positionENU
                let az = sensor.direction(of: emitted).azimuthRad
                #expect(abs(Angle.wrapSigned(d.measurement.values[0] - az)) < 1e-6)
                if abs(Angle.wrapSigned(sensor.direction(of: now).azimuthRad - az)) > 1e-3 { lagging += 1 }
                checked += 1
            }
        }
        #expect(checked > 100)
        // The delay matters: most bearings differ from the instantaneous ones.
        #expect(lagging > checked / 2)
    }

    @Test func bearingNoiseAndPdFollowTheConfiguration() throws {
        // One piston drone orbiting at its kind's 50 % range from the sensor.
        let frame = LocalFrame(origin: Scenario.defaultSite)
        let t0 = Scenario.defaultStartNs
        let r50 = TargetKind.pistonDrone.acousticDetectionRangeM
        var g = SeededGenerator(seed: 2)
        let path = Trajectory.orbit(
            centre: Vector3(0, 0, 0), radiusM: r50, altitudeM: 0, startBearingRad: 0, turns: 3, speedMps: 50,
            startNs: t0)
        let scenario = Scenario(
            frame: frame, startNs: t0, endNs: path.endNs, seed: 0,
            targets: [TruthTarget(id: 1, kind: .pistonDrone, trajectory: path, generator: &g)])
        var sensor = AcousticSensorModel(sensor: 1, sensorID: 5, site: Scenario.defaultSite, frame: frame)
        sensor.falseAlarmMeanPerCycle = 0
        sensor.reportsElevation = false
        // Noise only: sound's travel would add v / c across the line of sight.
        sensor.modelsSoundDelay = false
        let reports = sensor.reports(of: scenario, generator: &g)
        let cycles = Double(path.endNs - t0) / 1e9
        let heard = reports.flatMap(\.detections)
        let rate = Double(heard.count) / cycles
        // Pd at R50 is maxPd / 2.
        #expect(abs(rate - sensor.maxPd / 2) < 0.05, "rate \(rate)")
        var sumSq = 0.0
        for d in heard {
            #expect(!d.measurement.hasElevation && d.acousticPlot?.elevationRad == nil)
            let truth = try #require(scenario.target(id: 1)?.state(atNs: d.measurement.timeNs)).positionENU
            let az = sensor.direction(of: truth).azimuthRad
            let e = Angle.wrapSigned(d.measurement.values[0] - az)
            sumSq += e * e
        }
        let sd = (sumSq / Double(heard.count)).squareRoot()
        #expect(abs(sd / sensor.sigmaAzimuthRad - 1) < 0.1, "sd \(sd)")
    }

    @Test func adsbReportsOnlyTranspondersAtOneToTwoHertz() throws {
        var model = ADSBModel(sensor: 4, frame: Self.scenario.frame)
        model.addsNoise = false
        var g = SeededGenerator(seed: 3)
        let reports = model.reports(of: Self.scenario, generator: &g)
        var perTarget: [Int: [Int64]] = [:]
        for d in reports {
            let target = try #require(Self.scenario.target(id: d.truthID ?? 0))
            #expect(target.hasTransponder)
            let raw = try #require(d.adsbReport)
            #expect(raw.icaoAddress == target.icaoAddress && raw.emitterCategory == target.kind.emitterCategory)
            #expect(d.measurement.evidence.emitterCategory == target.kind.emitterCategory)
            let truth = try #require(target.state(atNs: d.measurement.timeNs))
            // WGS84 position back into the frame lands on the truth.
            #expect(Self.scenario.frame.enu(from: raw.position).isApproximatelyEqual(to: truth.positionENU, absoluteTolerance: 1e-3))
            #expect(abs(raw.velocityENU.norm - truth.velocityENU.norm) < 1e-6)
            perTarget[target.id, default: []].append(d.measurement.timeNs)
        }
        #expect(!perTarget.isEmpty)
        let flying = Self.scenario.targets.filter {
            $0.hasTransponder && $0.trajectory.startNs < Self.scenario.endNs - 5_000_000_000
                && $0.trajectory.endNs > Self.scenario.startNs + 5_000_000_000
        }
        #expect(flying.count >= 2)
        #expect(Set(perTarget.keys) == Set(flying.map(\.id)))
        for times in perTarget.values {
            let gaps = zip(times.dropFirst(), times).map { Double($0 - $1) * 1e-9 }
            let mean = gaps.reduce(0, +) / Double(gaps.count)
            #expect(mean > 0.7 && mean < 0.85, "mean interval \(mean)")
        }
    }

    @Test func adsbPositionNoiseHasItsSigma() throws {
        let model = ADSBModel(sensor: 4, frame: Self.scenario.frame)
        var g = SeededGenerator(seed: 4)
        var sumSq = Vector3.zero, n = 0.0
        for d in model.reports(of: Self.scenario, generator: &g) {
            let truth = try #require(Self.scenario.target(id: d.truthID ?? 0)?.state(atNs: d.measurement.timeNs))
            let m = d.measurement.values
            let e = Vector3(m[0], m[1], m[2]) - truth.positionENU
            for i in 0..<3 { sumSq[i] += e[i] * e[i] }
            n += 1
        }
        #expect(n > 300)
        #expect(abs(((sumSq.x + sumSq.y) / (2 * n)).squareRoot() / model.sigmaHorizontalM - 1) < 0.08)
        #expect(abs((sumSq.z / n).squareRoot() / model.sigmaVerticalM - 1) < 0.1)
    }
}
