import Cueing
import Foundation
import FusionMath

/// Everything a crew configures for one node (shared/ICD.md section 3, and
/// the project's sections documented in Hardware/CONFIG.md).
///
/// Angles are degrees, distances metres, altitudes metres HAE, as in the
/// file. Positions are kept geodetic; `geometry(origin:)` gives the local
/// ENU view once the frame's origin is known.
public struct SiteConfiguration: Sendable, Equatable {
    public var node: NodeSettings
    /// May be empty (an acoustic-only node).
    public var radars: [RadarConfiguration]
    public var adsb: ADSBSettings
    public var acoustic: AcousticSettings
    public var zones: [ZoneConfiguration]
    public var interceptors: [InterceptorConfiguration]
    public var outputs: OutputSettings
    public var keys: KeySettings
    public var limits: LimitSettings
    public var tracker: TrackerSettings
    /// Threat horizon, cue quality gates, update rate and pre-emption
    /// (section `cueing`); its `nodeId` is ignored (`node.id` is used).
    public var cueing: CueingParameters
    public var metrics: MetricsSettings
    public var recording: RecordingSettings
    public var gpsd: GpsdSettings

    public init(
        node: NodeSettings = NodeSettings(), radars: [RadarConfiguration], adsb: ADSBSettings = ADSBSettings(),
        acoustic: AcousticSettings = AcousticSettings(), zones: [ZoneConfiguration],
        interceptors: [InterceptorConfiguration], outputs: OutputSettings = OutputSettings(),
        keys: KeySettings = KeySettings(), limits: LimitSettings = LimitSettings(),
        tracker: TrackerSettings = TrackerSettings(), cueing: CueingParameters = CueingParameters(),
        metrics: MetricsSettings = MetricsSettings(),
        recording: RecordingSettings = RecordingSettings(), gpsd: GpsdSettings = GpsdSettings()
    ) {
        self.node = node
        self.radars = radars
        self.adsb = adsb
        self.acoustic = acoustic
        self.zones = zones
        self.interceptors = interceptors
        self.outputs = outputs
        self.keys = keys
        self.limits = limits
        self.tracker = tracker
        self.cueing = cueing
        self.metrics = metrics
        self.recording = recording
        self.gpsd = gpsd
    }
}

extension SiteConfiguration {
    /// Largest file `load` reads; a real site is a few kilobytes.
    public static let maxFileBytes = 4_000_000

    /// Reads and validates the file at `path`.
    ///
    /// - Throws: every issue found, each naming its field.
    public static func load(contentsOf path: String) throws(ConfigurationError) -> SiteConfiguration {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ConfigurationError(issues: [ConfigurationIssue(path: "", message: "\(path) is a directory")])
        }
        let data: Data
        do {
            // Bounded read: `--config /dev/zero` must fail, not eat memory.
            let file = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? file.close() }
            data = try file.read(upToCount: maxFileBytes + 1) ?? Data()
        } catch {
            let why = (error as NSError).localizedDescription
            throw ConfigurationError(issues: [ConfigurationIssue(path: "", message: "cannot read \(path): \(why)")])
        }
        guard data.count <= maxFileBytes else {
            let limit = "\(maxFileBytes / 1_000_000) MB"
            throw ConfigurationError(issues: [ConfigurationIssue(path: "", message: "\(path) is larger than \(limit)")])
        }
        return try parse(data)
    }

    /// Parses and validates the JSON text of a configuration.
    ///
    /// - Throws: every issue found, each naming its field.
    public static func parse(_ data: Data) throws(ConfigurationError) -> SiteConfiguration {
        let tree: Any
        do {
            tree = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw ConfigurationError(issues: [JSONErrorLocation.issue(for: error, in: data)])
        }
        let log = IssueLog()
        for issue in DuplicateKeyScanner.issues(in: [UInt8](data)) { log.add(issue.path, issue.message) }
        let configuration = read(tree, log: log)
        if let configuration { configuration.crossCheck(log: log) }
        guard let configuration, log.isEmpty else { throw ConfigurationError(issues: log.issues) }
        return configuration
    }

    /// Parses and validates a configuration held in a string.
    public static func parse(_ text: String) throws(ConfigurationError) -> SiteConfiguration {
        try parse(Data(text.utf8))
    }

    /// Walks the tree section by section, logging every issue.
    private static func read(_ tree: Any, log: IssueLog) -> SiteConfiguration? {
        guard let r = ConfigObject(tree, path: "", log: log) else { return nil }
        defer { r.finish() }
        return SiteConfiguration(
            node: r.object("node").map(NodeSettings.init(reading:)) ?? NodeSettings(),
            radars: r.objects("radars", required: true, RadarConfiguration.init(reading:)),
            adsb: r.object("adsb").map(ADSBSettings.init(reading:)) ?? ADSBSettings(),
            acoustic: r.object("acoustic").map(AcousticSettings.init(reading:)) ?? AcousticSettings(),
            zones: r.objects("zones", required: true, ZoneConfiguration.init(reading:)),
            interceptors: r.objects("interceptors", required: true, InterceptorConfiguration.init(reading:)),
            outputs: r.object("outputs").map(OutputSettings.init(reading:)) ?? OutputSettings(),
            keys: r.object("keys").map(KeySettings.init(reading:)) ?? KeySettings(),
            limits: r.object("limits").map(LimitSettings.init(reading:)) ?? LimitSettings(),
            tracker: r.object("tracker").map(TrackerSettings.init(reading:)) ?? TrackerSettings(),
            cueing: r.object("cueing").map(CueingParameters.init(reading:)) ?? CueingParameters(),
            metrics: r.object("metrics").map(MetricsSettings.init(reading:)) ?? MetricsSettings(),
            recording: r.object("recording").map(RecordingSettings.init(reading:)) ?? RecordingSettings(),
            gpsd: r.object("gpsd").map(GpsdSettings.init(reading:)) ?? GpsdSettings())
    }
}
