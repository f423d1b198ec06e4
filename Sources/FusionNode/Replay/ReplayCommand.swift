/// The `skycue-replay` command line (shared/ICD.md section 4):
///
///     skycue-replay CAPTURE --config SITE.json --out DIR [--snapshot-s 1]
///                   [--outputs-pcap FILE]
///     skycue-replay CAPTURE --send HOST [--speed 1|N|max] [--port-offset K]
///                   [--config SITE.json]
///
/// The second form is the network mode (`ReplaySender`): the capture's
/// datagrams go to a running node instead of an in-process pipeline.
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
    /// Network mode: the host to send the capture's datagrams to.
    public var sendHost: String?
    /// Network mode pacing: times real time, nil = as fast as possible.
    public var speed: Double?
    /// Network mode: added to every destination port.
    public var portOffset: Int

    public init(
        capturePath: String, configPath: String, outputDirectory: String, snapshotS: Double = 1,
        outputsPcapPath: String? = nil, truthPath: String? = nil, picturePath: String? = nil,
        sendHost: String? = nil, speed: Double? = 1, portOffset: Int = 0
    ) {
        self.sendHost = sendHost
        self.speed = speed
        self.portOffset = portOffset
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
        + " [--truth TRUTH.jsonl] [--picture FILE.svg]\n"
        + "       skycue-replay CAPTURE --send HOST [--speed 1|N|max] [--port-offset K] [--config SITE.json]"

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
        let keys = [
            "--config", "--out", "--snapshot-s", "--outputs-pcap", "--truth", "--picture", "--send", "--speed",
            "--port-offset",
        ]
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
        if let host = values["--send"] { return try parseSend(capture: capture, host: host, values) }
        for key in ["--speed", "--port-offset"] where values[key] != nil {
            throw UsageError(reason: "\(key) needs --send HOST")
        }
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

extension ReplayCommand {
    /// The network mode's options; `--out` and the report options belong
    /// to the in-process mode and are refused here.
    static func parseSend(capture: String, host: String, _ values: [String: String]) throws(UsageError) -> ReplayCommand {
        guard !host.isEmpty, NetworkEndpoint.hostProblem(host) == nil else {
            throw UsageError(reason: "--send needs an IP address or host name, not \"\(host)\"")
        }
        for key in ["--out", "--snapshot-s", "--outputs-pcap", "--truth", "--picture"] where values[key] != nil {
            throw UsageError(reason: "\(key) cannot be used with --send")
        }
        var speed: Double? = 1
        if let text = values["--speed"] {
            if text == "max" {
                speed = nil
            } else {
                guard let s = Double(text), s.isFinite, s >= 0.01, s <= 10_000 else {
                    throw UsageError(reason: "--speed must be max or a factor in 0.01...10000, not \"\(text)\"")
                }
                speed = s
            }
        }
        var offset = 0
        if let text = values["--port-offset"] {
            guard let k = Int(text), k >= -65_535, k <= 65_535 else {
                throw UsageError(reason: "--port-offset must be an integer in -65535...65535, not \"\(text)\"")
            }
            offset = k
        }
        return ReplayCommand(
            capturePath: capture, configPath: values["--config"] ?? "", outputDirectory: "", sendHost: host, speed: speed,
            portOffset: offset)
    }
}
