/// After-action recording: every input datagram to rotating pcap files,
/// every cue to an append-only log.
///
/// JSON section `recording` (optional). Recording is on when `directory` is
/// given. Files rotate at `rotate_mb` megabytes (10^6 bytes); the oldest
/// are removed beyond `max_files`, so the disk can never fill.
public struct RecordingSettings: Sendable, Equatable {
    /// Where captures and the cue log go; nil when not recording.
    public var directory: String?
    public var rotateMB: Int
    public var maxFiles: Int

    public init(directory: String? = nil, rotateMB: Int = 100, maxFiles: Int = 100) {
        self.directory = directory
        self.rotateMB = rotateMB
        self.maxFiles = maxFiles
    }

    public var enabled: Bool { directory != nil }
}

extension RecordingSettings {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        let d = RecordingSettings()
        self.init(
            directory: r.optionalString("directory"),
            rotateMB: r.integer("rotate_mb", in: 1...100_000, default: d.rotateMB),
            maxFiles: r.integer("max_files", in: 1...100_000, default: d.maxFiles))
    }
}
