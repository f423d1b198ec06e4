import Foundation
import FusionMath
import FusionNode
import Testing
import WireFormats

/// `skycue-replay`: arguments, a synthetic capture replayed twice to the
/// same bytes, and the outputs pcap.
@Suite struct ReplayCommandTests {
    typealias S = SyntheticSite

    @Test func parsesTheICDCommandLine() throws {
        let full = try ReplayCommand.parse([
            "cap.pcap", "--config", "site.json", "--out", "dir", "--snapshot-s", "0.5", "--outputs-pcap=o.pcap",
        ])
        #expect(
            full
                == ReplayCommand(
                    capturePath: "cap.pcap", configPath: "site.json", outputDirectory: "dir", snapshotS: 0.5,
                    outputsPcapPath: "o.pcap"))
        #expect(try ReplayCommand.parse(["--out=d", "c.pcap", "--config", "s.json"]).snapshotS == 1)
        let bad: [[String]] = [
            [], ["c.pcap"], ["c.pcap", "--config", "s.json"], ["--config", "s.json", "--out", "d"],
            ["c.pcap", "--config", "s.json", "--out", "d", "--snapshot-s", "0"],
            ["c.pcap", "--config", "s.json", "--out", "d", "--snapshot-s", "x"],
            ["c.pcap", "d.pcap", "--config", "s.json", "--out", "d"],
            ["c.pcap", "--config", "s.json", "--out", "d", "--frobnicate", "1"],
            ["c.pcap", "--config", "s.json", "--config", "t.json", "--out", "d"],
        ]
        for arguments in bad {
            #expect(throws: ReplayCommand.UsageError.self, "\(arguments)") { _ = try ReplayCommand.parse(arguments) }
        }
    }

    /// A capture of the synthetic scenarios (radar drone, ADS-B drone into
    /// the zone, SKAC bearings), written with PcapWriter.
    static func writeSyntheticCapture(to path: String) throws {
        var writer = try PcapWriter(path: path)
        let frame = LocalFrame(origin: S.origin)
        let source = IPEndpoint("10.0.0.1", port: 30000)!
        var noise = TestNoise(seed: 3)
        let radarStart = Vector3(7_000, 5_000, 420), radarVelocity = Vector3(-15, 12, 0)
        let droneStart = Vector3(4_000, 1_000, 300), droneVelocity = Vector3(-30, -7, 0)
        for k in 0..<30 {
            let tNs = S.startNs + Int64(k) * 1_000_000_000 + 300_000_000
            let t = Double(tNs - S.startNs) * 1e-9
            let view = S.radarView(of: S.truth(t, start: radarStart, velocity: radarVelocity), frame: frame)
            let plot = AsterixBytes.cat048(
                sic: 1, timeNs: tNs, rangeM: view.rangeM + noise.normal(8), azimuthDeg: view.azimuthDeg + noise.normal(0.2),
                heightM: view.heightM + noise.normal(15), amplitudeDbm: -80)
            let radar = AsterixBytes.block(category: 48, [plot])
            writer.write(radar, from: source, to: IPEndpoint("232.1.1.1", port: S.radarPort)!, timeNs: tNs + 50_000_000)
            let g = frame.geodetic(fromENU: S.truth(t, start: droneStart, velocity: droneVelocity))
            let adsb = AsterixBytes.block(
                category: 21, [AsterixBytes.cat021(timeNs: tNs, position: g, address: 0xABCDEF, emitterCategory: 13)])
            writer.write(adsb, from: source, to: IPEndpoint("10.0.0.9", port: S.adsbPort)!, timeNs: tNs + 70_000_000)
        }
        writer.flush()
    }

    static func read(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    @Test func replayingTwiceGivesTheSameBytes() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let capture = dir.appendingPathComponent("synthetic.pcap").path
        try Self.writeSyntheticCapture(to: capture)
        let config = dir.appendingPathComponent("site.json")
        try Data(S.json.utf8).write(to: config)
        var errors: [String] = []
        for run in ["a", "b"] {
            let status = ReplayCommand(
                capturePath: capture, configPath: config.path, outputDirectory: dir.appendingPathComponent(run).path,
                outputsPcapPath: dir.appendingPathComponent("\(run).pcap").path
            ).run(errors: { errors.append($0) })
            #expect(status == ReplayCommand.exitOK)
        }
        #expect(errors.isEmpty, "\(errors)")
        for name in ["tracks.jsonl", "cues.jsonl"] {
            let a = try Self.read(dir.appendingPathComponent("a/\(name)"))
            let b = try Self.read(dir.appendingPathComponent("b/\(name)"))
            #expect(!a.isEmpty && a == b, "\(name): \(a.count) and \(b.count) bytes")
        }
        let tracks = String(decoding: try Self.read(dir.appendingPathComponent("a/tracks.jsonl")), as: UTF8.self)
        let lines = tracks.split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("{\"t\": ") && $0.contains("], \"decided_by\": [") && $0.hasSuffix("}") })
        // Two targets, each reported once per snapshot at most.
        let snapshotTimes = lines.compactMap { $0.split(separator: ",").first }
        #expect(Dictionary(grouping: snapshotTimes, by: { $0 }).values.allSatisfy { $0.count <= 2 })
        let cues = String(decoding: try Self.read(dir.appendingPathComponent("a/cues.jsonl")), as: UTF8.self)
        #expect(cues.contains("\"kind\": \"new\"") && cues.contains("\"zone\": \"CITY\""))

        let summary = try JSONSerialization.jsonObject(with: Self.read(dir.appendingPathComponent("a/summary.json")))
        let s = try #require(summary as? [String: Any])
        let records = try #require(s["records"] as? [String: Any])
        #expect(records["cat048"] as? Int == 30 && records["cat021"] as? Int == 30)
        #expect(s["tracks_confirmed"] as? Int == 2)
        #expect((s["cues"] as? [String: Any])?["new"] as? Int ?? 0 >= 1)
        #expect(s["processing_time_s"] is Double)

        // The outputs pcap: CAT062, CoT and both cue endpoints, stamped with capture time.
        var reader = try PcapReader(path: dir.appendingPathComponent("a.pcap").path)
        var ports: [UInt16: Int] = [:]
        var times: [Int64] = []
        reader.forEach { d in
            ports[d.destination.port, default: 0] += 1
            times.append(d.timeNs)
        }
        #expect(ports[4062] ?? 0 > 0 && ports[6969] ?? 0 > 0 && ports[5001] ?? 0 > 0 && ports[5002] ?? 0 > 0, "\(ports)")
        #expect(times == times.sorted() && (times.first ?? 0) >= S.startNs && (times.last ?? 0) < S.startNs + 32_000_000_000)
        let b = try Self.read(dir.appendingPathComponent("b.pcap"))
        #expect(try Self.read(dir.appendingPathComponent("a.pcap")) == b)
    }

    @Test func badConfigurationAndMissingCaptureAreReported() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("site.json")
        try Data(S.json.replacingOccurrences(of: "\"range_m\": 16000", with: "\"range_mm\": 16000").utf8).write(to: config)
        var errors: [String] = []
        let status = ReplayCommand(capturePath: "/nonexistent.pcap", configPath: config.path, outputDirectory: dir.path)
            .run(errors: { errors.append($0) })
        #expect(status == ReplayCommand.exitInvalidConfiguration)
        #expect(errors.contains { $0.contains("radars[0].range_mm: unknown key") }, "\(errors)")
        try Data(S.json.utf8).write(to: config)
        errors = []
        let missing = ReplayCommand(capturePath: "/nonexistent.pcap", configPath: config.path, outputDirectory: dir.path)
            .run(errors: { errors.append($0) })
        #expect(missing == ReplayCommand.exitIO && errors.contains { $0.contains("/nonexistent.pcap") })
    }

    /// A timestamp years ahead must not make the replay tick every second
    /// of the gap.
    @Test func aJumpOfYearsInCaptureTimeIsCrossedAtOnce() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let capture = dir.appendingPathComponent("gap.pcap").path
        do {
            var writer = try PcapWriter(path: capture)
            let from = IPEndpoint("10.0.0.1", port: 30000)!, to = IPEndpoint("232.1.1.1", port: S.radarPort)!
            for t in [S.startNs, S.startNs + 10 * 365 * 86_400_000_000_000] {
                let plot = AsterixBytes.cat048(sic: 1, timeNs: t, rangeM: 4_000, azimuthDeg: 10)
                writer.write(AsterixBytes.block(category: 48, [plot]), from: from, to: to, timeNs: t)
            }
        }
        let config = dir.appendingPathComponent("site.json")
        try Data(S.json.utf8).write(to: config)
        let clock = ContinuousClock()
        var status: Int32 = -1
        let elapsed = clock.measure {
            status = ReplayCommand(capturePath: capture, configPath: config.path, outputDirectory: dir.path)
                .run(errors: { _ in })
        }
        #expect(status == 0 && elapsed < .seconds(20), "\(elapsed)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        #expect(((summary as? [String: Any])?["records"] as? [String: Any])?["cat048"] as? Int == 2)
    }
}
