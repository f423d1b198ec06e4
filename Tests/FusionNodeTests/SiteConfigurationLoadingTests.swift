import Cueing
import Foundation
import FusionMath
import FusionNode
import Testing

/// The committed site files load, and what they say comes through.
@Suite struct SiteConfigurationLoadingTests {
    @Test func referenceSiteLoadsWithItsValues() throws {
        let c = try SiteConfiguration.load(contentsOf: ConfigFixtures.sitePath("reference.json"))
        let tree = try #require(try ConfigFixtures.tree("reference.json") as? [String: Any])
        // Counts from the file itself, not from constants.
        #expect(c.radars.count == (tree["radars"] as? [Any])?.count)
        #expect(c.zones.count == (tree["zones"] as? [Any])?.count)
        #expect(c.interceptors.count == (tree["interceptors"] as? [Any])?.count)
        #expect(c.radars.count == 2 && c.zones.count == 2 && c.interceptors.count == 3)

        #expect(c.node.id == 7)
        let origin = try #require(c.node.origin)
        #expect(abs(origin.latitudeDeg - 50.45) < 1e-12 && abs(origin.longitudeDeg - 30.52) < 1e-12)
        #expect(origin.heightM == 180)

        let r1 = c.radars[0], r2 = c.radars[1]
        #expect(r1.name == "R1" && r1.sac == 25 && r1.sic == 1 && r1.port == 4048)
        #expect(r1.threeD && r1.doppler && r1.sigmaElevationDeg == 0.6 && r1.sigmaAzimuthDeg == 0.35)
        #expect(!r2.threeD && r2.sigmaElevationDeg == nil, "a 2D radar has no elevation sigma")
        #expect(r2.periodS == 2.0 && r2.rangeM == 20_000 && r2.amplitudeKDb == 72)
        #expect(!r1.moving && r1.position != nil)

        #expect(c.adsb == ADSBSettings(port: 4021, sac: 25, sic: 99))
        #expect(c.acoustic == AcousticSettings(port: 4100, sigmaAzimuthDeg: 3, sigmaElevationDeg: 5))

        guard case .polygon(let vertices) = c.zones[0].shape else {
            Issue.record("CITY should be a polygon")
            return
        }
        #expect(c.zones[0].name == "CITY" && vertices.count == 5 && c.zones[0].ceilingM == 4000)
        guard case .circle(let center, let radius) = c.zones[1].shape else {
            Issue.record("NPP should be a circle")
            return
        }
        #expect(radius == 3000 && abs(center.latitudeDeg - 50.39) < 1e-12)

        #expect(c.interceptors.map(\.kind) == [.interceptorDrone, .gunTeam, .missile])
        #expect(c.interceptors.map(\.zone) == ["CITY", "CITY", "NPP"])
        #expect(c.interceptors.map(\.maxTargets) == [4, 1, 4])

        // Sections the reference leaves out take their documented defaults.
        #expect(c.outputs == OutputSettings())
        #expect(c.outputs.cot == NetworkEndpoint(host: "239.2.3.1", port: 6969))
        #expect(c.keys == KeySettings() && c.limits == LimitSettings() && c.tracker == TrackerSettings())
        #expect(c.cueing == CueingParameters())
        #expect(c.metrics.isLoopback && !c.recording.enabled)
    }

