/// The `skycue-replay` command line (shared/ICD.md section 4):
///
///     skycue-replay CAPTURE --config SITE.json --out DIR [--snapshot-s 1]
///                   [--outputs-pcap FILE]
///
/// CAPTURE is a pcap or pcapng file, or a raw ASTERIX recording (blocks
/// back to back, routed to the first radar's port). Parsing and running
/// live here, not in main.swift, so that they are tested like other code.
public struct ReplayCommand: Sendable, Equatable {
    public var capturePath: String
    public var configPath: String
    public var outputDirectory: String
    /// Seconds of capture time between track snapshots (tracks.jsonl).
    public var snapshotS: Double
    /// Where to write every datagram the node would have sent, if anywhere.
    public var outputsPcapPath: String?
    /// Truth of a simulated capture (skycue-sim's truth.jsonl): when given,
    /// the run is scored (`ReplayScore`), the table printed and DIR/score.json written.
    public var truthPath: String?
    /// Where to draw the air picture (SVG), if anywhere.
    public var picturePath: String?

    public init(
        capturePath: String, configPath: String, outputDirectory: String, snapshotS: Double = 1,
        outputsPcapPath: String? = nil, truthPath: String? = nil, picturePath: String? = nil
    ) {
        self.capturePath = capturePath
        self.configPath = configPath
        self.outputDirectory = outputDirectory
        self.snapshotS = snapshotS
        self.outputsPcapPath = outputsPcapPath
        self.truthPath = truthPath
        self.picturePath = picturePath
    }

    public static let usage =
        "usage: skycue-replay CAPTURE --config SITE.json --out DIR [--snapshot-s 1] [--outputs-pcap FILE]"
        + " [--truth TRUTH.jsonl] [--picture FILE.svg]"

    /// Exit statuses: the capture was read to its end; the configuration is
    /// invalid; the command line is wrong; the capture or an output cannot
    /// be read or written.
    public static let exitOK: Int32 = 0
    public static let exitInvalidConfiguration: Int32 = 1
    public static let exitUsage: Int32 = 2
    public static let exitIO: Int32 = 3

    /// A usage error, with the reason.
    public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { "skycue-replay: \(reason)\n\(ReplayCommand.usage)" }
    }

    /// Parses the arguments after the program name (`--key value` or
    /// `--key=value`).
    public static func parse(_ arguments: [String]) throws(UsageError) -> ReplayCommand {
        var capture: String?
        var values: [String: String] = [:]
        let keys = ["--config", "--out", "--snapshot-s", "--outputs-pcap", "--truth", "--picture"]
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if argument == "-h" || argument == "--help" { throw UsageError(reason: "help requested") }
            if argument.hasPrefix("--") {
                var key = argument
                var value: String?
                if let eq = argument.firstIndex(of: "=") {
                    key = String(argument[..<eq])
                    value = String(argument[argument.index(after: eq)...])
                }
                guard keys.contains(key) else { throw UsageError(reason: "unknown option \"\(key)\"") }
                if value == nil {
                    guard i < arguments.count else { throw UsageError(reason: "\(key) needs a value") }
                    value = arguments[i]
                    i += 1
                }
                guard values[key] == nil else { throw UsageError(reason: "\(key) given twice") }
                values[key] = value
            } else {
                guard capture == nil else { throw UsageError(reason: "more than one capture (\"\(argument)\")") }
                capture = argument
            }
        }
        guard let capture, !capture.isEmpty else { throw UsageError(reason: "a CAPTURE file is required") }
        guard let config = values["--config"], !config.isEmpty else {
            throw UsageError(reason: "--config SITE.json is required")
        }
        guard let out = values["--out"], !out.isEmpty else { throw UsageError(reason: "--out DIR is required") }
        var snapshot = 1.0
        if let text = values["--snapshot-s"] {
            guard let s = Double(text), s.isFinite, s >= 0.001, s <= 3_600 else {
                throw UsageError(reason: "--snapshot-s must be a number of seconds in 0.001...3600, not \"\(text)\"")
            }
            snapshot = s
        }
        return ReplayCommand(
            capturePath: capture, configPath: config, outputDirectory: out, snapshotS: snapshot,
            outputsPcapPath: values["--outputs-pcap"], truthPath: values["--truth"], picturePath: values["--picture"])
    }
}
