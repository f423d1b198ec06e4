import Foundation
import FusionNode
import Testing

/// `skycued --config SITE.json [--check-config]`: arguments, and the built
/// binary's exit status and output.
@Suite struct SkycuedCommandTests {
    @Test func parsesTheICDCommandLine() throws {
        #expect(try SkycuedCommand.parse(["--config", "a.json"]) == SkycuedCommand(configPath: "a.json"))
        #expect(
            try SkycuedCommand.parse(["--check-config", "--config=b.json"])
                == SkycuedCommand(configPath: "b.json", checkConfigOnly: true))
        for bad in [[], ["--check-config"], ["--config"], ["--config", "a", "--config", "b"], ["--frobnicate"]] {
            #expect(throws: SkycuedCommand.UsageError.self, "\(bad)") { _ = try SkycuedCommand.parse(bad) }
        }
    }

    @Test func reportsInProcess() throws {
        var out: [String] = [], err: [String] = []
        let ok = SkycuedCommand(configPath: ConfigFixtures.sitePath("reference.json"), checkConfigOnly: true)
            .loadAndReport(output: { out.append($0) }, errors: { err.append($0) })
        #expect(ok.status == 0 && ok.configuration != nil && out == ["configuration OK"] && err.isEmpty)
    }

    /// The `skycued` built alongside the test bundle, if there is one.
    static func binary() -> URL? {
        let candidates = [CommandLine.arguments.first, Bundle.main.executablePath].compactMap { $0 }
        for executable in candidates {
            var dir = URL(fileURLWithPath: executable).deletingLastPathComponent()
            // On macOS the test binary sits inside Foo.xctest/Contents/MacOS.
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("skycued")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ binary: URL, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so a full pipe cannot stall the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func checkConfigExitStatusAndOutput() throws {
        guard let skycued = Self.binary() else {
            print("SkycuedCommandTests: skycued not found next to the test binary; subprocess checks skipped")
            return
        }
        let good = try Self.run(skycued, ["--config", ConfigFixtures.sitePath("reference.json"), "--check-config"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout == "configuration OK\n" && good.stderr.isEmpty)

        // A file with three mistakes: every one is printed, one per line.
        var tree = try ConfigFixtures.tree("reference.json")
        tree = ConfigFixtures.setting("radars[1].sigma_az_degs", to: 0.5, in: tree)
        tree = ConfigFixtures.setting("zones[0].name", to: nil, in: tree)
        tree = ConfigFixtures.setting("interceptors[2].range_m", to: -5, in: tree)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("skycue-bad-\(UUID()).json")
        try ConfigFixtures.data(tree).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let bad = try Self.run(skycued, ["--config", file.path, "--check-config"])
        #expect(bad.status == 1)
        #expect(bad.stdout.isEmpty, "errors go to stderr")
        let lines = bad.stderr.split(separator: "\n").map(String.init)
        for expected in ["radars[1].sigma_az_degs: unknown key", "zones[0].name: missing required key",
                         "interceptors[2].range_m: must be greater than 0"] {
            #expect(lines.contains { $0.contains(expected) }, "\(expected) in \(lines)")
        }

        // Without --check-config the node starts (on free ports here): the
        // summary first, then its log lines; SIGTERM stops it with 0.
        let dir = try TestPaths.temporaryDirectory()
        let site = dir.appendingPathComponent("site.json").path
        let metricsPort = try #require(ChildProcess.freeLoopbackPort())
        try DaemonFixture.writeSite(
            to: site, offset: DaemonFixture.portOffset(), cuePort: try #require(DaemonFixture.freeUDPPort()),
            metricsPort: metricsPort)
        let node = try #require(
            SkycuedProcess(configPath: site, metricsPort: metricsPort, logPath: dir.appendingPathComponent("log").path))
        #expect(node.waitFor("skycue_origin_known", seconds: 10) { $0 == 1 } == 1)
        let status = node.stop()
        #expect(status == 0, "clean exit on SIGTERM")
        let log = node.log
        #expect(log.hasPrefix("Node 7") && log.contains("2 radars") && log.contains("CITY"))
        #expect(log.contains("level=info event=start") && log.contains("level=info event=stop"))

        let usage = try Self.run(skycued, ["--check-config"])
        #expect(usage.status == 2 && usage.stderr.contains("usage:"))
    }
}
