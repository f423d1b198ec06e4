import Foundation
import FusionCore
import Simulation
import Testing
import WireFormats

extension WireTestKit {
    static func trackLine(_ rng: inout SeededGenerator) -> TrackReportLine {
        TrackReportLine(
            timeNs: Int64.random(in: 0...2_000_000_000_000_000_000, using: &rng),
            trackId: UInt32.random(in: 0 ... .max, using: &rng),
            status: TrackReportStatus.allCases.randomElement(using: &rng)!,
            latitudeDeg: Double.random(in: -90...90, using: &rng), longitudeDeg: Double.random(in: -180...180, using: &rng),
            altitudeM: Double.random(in: -500...20_000, using: &rng),
            velocityEastMps: Double.random(in: -300...300, using: &rng),
            velocityNorthMps: Double.random(in: -300...300, using: &rng),
            velocityUpMps: Double.random(in: -30...30, using: &rng),
            sigmaM: Double.random(in: 0...5000, using: &rng),
            targetClass: TargetClass.allCases.randomElement(using: &rng)!,
            pUncrewed: Double.random(in: 0...1, using: &rng),
            sources: TrackSources(rawValue: UInt8.random(in: 0...15, using: &rng)),
            decidingEvidence: [
                EvidenceItem.allCases.randomElement(using: &rng)!, EvidenceItem.allCases.randomElement(using: &rng)!,
            ],
            // Whole hundredths: written exactly, so the checker can compare the lists.
            decidingMarginNats: [
                Double(Int.random(in: 0...900, using: &rng)) / 100, Double(Int.random(in: 0...900, using: &rng)) / 100,
            ],
            cooperativeVeto: Bool.random(using: &rng), rotorVeto: Bool.random(using: &rng))
    }
}

@Suite("JSON Lines and summary writers")
struct JSONLinesWriterTests {
    static let trackKeys = ["t", "track", "status", "lat", "lon", "alt_m", "ve", "vn", "vu", "sigma_m", "class", "p_uncrewed", "sources", "decided_by", "veto"]
    static let cueKeys = ["t", "kind", "cue", "track", "zone", "interceptor", "lat", "lon", "alt_m", "p_uncrewed", "intercept", "zone_entry_t"]

    /// Python checks each line: valid JSON, keys in the given order, and the
    /// numbers equal to what the Swift side sent (within the print precision).
    static let checker = """
        import json, sys
        spec = json.load(open(sys.argv[1]))
        lines = sys.stdin.read().split('\\n')
        assert lines[-1] == '', 'missing final newline'
        lines = lines[:-1]
        assert len(lines) == len(spec['values']), (len(lines), len(spec['values']))
        for line, want in zip(lines, spec['values']):
            obj = json.loads(line)
            assert list(obj.keys()) == spec['keys'], list(obj.keys())
            for k, v in want.items():
                got = obj[k]
                if isinstance(v, float):
                    assert abs(got - v) <= spec['tol'][k], (k, got, v)
                else:
                    assert got == v, (k, got, v)
        print('OK', len(lines))
        """

    /// Runs `checker` with the spec in a temporary file (too big for argv).
    static func runChecker(spec: Data, lines: [UInt8]) throws -> WireTestKit.RunResult {
        let dir = try WireTestKit.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("spec.json")
        try spec.write(to: url)
        return try WireTestKit.run(WireTestKit.which("python3")!, ["-c", checker, url.path], stdin: Data(lines))
    }

