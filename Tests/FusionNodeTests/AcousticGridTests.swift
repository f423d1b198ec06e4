import Foundation
import FusionMath
import FusionNode
import Testing

/// `skycue-sim --acoustic-sensors N` (the one-hour benchmark's 100 acoustic
/// sensors): the grid's geometry, the option's bounds, and a replay of such
/// a capture that hears from every sensor.
@Suite struct AcousticGridTests {
    @Test func gridPlacesTheAskedNumberTwoKilometresApartAroundTheOrigin() {
        let frame = LocalFrame(origin: Geodetic(latitudeDeg: 50.45, longitudeDeg: 30.52, heightM: 180))
        let sites = SiteSensors.acousticGrid(count: 100, frame: frame)
        #expect(sites.map(\.sensorID) == (0..<100).map { UInt32(1001 + $0) })
        let enu = sites.map { frame.enu(from: $0.position) }
        let xs = Set(enu.map { ($0.x / 1000).rounded() }), ys = Set(enu.map { ($0.y / 1000).rounded() })
        #expect(xs == Set(stride(from: -9.0, through: 9, by: 2)) && ys == xs, "\(xs.sorted()) \(ys.sorted())")
        #expect(enu.allSatisfy { abs($0.z - 2) < 0.5 })
        #expect(SiteSensors.acousticGrid(count: 7, frame: frame).count == 7)
    }

    @Test func optionIsBoundedByTheSourceAddresses() throws {
        let base = ["--site", "s.json", "--scenario", "mixed", "--out", "o"]
        let ok = try SimCommand.parse(base + ["--acoustic-sensors", "100"]).get()
        #expect(ok.acousticSensors == 100)
        #expect(try SimCommand.parse(base).get().acousticSensors == nil)
        guard case .failure(let e) = SimCommand.parse(base + ["--acoustic-sensors", "156"]) else {
            Issue.record("156 sensors accepted")
            return
        }
        #expect(e.message.contains("0...155"))
    }

    @Test func replayOfAHundredSensorCaptureHearsEverySensor() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let site = TestPaths.packageRoot.appendingPathComponent("Hardware/sites/hour-benchmark.json").path
        let sim = try SimCommand.parse(
            ["--site", site, "--scenario", "mixed", "--count", "20", "--duration-s", "20", "--seed", "5",
             "--acoustic-sensors", "100", "--out", dir.path]
        ).get()
        let written = try sim.run()
        #expect(written.acousticSensors == 100)
        let status = ReplayCommand(
            capturePath: dir.appendingPathComponent("capture.pcap").path,
            configPath: dir.appendingPathComponent("site.json").path, outputDirectory: dir.appendingPathComponent("r").path
        ).run(errors: { Issue.record("\($0)") })
        #expect(status == ReplayCommand.exitOK)
        // A sensor reports only in seconds when it hears something: the
        // node must know every sensor that sent a SKAC datagram.
        var senders = Set<String>()
        var reader = try PcapReader(path: dir.appendingPathComponent("capture.pcap").path)
        reader.forEach { d in
            if d.destination.port == 4100 { senders.insert("\(d.source)") }
        }
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("r/summary.json")))
        let s = try #require(summary as? [String: Any])
        #expect(senders.count > 50 && s["acoustic_sensors"] as? Int == senders.count, "\(senders.count) \(s)")
        #expect((s["radar_sites"] as? [String: Any])?.keys.sorted() == ["R1", "R2", "R3"])
    }
}
