import Foundation
import Simulation

/// `skycue-sim`: writes a simulated scenario on a site as the capture the
/// node would receive, with its truth (shared ICD section 4 style):
///
///     skycue-sim --site SITE.json --scenario raid|mixed|crossing|single
///                [--count N] [--duration-s S] [--seed N]
///                [--acoustic-sensors N] --out DIR
///
/// writes DIR/capture.pcap, DIR/truth.jsonl, DIR/site.json (the site file
/// as given, byte for byte) and DIR/acoustic_sensors.json (the simulated
/// acoustic sensors, see `SiteSensors`; `--acoustic-sensors N` puts N of
/// them on a grid instead of around the zones). The same arguments give
/// byte-identical files.
public struct SimCommand: Sendable, Equatable {
    public var sitePath: String
    public var scenario: SiteScenario
    public var count: Int?
    public var durationS: Double
    public var seed: UInt64
    public var outDirectory: String
    /// How many acoustic sensors to place on a grid (`SiteSensors.acousticGrid`);
    /// nil places them around the zones.
    public var acousticSensors: Int? = nil

    public static let usage =
        "usage: skycue-sim --site SITE.json --scenario raid|mixed|crossing|single [--count N] [--duration-s S] [--seed N] [--acoustic-sensors N] --out DIR"

    /// Parses the arguments (without the program name); the error is a
    /// message for stderr.
    public static func parse(_ arguments: [String]) -> Result<SimCommand, SimCommandError> {
        var site: String?, scenario: SiteScenario?, out: String?, count: Int?, acoustic: Int?
        var duration = 600.0
        var seed: UInt64 = 1
        var i = 0
        while i < arguments.count {
            let flag = arguments[i]
            guard i + 1 < arguments.count else { return .failure(.init("\(flag) needs a value")) }
            let value = arguments[i + 1]
            switch flag {
            case "--site": site = value
            case "--out": out = value
            case "--scenario":
                guard let s = SiteScenario(rawValue: value) else { return .failure(.init("unknown scenario \(value)")) }
                scenario = s
            case "--count":
                guard let n = Int(value), n >= 0, n <= 10_000 else { return .failure(.init("--count: 0...10000")) }
                count = n
            case "--duration-s":
                guard let d = Double(value), d > 0, d <= 86_400 else { return .failure(.init("--duration-s: > 0, <= 86400")) }
                duration = d
            case "--acoustic-sensors":
                guard let n = Int(value), n >= 0, n <= SiteSensors.maxAcousticSensors else {
                    return .failure(.init("--acoustic-sensors: 0...\(SiteSensors.maxAcousticSensors)"))
                }
                acoustic = n
            case "--seed":
                guard let s = UInt64(value) else { return .failure(.init("--seed: an unsigned integer")) }
                seed = s
            default:
                return .failure(.init("unknown argument \(flag)"))
            }
            i += 2
        }
        guard let site else { return .failure(.init("--site is required")) }
        guard let scenario else { return .failure(.init("--scenario is required")) }
        guard let out else { return .failure(.init("--out is required")) }
        return .success(
            SimCommand(
                sitePath: site, scenario: scenario, count: count, durationS: duration, seed: seed, outDirectory: out,
                acousticSensors: acoustic))
    }

    /// What a run wrote.
    public struct Summary: Sendable {
        public var datagrams: UInt64
        public var truthLines: Int
        public var targets: Int
        public var acousticSensors: Int
    }

    /// Runs the command: loads the site, simulates, writes the files.
    public func run() throws -> Summary {
        let configuration = try SiteConfiguration.load(contentsOf: sitePath)
        let siteBytes = try Data(contentsOf: URL(fileURLWithPath: sitePath))
        let scenario = self.scenario.build(on: configuration, count: count, durationS: durationS, seed: seed)
        let sensors = SiteSensors(
            configuration: configuration, frame: scenario.frame, startNs: scenario.startNs, acousticGridCount: acousticSensors)
        let capture = sensors.composer.compose(scenario, seed: seed &+ 0x9E37_79B9)
        let dir = URL(fileURLWithPath: outDirectory)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let written = try CaptureWriter.writePcap(capture, to: dir.appendingPathComponent("capture.pcap").path)
        try CaptureWriter.writeTruth(scenario, to: dir.appendingPathComponent("truth.jsonl").path)
        try siteBytes.write(to: dir.appendingPathComponent("site.json"))
        try CaptureWriter.writeAcousticSites(sensors.acousticSites, to: dir.appendingPathComponent("acoustic_sensors.json").path)
        return Summary(
            datagrams: written, truthLines: TruthLines.lineCount(scenario), targets: scenario.targets.count,
            acousticSensors: sensors.acousticSites.count)
    }

    /// The whole tool: parse, run, report; returns the exit status (0 ok,
    /// 1 failure, 2 bad command line).
    public static func main(_ arguments: [String]) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return 0
        }
        switch parse(arguments) {
        case .failure(let e):
            FileHandle.standardError.write(Data("skycue-sim: \(e.message)\n\(usage)\n".utf8))
            return 2
        case .success(let command):
            do {
                let s = try command.run()
                print(
                    "skycue-sim: \(command.scenario.rawValue) seed \(command.seed): \(s.targets) targets, "
                        + "\(s.datagrams) datagrams, \(s.truthLines) truth lines, \(s.acousticSensors) acoustic sensors -> \(command.outDirectory)")
                return 0
            } catch let e as ConfigurationError {
                for issue in e.issues {
                    FileHandle.standardError.write(Data("\(command.sitePath): \(issue.path): \(issue.message)\n".utf8))
                }
                return 1
            } catch {
                FileHandle.standardError.write(Data("skycue-sim: \(error)\n".utf8))
                return 1
            }
        }
    }
}

/// A bad `skycue-sim` command line.
public struct SimCommandError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