    @Test("tracks.jsonl lines are JSON with the ICD keys in order and the values written",
          .enabled(if: WireTestKit.which("python3") != nil, "python3 missing: skipped"))
    func trackLines() throws {
        var rng = SeededGenerator(seed: 0x150_0001)
        var writer = JSONLinesWriter()
        var all: [UInt8] = []
        var values: [[String: Any]] = []
        for _ in 0..<500 {
            let l = WireTestKit.trackLine(&rng)
            writer.writeTrack(l)
            all += writer.bytes
            var sources: [String] = []
            for (f, n) in [(TrackSources.radar, "radar"), (.acoustic, "acoustic"), (.adsb, "adsb"), (.remote, "remote")]
            where l.sources.contains(f) { sources.append(n) }
            var decidedBy: [[String: Any]] = []
            for k in 0..<2 where l.decidingEvidence[k] != .none {
                decidedBy.append(["evidence": "\(l.decidingEvidence[k].reportName)", "nats": l.decidingMarginNats[k]])
            }
            let veto: Any = l.cooperativeVeto ? "cooperative" as Any : (l.rotorVeto ? "rotor" as Any : NSNull())
            values.append([
                "t": Double(l.timeNs) / 1e9, "track": Int(l.trackId), "status": l.status == .confirmed ? "confirmed" : "coasting",
                "lat": l.latitudeDeg, "lon": l.longitudeDeg, "alt_m": l.altitudeM, "ve": l.velocityEastMps,
                "vn": l.velocityNorthMps, "vu": l.velocityUpMps, "sigma_m": l.sigmaM, "class": l.targetClass.reportName,
                "p_uncrewed": l.pUncrewed, "sources": sources, "decided_by": decidedBy, "veto": veto,
            ])
        }
        let tol: [String: Double] = [
            "t": 1.5e-3, "lat": 0.6e-7, "lon": 0.6e-7, "alt_m": 0.006, "ve": 0.006, "vn": 0.006, "vu": 0.006,
            "sigma_m": 0.006, "p_uncrewed": 0.6e-4,
        ]
        let spec = try JSONSerialization.data(withJSONObject: ["keys": Self.trackKeys, "values": values, "tol": tol])
        let r = try Self.runChecker(spec: spec, lines: all)
        #expect(r.status == 0 && r.stdout.hasPrefix("OK 500"), "\(r.stdout)\(r.stderr)")
    }

    @Test("cues.jsonl lines are JSON with the ICD keys in order, null when absent",
          .enabled(if: WireTestKit.which("python3") != nil, "python3 missing: skipped"))
    func cueLines() throws {
        var rng = SeededGenerator(seed: 0x150_0002)
        var writer = JSONLinesWriter()
        var all: [UInt8] = []
        var values: [[String: Any]] = []
        for i in 0..<300 {
            var cue = WireTestKit.cue(&rng)
            cue.timeNs = Int64.random(in: 0...2_000_000_000_000_000_000, using: &rng)
            let zone = i % 3 == 0 ? "Zone \"\(i)\"\\\n" : "CITY"
            writer.writeCue(CueReportLine(cue: cue, zoneName: zone, interceptorName: "IDR-\(i)"))
            all += writer.bytes
            var v: [String: Any] = [
                "t": Double(cue.timeNs) / 1e9, "kind": "\(cue.kind.reportName)", "cue": Int(cue.sequence),
                "track": Int(cue.trackId), "zone": zone, "interceptor": "IDR-\(i)", "lat": cue.latitudeDeg,
                "lon": cue.longitudeDeg, "alt_m": cue.altitudeM, "p_uncrewed": cue.pUncrewed,
            ]
            v["intercept"] = cue.intercept == nil ? NSNull() : nil
            v["zone_entry_t"] = cue.zoneEntryTimeNs == nil ? NSNull() : nil
            values.append(v)
        }
        let tol: [String: Double] = ["t": 1.5e-3, "lat": 0.6e-7, "lon": 0.6e-7, "alt_m": 0.006, "p_uncrewed": 0.6e-4]
        let spec = try JSONSerialization.data(withJSONObject: ["keys": Self.cueKeys, "values": values, "tol": tol])
        let r = try Self.runChecker(spec: spec, lines: all)
        #expect(r.status == 0 && r.stdout.hasPrefix("OK 300"), "\(r.stdout)\(r.stderr)")
    }

