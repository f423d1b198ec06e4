import Foundation
import FusionNode
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The built `skycued` with a real gpsd fed by gpsfake replaying bt451.log
/// (a car): its exported own position follows the log, and gpsd stopping
/// and coming back is a degraded spell, not a stop.
@Suite(
    .serialized, .timeLimit(.minutes(1)),
    .enabled(
        if: GpsfakeProcess.canReplayBT451 && SkycuedProcess.binary() != nil,
        "skipped: needs gpsfake (Debian gpsd-clients), ../shared/data/gpsd/bt451.log and the built skycued"))
struct SkycuedGpsdTests {
    @Test("the node's position follows the log; gpsd stopping degrades it, a restart recovers it, no node restart")
    func ownPositionFollowsGpsdAndSurvivesItsRestart() throws {
        let reference = try NmeaReferenceLog(path: GpsfakeProcess.bt451LogPath)
        let gpsdPort = try #require(ChildProcess.freeLoopbackPort())
        var fake = try GpsdIntegrationTests.startGpsfake(port: gpsdPort, arguments: ["-n", "-q", "-c", "0.02"])
        defer { fake.stop() }
        let dir = try TestPaths.temporaryDirectory()
        let metricsPort = try #require(ChildProcess.freeLoopbackPort())
        let listener = try #require(CueListener())
        let site = dir.appendingPathComponent("site.json").path
        try DaemonFixture.writeSite(
            to: site, offset: DaemonFixture.portOffset(), cuePort: listener.port, metricsPort: metricsPort,
            gpsdPort: gpsdPort, keepOrigin: false)
        let node = try #require(
            SkycuedProcess(configPath: site, metricsPort: metricsPort, logPath: dir.appendingPathComponent("node.log").path))
        defer { node.stop() }

        // Without node.origin the first fix becomes the origin.
        #expect(node.waitFor("skycue_origin_known", seconds: 15) { $0 == 1 } == 1, "no origin: \(node.log)")
        var positions: [(lat: Double, lon: Double)] = []
        let deadline = ChildProcess.monotonicNs() + 12_000_000_000
        while ChildProcess.monotonicNs() < deadline, positions.count < 15 {
            if let page = node.scrape(), let lat = SkycuedProcess.value("skycue_own_position{axis=\"lat_deg\"}", in: page),
                let lon = SkycuedProcess.value("skycue_own_position{axis=\"lon_deg\"}", in: page),
                positions.last.map({ $0.lat != lat || $0.lon != lon }) ?? true
            {
                positions.append((lat, lon))
            }
            usleep(100_000)
        }
        try #require(positions.count >= 5, "only \(positions.count) positions")
        for p in positions {
            let inLog = reference.positions.contains {
                abs($0.latitudeDeg - p.lat) <= 1e-6 && abs($0.longitudeDeg - p.lon) <= 1e-6
            }
            #expect(inLog, "\(p) is not a position of the log")
        }
        let spreadM = positions.map { NmeaReferenceLog.distanceM(positions[0].lat, positions[0].lon, $0.lat, $0.lon) }.max()!
        #expect(spreadM > 10, "the position did not move (\(spreadM) m)")
        #expect(node.waitFor("skycue_gpsd_degraded", seconds: 5) { $0 == 0 } == 0)

        // gpsd goes: degraded, logged and exported; the node runs on.
        fake.stop()
        #expect(node.waitFor("skycue_gpsd_degraded", seconds: 10) { $0 == 1 } == 1)
        #expect(node.waitFor("skycue_gpsd_status", seconds: 5) { $0 == 0 } == 0)
        #expect(node.isRunning)
        #expect(node.log.contains("event=gpsd_degraded"))

        // gpsd comes back on the same port: the same node recovers.
        fake = try GpsdIntegrationTests.startGpsfake(port: gpsdPort, arguments: ["-n", "-q", "-c", "0.02"])
        #expect(node.waitFor("skycue_gpsd_status", seconds: 15) { $0 >= 2 } ?? 0 >= 2)
        #expect(node.waitFor("skycue_gpsd_degraded", seconds: 5) { $0 == 0 } == 0)
        let page = try #require(node.scrape())
        #expect((SkycuedProcess.value("skycue_gpsd_events_total{event=\"connect\"}", in: page) ?? 0) >= 2)
        #expect(node.isRunning)
        #expect(node.stop() == 0)
    }
}
