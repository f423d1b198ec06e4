import FusionCore

/// One line of `tracks.jsonl` (ICD 2.4): a confirmed track's state predicted
/// to the snapshot time.
public struct TrackReportLine: Sendable, BitwiseCopyable {
    /// Snapshot time, ns since the Unix epoch (capture time), UTC.
    public var timeNs: Int64
    public var trackId: UInt32
    public var status: TrackReportStatus
    /// WGS84 degrees and metres HAE.
    public var latitudeDeg: Double
    public var longitudeDeg: Double
    public var altitudeM: Double
    /// Local ENU velocity, m/s.
    public var velocityEastMps: Double
    public var velocityNorthMps: Double
    public var velocityUpMps: Double
    /// 1-sigma horizontal position uncertainty, m.
    public var sigmaM: Double
    public var targetClass: TargetClass
    public var pUncrewed: Double
    public var sources: TrackSources

    public init(
        timeNs: Int64, trackId: UInt32, status: TrackReportStatus, latitudeDeg: Double,
        longitudeDeg: Double, altitudeM: Double, velocityEastMps: Double, velocityNorthMps: Double,
        velocityUpMps: Double, sigmaM: Double, targetClass: TargetClass, pUncrewed: Double,
        sources: TrackSources
    ) {
        self.timeNs = timeNs
        self.trackId = trackId
        self.status = status
        self.latitudeDeg = latitudeDeg
        self.longitudeDeg = longitudeDeg
        self.altitudeM = altitudeM
        self.velocityEastMps = velocityEastMps
        self.velocityNorthMps = velocityNorthMps
        self.velocityUpMps = velocityUpMps
        self.sigmaM = sigmaM
        self.targetClass = targetClass
        self.pUncrewed = pUncrewed
        self.sources = sources
    }
}

/// One line of `cues.jsonl` (ICD 2.4), one per cue event in the order sent.
public struct CueReportLine: Sendable {
    /// The cue as sent; `cue.sequence` is written as `"cue"`.
    public var cue: CueMessage
    /// The zone's and interceptor's configured names.
    public var zoneName: String
    public var interceptorName: String

    public init(cue: CueMessage, zoneName: String, interceptorName: String) {
        self.cue = cue
        self.zoneName = zoneName
        self.interceptorName = interceptorName
    }
}
