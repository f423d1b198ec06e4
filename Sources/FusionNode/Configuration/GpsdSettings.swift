/// The `gpsd` section (Hardware/CONFIG.md): where the node finds gpsd for
/// its own position and clock offset (ICD 1.4). Loopback by default.
/// FIXME: libgps connects (and resolves a name) blocking, on the fusion
/// thread; to loopback that is immediate, to a remote host it is not. ICD
/// 1.4 puts gpsd on the box, so a remote `host` is for tests only.
public struct GpsdSettings: Sendable, Equatable {
    /// false: the node never connects (a fixed site with `node.origin`).
    public var enabled: Bool
    public var host: String
    public var port: UInt16

    public init(enabled: Bool = true, host: String = "127.0.0.1", port: UInt16 = 2947) {
        self.enabled = enabled
        self.host = host
        self.port = port
    }
}

extension GpsdSettings {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        let d = GpsdSettings()
        let endpoint = r.endpoint(defaultHost: d.host, defaultPort: d.port)
        self.init(enabled: r.bool("enabled", default: d.enabled), host: endpoint.host, port: endpoint.port)
    }
}