    @Test func fullExampleLoadsEverySection() throws {
        let c = try SiteConfiguration.load(contentsOf: ConfigFixtures.sitePath("full-example.json"))
        #expect(c.node.id == 12 && c.node.origin == nil && c.node.geoidSeparationM == 27.5)
        let mobile = c.radars[1]
        #expect(mobile.moving && mobile.position == nil && mobile.port == 4049)
        guard case .polygon(let vertices) = c.zones[0].shape else {
            Issue.record("DEPOT should be a polygon")
            return
        }
        #expect(vertices.allSatisfy { $0.heightM == 0 }, "vertex alt_m defaults to 0")
        #expect(c.zones[0].floorM == 100)

        #expect(c.outputs.cat062 == NetworkEndpoint(host: "10.20.0.5", port: 4062) && c.outputs.cat062PeriodS == 2)
        #expect(c.outputs.cues.count == 3)
        #expect(c.outputs.cues[0] == CueEndpoint(
            interceptor: "IDR-1", endpoint: NetworkEndpoint(host: "10.20.0.31", port: 4200), format: .binary))
        #expect(c.outputs.cues[2].endpoint.host == "gun1.local" && c.outputs.cues[2].format == .cot)

        let nodeKey = try #require(c.keys.nodeKey)
        #expect(nodeKey.bytes.count == 32 && nodeKey.bytes[0] == 0x00 && nodeKey.bytes[1] == 0x11)
        #expect(nodeKey.bytes[31] == 0xff)
        #expect(c.keys.acousticKeys[1002]?.bytes == [UInt8](repeating: 2, count: 32))
        #expect(c.keys.requireAcousticAuth)

        #expect(c.limits == LimitSettings(
            trackCapacity: 256, maxLagS: 8, historyDepth: 48, receiveBatch: 64, maxAcousticSensors: 16))
        #expect(c.tracker == TrackerSettings(
            confirmM: 2, confirmN: 3, deleteMisses: 4, gateProbability: 0.995, processNoiseMps2: 5,
            crossFixWindowS: 3, uncrewedThreshold: 0.995))
        var cueing = CueingParameters()
        cueing.horizonS = 900
        cueing.sigmaK = 2.5
        cueing.hysteresisS = 8
        cueing.minUpdateIntervalNs = 2_000_000_000
        cueing.updateDistanceM = 40
        cueing.updateTimeS = 1.5
        cueing.maxCoastS = 4
        cueing.maxHorizontalSigmaM = 300
        cueing.maxVerticalSigmaM = 400
        cueing.maxHorizontalVelocitySigmaMps = 30
        cueing.preemptMarginS = 45
        cueing.preemptMarginFraction = 0.3
        cueing.preemptReengageS = 90
        cueing.preemptHoldS = 15
        #expect(c.cueing == cueing)
        #expect(c.metrics == MetricsSettings(enabled: true, bind: "127.0.0.1", port: 9470))
        #expect(c.recording == RecordingSettings(directory: "/var/lib/skycue/recordings", rotateMB: 50, maxFiles: 200))
    }

    @Test func summaryNamesTheSiteAndNeverShowsKeys() throws {
        let c = try SiteConfiguration.load(contentsOf: ConfigFixtures.sitePath("full-example.json"))
        let summary = c.summary
        for name in c.radars.map(\.name) + c.zones.map(\.name) + c.interceptors.map(\.name) {
            #expect(summary.contains(name))
        }
        #expect(!summary.contains("00112233"), "a key must never reach a log")
        #expect(!"\(c.keys)".contains("00112233"), "nor through its description")
        #expect(!summary.contains("\n"), "one paragraph")
    }

    @Test func geometryPlacesSitesInTheLocalFrame() throws {
        let c = try SiteConfiguration.load(contentsOf: ConfigFixtures.sitePath("reference.json"))
        let origin = try #require(c.origin(gpsFix: nil))
        let g = c.geometry(origin: origin)
        #expect(g.radars.count == c.radars.count && g.zones.count == c.zones.count)
        #expect(g.interceptors.count == c.interceptors.count)

        // R1 is 0.018 deg north and 0.046 deg east of the origin: on a sphere
        // of the local radii that is about 2.0 km north and 3.26 km east.
        let r1 = try #require(g.radars[0])
        let lat = 50.45 * Double.pi / 180
        let north = 0.018 * Double.pi / 180 * 6_372_000
        let east = 0.046 * Double.pi / 180 * 6_391_000 * Foundation.cos(lat)
        #expect(abs(r1.x - east) / east < 0.01 && abs(r1.y - north) / north < 0.01)
        // Every position maps back to where the file put it.
        for (interceptor, enu) in zip(c.interceptors, g.interceptors) {
            let back = g.frame.geodetic(fromENU: enu)
            #expect(abs(back.latitudeDeg - interceptor.position.latitudeDeg) < 1e-9)
            #expect(abs(back.heightM - interceptor.position.heightM) < 1e-3)
        }
        if case .circle(let center, let radius) = g.zones[1].shape {
            #expect(radius == 3000 && center.y < 0 && center.x < 0, "NPP lies south-west of the origin")
        } else {
            Issue.record("NPP should stay a circle")
        }
        // No configured origin: the gpsd fix is used, and nothing before it.
        var moving = c
        moving.node.origin = nil
        #expect(moving.origin(gpsFix: nil) == nil)
        let fix = Geodetic(latitudeDeg: 50, longitudeDeg: 30, heightM: 100)
        #expect(moving.origin(gpsFix: fix) == fix)
    }
}
