import Foundation
import FusionNode
import Testing

/// Golden replays (issue 6): each reference capture under
/// Tests/FusionNodeTests/Golden/NAME (made once by skycue-sim with a fixed
/// seed, committed as the input) is replayed through `ReplayCommand`, the
/// code behind `skycue-replay`, and its tracks.jsonl, cues.jsonl and
/// summary.json (less the wall-clock time) must equal the committed ones
/// byte for byte. Any change in results fails here until it is
/// regenerated on purpose with Tools/regen-golden.sh (see the folder's
/// README.md).
@Suite struct GoldenReplayTests {
    static let root = TestPaths.packageRoot.appendingPathComponent("Tests/FusionNodeTests/Golden")
    static let cases = ["raid-short", "crossing-short"]
    static let reports = ["tracks.jsonl", "cues.jsonl", "summary.json"]

    /// The replay options of a case (its `replay.args`, one line).
    static func replayArguments(_ dir: URL) throws -> [String] {
        let text = try String(contentsOf: dir.appendingPathComponent("replay.args"), encoding: .utf8)
        return text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    static func read(_ url: URL, name: String) throws -> Data {
        let data = try Data(contentsOf: url)
        return name == "summary.json" ? GoldenDiff.maskingProcessingTime(data) : data
    }

    @Test(arguments: cases) func replayEqualsCommittedReports(_ name: String) throws {
        let golden = Self.root.appendingPathComponent(name)
        let out = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let command = try ReplayCommand.parse(
            [golden.appendingPathComponent("capture.pcap").path, "--config", golden.appendingPathComponent("site.json").path,
             "--out", out.path] + Self.replayArguments(golden))
        var errors: [String] = []
        let status = command.run(errors: { errors.append($0) })
        #expect(status == ReplayCommand.exitOK, "\(errors)")
        for report in Self.reports {
            let expected = try Self.read(golden.appendingPathComponent(report), name: report)
            let actual = try Self.read(out.appendingPathComponent(report), name: report)
            let diff = GoldenDiff.compare(name: "\(name)/\(report)", expected: expected, actual: actual)
            #expect(diff == nil, "\(diff?.summary ?? "")")
        }
    }

    /// The references must keep exercising what they were chosen for: a
    /// cue for an uncrewed track (the raid), crewed traffic that is never
    /// cued (every cued track is uncrewed, ICD 2.4), acoustic reports read.
    @Test func referencesStillCoverCueingCrewedTrafficAndAcousticReports() throws {
        let raid = Self.root.appendingPathComponent("raid-short")
        let cues = GoldenDiff.lines(try Data(contentsOf: raid.appendingPathComponent("cues.jsonl"))).filter { !$0.isEmpty }
        #expect(cues.contains { $0.contains("\"kind\": \"new\"") }, "the raid reference no longer cues: pick another seed")
        for name in Self.cases {
            let dir = Self.root.appendingPathComponent(name)
            let tracks = try String(contentsOf: dir.appendingPathComponent("tracks.jsonl"), encoding: .utf8)
            #expect(tracks.contains("\"acoustic\""), "\(name): no track fused an acoustic report")
            let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json")))
            let records = (summary as? [String: Any])?["records"] as? [String: Any]
            #expect((records?["skac_detections"] as? Int ?? 0) > 0 && (records?["cat048"] as? Int ?? 0) > 0)
        }
    }

    @Test func diffSummaryNamesFirstDifferingLineAndCounts() throws {
        let expected = Data("a\nb\nc\n".utf8), actual = Data("a\nB\nc\nd\n".utf8)
        let diff = try #require(GoldenDiff.compare(name: "x.jsonl", expected: expected, actual: actual))
        #expect(diff.firstLine == 2 && diff.expected == "b" && diff.actual == "B")
        #expect(diff.expectedLines == 3 && diff.actualLines == 4 && diff.differingLines == 2)
        #expect(diff.summary.contains("first at line 2") && diff.summary.contains("Tools/regen-golden.sh"))
        #expect(GoldenDiff.compare(name: "x", expected: expected, actual: expected) == nil)
        let noNewline = try #require(GoldenDiff.compare(name: "x", expected: Data("a\n".utf8), actual: Data("a".utf8)))
        #expect(noNewline.firstLine == 2 && noNewline.expected == nil && noNewline.actual == nil)
        #expect(noNewline.summary.contains("only the final newline differs"))
        let masked = GoldenDiff.maskingProcessingTime(Data("{\"a\": 1, \"processing_time_s\": 0.012345}".utf8))
        #expect(String(decoding: masked, as: UTF8.self) == "{\"a\": 1, \"processing_time_s\": null}")
        #expect(GoldenDiff.maskingProcessingTime(masked) == masked)
    }
}
