/// A cue as a CoT tasking event for an interceptor crew's TAK device
/// (ICD 2.3): the binary cue's content plus the full configured names.
public struct CoTCue: Sendable {
    /// The cue as the Cueing module made it.
    public var cue: CueMessage
    /// The zone's configured name (any length; escaped on output).
    public var zoneName: String
    /// The interceptor's configured name (any length; escaped on output).
    public var interceptorName: String
    /// When the tasking goes stale, ns since epoch, UTC. A cancel is written
    /// stale at its own time whatever this says.
    public var staleNs: Int64

    public init(cue: CueMessage, zoneName: String, interceptorName: String, staleNs: Int64) {
        self.cue = cue
        self.zoneName = zoneName
        self.interceptorName = interceptorName
        self.staleNs = staleNs
    }
}
