import Foundation
import FusionNode
import Testing
import WireFormats

/// The built `skycue-replay` on the reference captures of ../shared/data:
/// the Croatian radars (two networks per radar, sites from I034/120) and a
/// non-standard CAT062 capture the node must read to the end.
@Suite(.enabled(if: TestPaths.hasData, "needs ../shared/data (reference captures)"))
struct ReplayCaptureTests {
    /// The `skycue-replay` built alongside the test bundle, if there is one.
    static func binary() -> URL? {
        let candidates = [CommandLine.arguments.first, Bundle.main.executablePath].compactMap { $0 }
        for executable in candidates {
            var dir = URL(fileURLWithPath: executable).deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("skycue-replay")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }

    /// A site for the Croatian capture: radars SAC 25 on ports 21100+n and
    /// 22100+n, no positions (their I034/120 gives them where present).
    static let croatiaRadars: [(sic: Int, port: Int)] = [
        (11, 11), (12, 12), (13, 13), (14, 14), (201, 31), (204, 34), (205, 35),
    ]

    static func croatiaSite() -> String {
        let radars = croatiaRadars.map { r in
            """
            {"name": "R\(r.sic)", "sac": 25, "sic": \(r.sic), "ports": [\(21_100 + r.port), \(22_100 + r.port)],
             "site_from_cat034": true, "period_s": 4.0, "range_m": 250000, "sigma_range_m": 50,
             "sigma_az_deg": 0.1, "sigma_el_deg": null, "three_d": false, "doppler": false, "amplitude_k_db": 70}
            """
        }
        return """
            {"node": {"id": 3, "origin": {"lat": 43.5, "lon": 16.4, "alt_m": 0}},
             "radars": [\(radars.joined(separator: ",\n"))], "zones": [], "interceptors": []}
            """
    }

    static func summary(_ dir: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: dir.appendingPathComponent("summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func croatianRadarCaptureIsReadWholeWithSitesFromCat034() throws {
        guard let replay = Self.binary() else {
            print("ReplayCaptureTests: skycue-replay not found next to the test binary; skipped")
            return
        }
        let capture = TestPaths.dataFile("croatiacontrol-asterix/cat_034_048.pcap")
        // Oracle: decode the capture here, count records, distinct records
        // (by bytes) and the I034/120 of SIC 12.
        struct Oracle: AsterixSink {
            var cat048 = 0, cat034 = 0
            var distinct: Set<[UInt8]> = []
            var site12: Cat034Message?
            mutating func receive(_ plot: Cat048Plot, record: UnsafeRawBufferPointer) {
                cat048 += 1
                distinct.insert([48] + Array(record))
            }
            mutating func receive(_ m: Cat034Message, record: UnsafeRawBufferPointer) {
                cat034 += 1
                distinct.insert([34] + Array(record))
                if m.sic == 12 && m.present.contains(.position) { site12 = m }
            }
        }
        var oracle = Oracle()
        var decoder = AsterixDecoder()
        var reader = try PcapReader(path: capture)
        var datagrams = 0
        reader.forEach { d in
            datagrams += 1
            decoder.decode(d.payload, into: &oracle)
        }
        #expect(oracle.cat048 == 128 && oracle.cat034 == 34 && decoder.rejections.total == 0)

        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("croatia.json")
        try Data(Self.croatiaSite().utf8).write(to: config)
        let out = dir.appendingPathComponent("out")
        let run = try SkycuedCommandTests.run(replay, [capture, "--config", config.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "no progress output when stderr is not a terminal: \(run.stderr)")

        let s = try Self.summary(out)
        let records = try #require(s["records"] as? [String: Any])
        #expect(records["cat048"] as? Int == oracle.cat048)
        #expect(records["cat034"] as? Int == oracle.cat034)
        #expect(records["duplicates"] as? Int == oracle.cat048 + oracle.cat034 - oracle.distinct.count)
        let rejected = try #require(s["rejected"] as? [String: Any])
        let asterix = try #require(rejected["asterix"] as? [String: Int])
        #expect(asterix.values.reduce(0, +) == 0, "every record accepted: \(asterix)")
        #expect((rejected["records"] as? [String: Int])?["unknown_radar"] == 0)
        let ports = try #require(s["ports"] as? [String: [String: Any]])
        let perPort = ports.values.compactMap { $0["datagrams"] as? Int }.reduce(0, +)
        #expect(perPort == datagrams && s["datagrams_unrouted"] as? Int == 0)
        for r in Self.croatiaRadars {
            let a = ports[String(21_100 + r.port)]?["records"] as? Int
            let b = ports[String(22_100 + r.port)]?["records"] as? Int
            #expect(a != nil && a == b, "both networks of SIC \(r.sic) carry the same records")
        }

        // SIC 12's site from its I034/120, as the oracle decoded it and as published.
        let sites = try #require(s["radar_sites"] as? [String: [String: Any]])
        let r12 = try #require(sites["R12"])
        #expect(r12["source"] as? String == "cat034")
        let lat = try #require(r12["lat"] as? Double), lon = try #require(r12["lon"] as? Double)
        let alt = try #require(r12["alt_m"] as? Double)
        let m = try #require(oracle.site12)
        #expect(abs(lat - m.latitudeDeg) < 1e-7 && abs(lon - m.longitudeDeg) < 1e-7 && alt == Double(m.heightM))
        #expect(abs(lat - 43.571026) < 1e-6 && abs(lon - 16.406064) < 1e-6 && alt == 780)
    }

    @Test func nonStandardCat062CaptureIsReadToTheEndAndRejected() throws {
        guard let replay = Self.binary() else {
            print("ReplayCaptureTests: skycue-replay not found next to the test binary; skipped")
            return
        }
        let capture = TestPaths.dataFile("croatiacontrol-asterix/asterix.pcap")
        var reader = try PcapReader(path: capture)
        var blocks = 0, datagrams = 0
        reader.forEach { d in
            datagrams += 1
            var i = 0
            while i + 3 <= d.payload.count {
                let n = Int(d.payload[i + 1]) << 8 | Int(d.payload[i + 2])
                guard n >= 3, i + n <= d.payload.count else { break }
                blocks += 1
                i += n
            }
        }
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("site.json")
        try Data(
            """
            {"node": {"id": 1, "origin": {"lat": 45.8, "lon": 16.0, "alt_m": 100}},
             "radars": [{"name": "ANY", "sac": 1, "sic": 1, "port": 20402, "site_from_cat034": true,
                         "period_s": 4, "range_m": 200000, "sigma_range_m": 50, "sigma_az_deg": 0.1,
                         "sigma_el_deg": null, "three_d": false, "doppler": false, "amplitude_k_db": 70}],
             "zones": [], "interceptors": []}
            """.utf8
        ).write(to: config)
        let out = dir.appendingPathComponent("out")
        let run = try SkycuedCommandTests.run(replay, [capture, "--config", config.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let s = try Self.summary(out)
        #expect((s["capture"] as? [String: Any])?["read_to_end"] as? String == "yes")
        let ports = try #require(s["ports"] as? [String: [String: Any]])
        #expect(ports["20402"]?["datagrams"] as? Int == datagrams && datagrams == 100)
        let asterix = try #require((s["rejected"] as? [String: Any])?["asterix"] as? [String: Int])
        #expect(blocks > 0 && asterix["unknownCategory"] == blocks, "\(asterix), \(blocks) blocks")
        #expect(ports["20402"]?["rejected"] as? Int == blocks)
        let tracks = try Data(contentsOf: out.appendingPathComponent("tracks.jsonl"))
        #expect(tracks.isEmpty)
    }

    @Test func rawAsterixFileGoesToTheFirstRadarPort() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("site.json")
        try Data(Self.croatiaSite().utf8).write(to: config)
        let file = TestPaths.dataFile("croatiacontrol-asterix/cat048.raw")
        let expected = try AsterixFile(path: file)
        var errors: [String] = []
        let status = ReplayCommand(capturePath: file, configPath: config.path, outputDirectory: dir.path)
            .run(errors: { errors.append($0) })
        #expect(status == 0 && errors.isEmpty, "\(errors)")
        let s = try Self.summary(dir)
        #expect((s["capture"] as? [String: Any])?["format"] as? String == "asterix")
        let first = try #require((s["ports"] as? [String: [String: Any]])?["21111"])
        #expect(first["datagrams"] as? Int == expected.blocks.count)
    }
}
