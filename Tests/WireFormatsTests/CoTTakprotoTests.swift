import Foundation
import FusionCore
import Simulation
import Testing
import WireFormats

extension WireTestKit {
    /// Tools/.venv's python with takproto, created by Tools/setup-venv.sh on
    /// first use; nil (and the test skipped) when python3, venv or PyPI is
    /// unavailable.
    static let venvPython: String? = {
        guard which("python3") != nil else { return nil }
        let tools = packageRoot.appendingPathComponent("Tools")
        guard let r = try? run("/bin/bash", [tools.appendingPathComponent("setup-venv.sh").path]), r.status == 0 else {
            return nil
        }
        let py = tools.appendingPathComponent(".venv/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: py) ? py : nil
    }()
}

@Suite("CoT cross-check with takproto")
struct CoTTakprotoTests {
    @Test("takproto parses our track and cue events to the values we wrote",
          .enabled(if: WireTestKit.venvPython != nil, "python3 venv with takproto unavailable: skipped"))
    func takprotoParses() throws {
        let python = WireTestKit.venvPython!
        let checker = WireTestKit.packageRoot.appendingPathComponent("Tools/cot_parse_check.py").path
        let dir = try WireTestKit.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SeededGenerator(seed: 0x7A4_0001)
        var writer = CoTWriter()
        var cases = 0
        for cls in TargetClass.allCases {
            for _ in 0..<3 {
                let t = WireTestKit.track(&rng, cls)
                try writer.writeTrack(t)
                var course = atan2(t.velocityEastMps, t.velocityNorthMps) * 180 / .pi
                if course < 0 { course += 360 }
                if course >= 359.995 { course = 0 }
                let expected: [String: Any] = [
                    "uid": "SKYCUE-\(t.nodeId)-\(t.trackId)", "type": "\(CoTTrackType.type(for: cls))",
                    "how": "m-f", "lat": t.latitudeDeg, "lon": t.longitudeDeg, "hae": t.altitudeM,
                    "ce": CoTTrackType.circularError(ee: t.covEastEastM2, nn: t.covNorthNorthM2, en: t.covEastNorthM2),
                    "le": t.covUpUpM2.squareRoot(),
                    "time_ms": floorDiv(t.timeNs, 1_000_000), "stale_ms": floorDiv(t.staleNs, 1_000_000),
                    "course": course, "speed": hypot(t.velocityEastMps, t.velocityNorthMps),
                    "callsign": "N\(t.nodeId)-T\(t.trackId)",
                    "xml_detail_contains": ["class=\"\(cls.reportName)\""],
                ]
                try check(python, checker, dir, writer.bytes, expected)
                cases += 1
            }
        }
        for kind in CueKind.allCases {
            let c = CoTWriterTests.cotCue(&rng, kind: kind, zone: "CITY", interceptor: "IDR-1")
            try writer.writeCue(c)
            let at = c.cue.intercept.map { ($0.latitudeDeg, $0.longitudeDeg, $0.altitudeM) }
                ?? (c.cue.latitudeDeg, c.cue.longitudeDeg, c.cue.altitudeM)
            let expected: [String: Any] = [
                "uid": "SKYCUE-\(c.cue.nodeId)-CUE-\(c.cue.trackId)-\(c.cue.interceptorIndex)",
                "type": kind == .cancel ? "t-u-z" : "t-k-t", "how": "m-p",
                "lat": at.0, "lon": at.1, "hae": at.2, "ce": c.cue.sigmaHorizontalM, "le": c.cue.sigmaVerticalM,
                "time_ms": floorDiv(c.cue.timeNs, 1_000_000),
                "stale_ms": floorDiv(kind == .cancel ? c.cue.timeNs : c.staleNs, 1_000_000),
                "xml_detail_contains": ["zone=\"CITY\"", "interceptor=\"IDR-1\"", "kind=\"\(kind.reportName)\""],
            ]
            try check(python, checker, dir, writer.bytes, expected)
            cases += 1
        }
        #expect(cases == 15)
        // Negative control: the checker does fail on a wrong expectation.
        let t = WireTestKit.track(&rng, .crewed)
        try writer.writeTrack(t)
        let x = dir.appendingPathComponent("event.xml")
        let j = dir.appendingPathComponent("wrong.json")
        try Data(writer.bytes).write(to: x)
        let wrong: [String: Any] = [
            "uid": "SKYCUE-\(t.nodeId)-\(t.trackId)", "type": "a-h-A-M-F-Q", "how": "m-f",
            "lat": t.latitudeDeg, "lon": t.longitudeDeg, "hae": t.altitudeM, "ce": 0.0, "le": 0.0,
            "time_ms": 0, "stale_ms": 0,
        ]
        try JSONSerialization.data(withJSONObject: wrong).write(to: j)
        let r = try WireTestKit.run(python, [checker, x.path, j.path])
        #expect(r.status != 0 && r.stdout.contains("type: got 'a-n-A'"), "\(r.stdout)\(r.stderr)")
    }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && a < 0) ? q - 1 : q
    }

    private func check(_ python: String, _ checker: String, _ dir: URL, _ xml: [UInt8], _ expected: [String: Any]) throws {
        let x = dir.appendingPathComponent("event.xml")
        let j = dir.appendingPathComponent("expected.json")
        try Data(xml).write(to: x)
        try JSONSerialization.data(withJSONObject: expected).write(to: j)
        let r = try WireTestKit.run(python, [checker, x.path, j.path])
        #expect(r.status == 0 && r.stdout.hasPrefix("OK"), "\(r.stdout)\(r.stderr)\n\(String(decoding: xml, as: UTF8.self))")
    }
}
