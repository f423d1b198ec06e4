import FusionCore
import FusionMath
import Simulation
import Testing

@Suite struct ScenarioTests {
    static func fingerprint(_ scans: [RadarScan]) -> [Double] {
        var out: [Double] = []
        for s in scans {
            for d in s.detections {
                let m = d.measurement
                out += [Double(m.timeNs), m.values[0], m.values[1], m.values[2], m.values[3], Double(d.truthID ?? -1)]
                out.append(m.evidence.rcsDbsm ?? .nan)
            }
        }
        return out
    }

    static func radarRun(scenarioSeed: UInt64, noiseSeed: UInt64) -> [Double] {
        let scenario = Scenario.mixedTraffic(droneCount: 3, halfWidthM: 12_000, durationS: 60, seed: scenarioSeed)
        var radar = RadarSensorModel(sensor: 1, site: Scenario.defaultSite, frame: scenario.frame)
        radar.maxRangeM = 30_000
        radar.clutterMeanPerScan = 4
        var g = SeededGenerator(seed: noiseSeed)
        return fingerprint(radar.scans(of: scenario, generator: &g))
    }

    @Test func sameSeedsGiveIdenticalMeasurementsAndDifferentSeedsDiffer() {
        let a = Self.radarRun(scenarioSeed: 1, noiseSeed: 2)
        let b = Self.radarRun(scenarioSeed: 1, noiseSeed: 2)
        #expect(a.count > 100)
        #expect(a.count == b.count)
        #expect(zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
        #expect(Self.radarRun(scenarioSeed: 1, noiseSeed: 3) != a)
        #expect(Self.radarRun(scenarioSeed: 4, noiseSeed: 2) != a)
    }

    @Test func buildersAreDeterministicAndUseTheirKinds() throws {
        let t = Scenario.defaultStartNs + 30_000_000_000
        let r1 = Scenario.raid(count: 8, sectorCentreRad: 1.2, seed: 10)
        let r2 = Scenario.raid(count: 8, sectorCentreRad: 1.2, seed: 10)
        let r3 = Scenario.raid(count: 8, sectorCentreRad: 1.2, seed: 11)
        #expect(r1.targets.count == 8 && r1.targets.allSatisfy { $0.kind == .pistonDrone })
        let p1 = r1.truth(atNs: t).map(\.state.positionENU.x)
        #expect(p1 == r2.truth(atNs: t).map(\.state.positionENU.x))
        #expect(p1 != r3.truth(atNs: t).map(\.state.positionENU.x))
        // Raid drones start in their sector, 20 km out, and end at the aim point.
        for target in r1.targets {
            let s = try #require(target.state(atNs: target.trajectory.startNs)).positionENU
            let bearing = Angle.wrapSigned(Math.atan2(s.x, s.y) - 1.2)
            #expect(abs(bearing) <= 0.35 + 1e-9)
            #expect(abs(Math.hypot(s.x, s.y) - 20_000) < 1e-6)
            let e = try #require(target.state(atNs: target.trajectory.endNs)).positionENU
            #expect(Math.hypot(e.x, e.y) < 0.1)
        }
        let mixed = Scenario.mixedTraffic(seed: 3)
        let classes = Set(mixed.targets.map(\.kind.truthClass))
        #expect(classes == [.uncrewed, .crewed, .bird])
        #expect(Set(mixed.targets.map(\.id)).count == mixed.targets.count)
        let random = Scenario.randomTargets(count: 20, kinds: [.multirotor, .bird], seed: 4)
        #expect(random.targets.count == 20)
        #expect(random.targets.allSatisfy { $0.kind == .multirotor || $0.kind == .bird })
        // Every signature lies in its kind's range (flocks add 10 log10(n)).
        for target in random.targets + mixed.targets {
            let extra = 10 * Math.log10(Double(target.groupSize))
            #expect(target.kind.rcsRangeDbsm.contains(target.rcsDbsm - extra))
            if let f = target.fundamentalHz { #expect(target.kind.fundamentalRangeHz?.contains(f) == true) }
            #expect(target.hasTransponder == target.kind.hasTransponderByDefault)
        }
    }

    @Test func crossingTargetsAreSeparatedAsConfiguredAtTheCrossingTime() throws {
        let s = Scenario.crossing(kind: .pistonDrone, separationM: 150, crossingAngleRad: 0.5, runS: 200, seed: 1)
        let mid = s.startNs + 100_000_000_000
        let truth = s.truth(atNs: mid)
        #expect(truth.count == 2)
        let d = truth[0].state.positionENU - truth[1].state.positionENU
        #expect(abs(Math.hypot(d.x, d.y) - 150) < 1e-6)
        // Headings differ by the crossing angle.
        let v0 = truth[0].state.velocityENU, v1 = truth[1].state.velocityENU
        #expect(abs(Angle.wrapSigned(Math.atan2(v1.x, v1.y) - Math.atan2(v0.x, v0.y)) - 0.5) < 1e-9)
        #expect(s.truth(atNs: s.endNs + 1).isEmpty)
    }
}
