import Foundation
import FusionMath
import FusionNode
import Simulation
import Testing
import WireFormats

/// A simulated capture on the reference site: what is written is what is
/// read back, plots decode to the simulated values, the truth has a line
/// per flying target per second, and a seed gives byte-identical files.
@Suite struct SimulatedCaptureTests {
    static let reference = ConfigFixtures.sitePath("reference.json")

    func raid(seed: UInt64, durationS: Double = 90, configuration: SiteConfiguration? = nil) throws
        -> (Scenario, SiteSensors, SimulatedCapture)
    {
        let c = try configuration ?? SiteConfiguration.load(contentsOf: Self.reference)
        let scenario = SiteScenario.raid.build(on: c, count: 6, durationS: durationS, seed: seed)
        let sensors = SiteSensors(configuration: c, frame: scenario.frame, startNs: scenario.startNs)
        return (scenario, sensors, sensors.composer.compose(scenario, seed: seed))
    }

    @Test func pcapReadBackGivesTheSameDatagramsInArrivalOrder() throws {
        let (_, _, capture) = try raid(seed: 11)
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("capture.pcap").path
        let written = try CaptureWriter.writePcap(capture, to: path)
        #expect(written == UInt64(capture.datagrams.count))
        var streams = Set<UInt8>()
        for d in capture.datagrams { streams.insert(d.stream.rawValue) }
        #expect(streams.count == 4, "radar plots, north markers, ADS-B and acoustic all present")
        var reader = try PcapReader(path: path)
        var index = 0
        var lastNs = Int64.min
        reader.forEach { got in
            guard index < capture.datagrams.count else { index += 1; return }
            let d = capture.datagrams[index]
            #expect(got.timeNs == d.arrivalNs)
            #expect(got.timeNs >= lastNs, "arrival order")
            #expect(got.source == IPEndpoint(ipv4: d.sourceIPv4, port: d.sourcePort))
            #expect(got.destination == IPEndpoint("127.0.0.1", port: d.destinationPort)!)
            #expect(Array(got.payload) == Array(capture.payload(d)))
            lastNs = got.timeNs
            index += 1
        }
        #expect(index == capture.datagrams.count)
        #expect(reader.notUDP == 0 && reader.truncated == 0)
    }

