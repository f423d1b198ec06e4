/// Keys for message authentication.
///
/// JSON section `keys` (optional): `node_key` (authenticates the binary
/// cues this node sends), `acoustic` (an array of `{"sensor_id", "key"}`,
/// one per SKAC sensor), `require_acoustic_auth` (default false: with true,
/// acoustic datagrams without a valid tag are rejected and counted).
public struct KeySettings: Sendable, Equatable {
    public var nodeKey: SecretKey?
    /// Key per acoustic sensor id (SKAC header field `sensor id`).
    public var acousticKeys: [UInt32: SecretKey]
    public var requireAcousticAuth: Bool

    public init(nodeKey: SecretKey? = nil, acousticKeys: [UInt32: SecretKey] = [:], requireAcousticAuth: Bool = false) {
        self.nodeKey = nodeKey
        self.acousticKeys = acousticKeys
        self.requireAcousticAuth = requireAcousticAuth
    }
}

extension KeySettings {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        var keys: [UInt32: SecretKey] = [:]
        var firstPath: [UInt32: String] = [:]
        for item in r.array("acoustic") ?? [] {
            guard let o = ConfigObject(item.value, path: item.path, log: r.log) else { continue }
            defer { o.finish() }
            let id = UInt32(o.integer("sensor_id", in: 0...Int(UInt32.max)))
            let key = o.secretKey("key", required: true)
            if let earlier = firstPath[id], o.has("sensor_id") {
                r.log.add(o.path("sensor_id"), "duplicate sensor id \(id) (also at \(earlier))")
            } else if let key {
                keys[id] = key
                firstPath[id] = item.path
            }
        }
        let require = r.bool("require_acoustic_auth", default: false)
        if require && keys.isEmpty && !r.log.issues.contains(where: { $0.path.hasPrefix(r.path("acoustic")) }) {
            r.log.add(r.path("require_acoustic_auth"), "is true but \(r.path("acoustic")) holds no sensor key")
        }
        self.init(nodeKey: r.secretKey("node_key"), acousticKeys: keys, requireAcousticAuth: require)
    }
}
