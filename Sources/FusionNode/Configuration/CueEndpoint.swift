/// Where and how cues for one interceptor are sent.
///
/// JSON: an element of `outputs.cues`. An interceptor may have several
/// (a crew's ATAK device and the launcher's fire-control computer).
public struct CueEndpoint: Sendable, Equatable {
    /// Encoding of the cue datagrams.
    public enum Format: String, Sendable, Equatable, CaseIterable {
        /// A Cursor-on-Target tasking event, shown by ATAK.
        case cot
        /// The project's compact binary cue, authenticated with the node key.
        case binary
    }

    /// Name of an entry of `interceptors`.
    public var interceptor: String
    public var endpoint: NetworkEndpoint
    public var format: Format

    public init(interceptor: String, endpoint: NetworkEndpoint, format: Format) {
        self.interceptor = interceptor
        self.endpoint = endpoint
        self.format = format
    }
}

extension CueEndpoint {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        self.init(
            interceptor: r.string("interceptor"),
            endpoint: r.endpoint(),
            format: r.choice("format", Format.allCases.map(\.rawValue)).flatMap(Format.init(rawValue:)) ?? .cot)
    }
}