    @Test func cat048PlotsDecodeToTheSimulatedValuesWithinResolution() throws {
        let (_, sensors, capture) = try raid(seed: 12)
        let links = sensors.composer.radars
        struct Sink: AsterixSink {
            var plots: [Cat048Plot] = []
            var markers: [Cat034Message] = []
            mutating func receive(_ plot: Cat048Plot, record: UnsafeRawBufferPointer) { plots.append(plot) }
            mutating func receive(_ m: Cat034Message, record: UnsafeRawBufferPointer) { markers.append(m) }
        }
        // Decoded from the written capture as read back, not from memory.
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("capture.pcap").path
        try CaptureWriter.writePcap(capture, to: path)
        let radarPorts = Set(links.map(\.port))
        var sink = Sink()
        var decoder = AsterixDecoder()
        var reader = try PcapReader(path: path)
        reader.forEach { d in
            if radarPorts.contains(d.destination.port) { decoder.decode(d.payload, into: &sink) }
        }
        #expect(decoder.rejections.total == 0)
        try #require(!capture.radarPlots.isEmpty)
        #expect(sink.plots.count == capture.radarPlots.count)
        for (k, link) in links.enumerated() {
            let decoded = sink.plots.filter { $0.sac == link.sac && $0.sic == link.sic }
            let simulated = capture.radarPlots.filter { $0.radar == k }
            #expect(decoded.count == simulated.count, "radar \(k)")
            var cooperative = 0
            for (p, e) in zip(decoded, simulated) {
                let s = e.plot
                #expect(p.timeOfDay128 == AsterixTime.timeOfDay128(ofNs: s.timeNs))
                #expect(abs(p.rangeM - s.rangeM) <= 1852.0 / 512 + 1e-6)
                var dAz = abs(p.azimuthDeg - s.azimuthRad * Math.degreesPerRadian)
                dAz = min(dAz, 360 - dAz)
                #expect(dAz <= 360.0 / 131_072 + 1e-9)
                #expect(p.present.contains(.height) == link.model.threeD)
                if let h = s.heightM { #expect(abs(p.heightFt * 0.3048 - (h - link.geoidSeparationM)) <= 25 * 0.3048 / 2 + 1e-6) }
                #expect(p.present.contains(.doppler) == link.model.doppler)
                if let rr = s.rangeRateMps { #expect(abs(Double(p.dopplerMps) - rr) <= 0.5 + 1e-9) }
                #expect(abs(Double(p.amplitudeDbm) - min(max(s.amplitudeDbm, -128), 127)) <= 0.5 + 1e-9)
                #expect(p.sim == false)
                #expect(p.typ == (s.cooperative ? 7 : 1))
                if let a = s.icaoAddress {
                    #expect(p.address == a)
                    #expect(p.present.contains(.flightLevel))
                    cooperative += 1
                }
            }
            #expect(cooperative > 0, "the airliner answers radar \(k)")
            // One north marker per scan, with the radar's position.
            let markers = sink.markers.filter { $0.sac == link.sac && $0.sic == link.sic }
            #expect(!markers.isEmpty && markers.allSatisfy { $0.messageType == 1 && $0.present.contains(.position) })
            if let m = markers.first {
                #expect(abs(m.latitudeDeg - link.site.latitudeDeg) <= 180.0 / 8_388_608)
                #expect(abs(m.antennaPeriodS - Double(link.model.scanPeriodNs) * 1e-9) <= 1.0 / 256)
            }
        }
    }

    @Test func truthHasOneLinePerFlyingTargetPerSecond() throws {
        let (scenario, _, _) = try raid(seed: 13, durationS: 60)
        var text = TextByteBuffer(capacity: 1 << 16)
        TruthLines.append(scenario, to: &text)
        let lines = String(decoding: text.bytes, as: UTF8.self).split(separator: "\n")
        var perSecond: [String: Int] = [:]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Array(object.keys).count == 10)
            for key in ["t", "id", "kind", "class", "lat", "lon", "alt_m", "ve", "vn", "vu"] { #expect(object[key] != nil, "\(key)") }
            perSecond[String(line.prefix(while: { $0 != "," })), default: 0] += 1
        }
        #expect(perSecond.count == 61, "seconds 0...60")
        var expected = 0
        for k in 0...60 {
            let n = scenario.truth(atNs: scenario.startNs + Int64(k) * 1_000_000_000).count
            expected += n
        }
        #expect(lines.count == expected && expected > 0)
    }

    @Test func authenticatedSensorsTagTheirReports() throws {
        var c = try SiteConfiguration.load(contentsOf: Self.reference)
        let key = try #require(SecretKey(hex: String(repeating: "5a", count: 32)))
        c.keys = KeySettings(acousticKeys: [1001: key, 1003: key])
        let (_, _, capture) = try raid(seed: 14, configuration: c)
        let authKey = try #require(AuthKey(bytes: key.bytes))
        var tagged = 0, plain = 0
        for d in capture.datagrams where d.stream == .acoustic {
            let bytes = Array(capture.payload(d))
            let report = try SKACCodec.parse(bytes)
            let id = report.header.sensorId
            #expect(report.header.flags.contains(.authenticated) == (id == 1001 || id == 1003))
            if report.header.flags.contains(.authenticated) {
                let ok = bytes.withUnsafeBytes { b in
                    MessageAuthenticator.verify(
                        tag: UnsafeRawBufferPointer(rebasing: b[(b.count - 32)...]),
                        message: UnsafeRawBufferPointer(rebasing: b[..<(b.count - 32)]), key: authKey)
                }
                #expect(ok)
                tagged += 1
            } else {
                plain += 1
            }
        }
        #expect(tagged > 0 && plain > 0)
    }

    @Test func sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ seed: String, _ name: String) throws -> (Data, Data) {
            let out = dir.appendingPathComponent(name).path
            let args = ["--site", Self.reference, "--scenario", "raid", "--count", "4", "--duration-s", "60", "--seed", seed, "--out", out]
            let command = try SimCommand.parse(args).get()
            _ = try command.run()
            for file in ["site.json", "acoustic_sensors.json"] {
                #expect(FileManager.default.fileExists(atPath: out + "/" + file))
            }
            return (
                try Data(contentsOf: URL(fileURLWithPath: out + "/capture.pcap")),
                try Data(contentsOf: URL(fileURLWithPath: out + "/truth.jsonl"))
            )
        }
        let a = try run("7", "a"), b = try run("7", "b"), c = try run("8", "c")
        #expect(a.0 == b.0 && a.1 == b.1)
        #expect(a.0.count > 10_000)
        #expect(a.0 != c.0 && a.1 != c.1)
    }

    @Test func badCommandLinesAreRefused() {
        #expect(SimCommand.main(["--scenario", "raid", "--out", "/tmp/x"]) == 2)
        #expect(SimCommand.main(["--site", Self.reference, "--scenario", "storm", "--out", "/tmp/x"]) == 2)
        #expect(SimCommand.main(["--site", Self.reference, "--scenario", "raid", "--out"]) == 2)
        #expect(SimCommand.main(["--site", Self.reference, "--scenario", "raid", "--count", "-3", "--out", "/tmp/x"]) == 2)
        #expect(SimCommand.main(["--site", "/nonexistent/site.json", "--scenario", "raid", "--out", "/tmp/x"]) == 1)
        #expect(SimCommand.main(["--help"]) == 0)
    }

    @Test func referenceSiteGetsTwelveAcousticSensors() throws {
        let c = try SiteConfiguration.load(contentsOf: Self.reference)
        let sites = SiteSensors.acousticSites(configuration: c, frame: SiteScenario.frame(for: c))
        #expect(sites.count == 12)
        #expect(Set(sites.map(\.sensorID)).count == 12)
    }
}
