/// The Prometheus text-format metrics endpoint (HTTP over TCP).
///
/// JSON section `metrics` (optional; all keys optional). It listens on
/// loopback by default: counters reveal what the node sees, so exposing them
/// beyond the box is a deliberate choice (`"bind": "0.0.0.0"`).
public struct MetricsSettings: Sendable, Equatable {
    public var enabled: Bool
    public var bind: String
    public var port: UInt16

    public init(enabled: Bool = true, bind: String = "127.0.0.1", port: UInt16 = 9464) {
        self.enabled = enabled
        self.bind = bind
        self.port = port
    }

    /// True when only this box can scrape.
    public var isLoopback: Bool { bind == "::1" || bind == "localhost" || bind.hasPrefix("127.") }
}

extension MetricsSettings {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        let d = MetricsSettings()
        let before = r.log.issues.count
        let bind = r.string("bind", default: d.bind)
        if r.has("bind"), r.log.issues.count == before, let why = NetworkEndpoint.hostProblem(bind) {
            r.log.add(r.path("bind"), why)
        }
        self.init(
            enabled: r.bool("enabled", default: d.enabled), bind: bind,
            port: UInt16(r.integer("port", in: 1...65535, default: Int(d.port))))
    }
}
