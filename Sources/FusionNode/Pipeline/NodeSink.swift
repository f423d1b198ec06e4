import WireFormats

/// What a node output datagram is, and where it goes.
public struct NodeOutput: Sendable, BitwiseCopyable, Equatable {
    public enum Kind: UInt8, Sendable, BitwiseCopyable {
        /// System tracks, ASTERIX CAT062 (ICD 2.1): one block per output period.
        case cat062
        /// Air picture, one CoT track event (ICD 2.2).
        case cotTrack
        /// A cue as the project's authenticated binary cue (Hardware/ICD.md 2.3).
        case cueBinary
        /// A cue as a CoT tasking event (ICD 2.3).
        case cueCoT
    }

    public var kind: Kind
    /// For cues, the index of the endpoint in the configuration's
    /// `outputs.cues`; 0 otherwise.
    public var endpointIndex: Int
    /// The destination when the configured host is an IPv4 literal;
    /// otherwise 0.0.0.0 with the configured port (the daemon resolves the
    /// name itself, by `kind` and `endpointIndex`).
    public var destination: IPEndpoint

    public init(kind: Kind, endpointIndex: Int, destination: IPEndpoint) {
        self.kind = kind
        self.endpointIndex = endpointIndex
        self.destination = destination
    }
}

/// Where `NodePipeline` puts what it produces: datagrams for the network,
/// and report lines (ICD 2.4). The daemon sends and logs; the replay tool
/// writes files and a pcap; tests collect. Used through generics, never as
/// an existential, so that calls are direct.
///
/// Every buffer passed is valid during the call only (the pipeline reuses
/// it): copy what must be kept.
public protocol NodeSink {
    /// One datagram the node sends, at `timeNs` (ns since the Unix epoch, UTC).
    mutating func send(_ bytes: UnsafeRawBufferPointer, to output: NodeOutput, atNs timeNs: Int64)
    /// One `tracks.jsonl` line: the values, and the line as written (with its newline).
    mutating func trackReport(_ line: TrackReportLine, json: UnsafeRawBufferPointer)
    /// One `cues.jsonl` line, in the order the cues are sent.
    mutating func cueReport(_ line: CueReportLine, json: UnsafeRawBufferPointer)
    /// False when `trackReport` would drop the lines: the pipeline then
    /// does not build them (true unless a sink says otherwise).
    var wantsTrackReports: Bool { get }
}

extension NodeSink {
    public var wantsTrackReports: Bool { true }
}

extension IPEndpoint {
    /// The endpoint of a configured host when it is an IPv4 literal, else
    /// 0.0.0.0 with the port.
    init(configured e: NetworkEndpoint) {
        self = IPEndpoint(e.host, port: e.port) ?? IPEndpoint(ipv4: 0, port: e.port)
    }
}