    @Test("the ICD example track line is written byte for byte as documented")
    func exampleLine() {
        var writer = JSONLinesWriter()
        writer.writeTrack(TrackReportLine(
            timeNs: 1_794_787_200_000_000_000, trackId: 17, status: .confirmed, latitudeDeg: 50.45,
            longitudeDeg: 30.52, altitudeM: 812.4, velocityEastMps: -48.1, velocityNorthMps: 3.2,
            velocityUpMps: 0.1, sigmaM: 35, targetClass: .uncrewed, pUncrewed: 0.997, sources: [.radar, .acoustic]))
        let expected = "{\"t\": 1794787200.000, \"track\": 17, \"status\": \"confirmed\", \"lat\": 50.4500000, "
            + "\"lon\": 30.5200000, \"alt_m\": 812.40, \"ve\": -48.10, \"vn\": 3.20, \"vu\": 0.10, "
            + "\"sigma_m\": 35.00, \"class\": \"uncrewed\", \"p_uncrewed\": 0.9970, \"sources\": [\"radar\", \"acoustic\"], "
            + "\"decided_by\": [], \"veto\": null}\n"
        #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
    }

    @Test("a track line carries the evidence that decided its class and any veto, from the belief")
    func decidingEvidence() {
        var belief = ClassBelief()
        belief.declared = .unknown
        belief.posterior = [0.998, 0.002, 0]
        belief.decidingEvidence = [.radarCrossSection, .none]
        belief.decidingMarginNats = [3.456, 0]
        belief.rotorVeto = true
        var writer = JSONLinesWriter()
        writer.writeTrack(TrackReportLine(
            timeNs: 1_794_787_200_000_000_000, trackId: 5, status: .coasting, latitudeDeg: 50.45, longitudeDeg: 30.52,
            altitudeM: 100, velocityEastMps: 0, velocityNorthMps: 0, velocityUpMps: 0, sigmaM: 10, belief: belief,
            sources: [.radar]))
        let line = String(decoding: writer.bytes, as: UTF8.self)
        #expect(line.hasSuffix(
            "\"class\": \"unknown\", \"p_uncrewed\": 0.9980, \"sources\": [\"radar\"], "
                + "\"decided_by\": [{\"evidence\": \"rcs\", \"nats\": 3.46}], \"veto\": \"rotor\"}\n"), "\(line)")
        belief.cooperativeVeto = true
        belief.declared = .crewed
        belief.decidingEvidence = [.cooperative, .speed]
        belief.decidingMarginNats = [9.21, 0.5]
        writer.writeTrack(TrackReportLine(
            timeNs: 0, trackId: 5, status: .confirmed, latitudeDeg: 0, longitudeDeg: 0, altitudeM: 0,
            velocityEastMps: 0, velocityNorthMps: 0, velocityUpMps: 0, sigmaM: 0, belief: belief, sources: [.adsb]))
        #expect(String(decoding: writer.bytes, as: UTF8.self).hasSuffix(
            "\"decided_by\": [{\"evidence\": \"cooperative\", \"nats\": 9.21}, {\"evidence\": \"speed\", \"nats\": 0.50}], "
                + "\"veto\": \"cooperative\"}\n"))
    }

    @Test("summary.json is valid JSON with nested counts in the order written",
          .enabled(if: WireTestKit.which("python3") != nil, "python3 missing: skipped"))
    func summary() throws {
        var w = SummaryJSONWriter()
        w.beginObject()
        w.beginObject(key: "datagrams")
        w.field("4048", UInt64(1200))
        w.field("4100", UInt64(37))
        w.endObject()
        w.beginObject(key: "rejected")
        for r in SKACRejection.allCases { w.field("skac.\(r)", UInt64(r.rawValue)) }
        w.endObject()
        w.beginObject(key: "empty")
        w.endObject()
        w.field("tracks_confirmed", Int64(-3))
        w.field("processing_s", 12.345678, decimals: 3)
        w.field("note", string: "a \"quoted\" note")
        w.endObject()
        #expect(w.isComplete)
        let script = """
            import json, sys
            d = json.loads(sys.stdin.read())
            print(json.dumps(d))
            """
        let r = try WireTestKit.run(WireTestKit.which("python3")!, ["-c", script], stdin: Data(w.bytes))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("{\"datagrams\": {\"4048\": 1200, \"4100\": 37}, \"rejected\": {\"skac.truncatedHeader\": 0"))
        #expect(r.stdout.contains("\"empty\": {}, \"tracks_confirmed\": -3, \"processing_s\": 12.346, \"note\": \"a \\\"quoted\\\" note\"}"))
    }
}
