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
    /// The evidence that decided the class (`ClassBelief.decidingEvidence`):
    /// up to two terms, each with its margin in nats in favour of the
    /// declared class (of uncrewed when unknown) over the strongest other;
    /// `.none` entries are left out of the line.
    public var decidingEvidence: InlineArray<2, EvidenceItem>
    public var decidingMarginNats: InlineArray<2, Double>
    /// A rule that overrode the posterior: cooperative crewed evidence (a
    /// transponder, a crewed ADS-B category) or a helicopter rotor heard
    /// on the track (unknown whatever the posterior says).
    public var cooperativeVeto: Bool
    public var rotorVeto: Bool

    public init(
        timeNs: Int64, trackId: UInt32, status: TrackReportStatus, latitudeDeg: Double,
        longitudeDeg: Double, altitudeM: Double, velocityEastMps: Double, velocityNorthMps: Double,
        velocityUpMps: Double, sigmaM: Double, targetClass: TargetClass, pUncrewed: Double,
        sources: TrackSources, decidingEvidence: InlineArray<2, EvidenceItem> = [.none, .none],
        decidingMarginNats: InlineArray<2, Double> = [0, 0], cooperativeVeto: Bool = false, rotorVeto: Bool = false
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
        self.decidingEvidence = decidingEvidence
        self.decidingMarginNats = decidingMarginNats
        self.cooperativeVeto = cooperativeVeto
        self.rotorVeto = rotorVeto
    }

    /// The line's class fields from a track's belief.
    public init(
        timeNs: Int64, trackId: UInt32, status: TrackReportStatus, latitudeDeg: Double,
        longitudeDeg: Double, altitudeM: Double, velocityEastMps: Double, velocityNorthMps: Double,
        velocityUpMps: Double, sigmaM: Double, belief: ClassBelief, sources: TrackSources
    ) {
        self.init(
            timeNs: timeNs, trackId: trackId, status: status, latitudeDeg: latitudeDeg, longitudeDeg: longitudeDeg,
            altitudeM: altitudeM, velocityEastMps: velocityEastMps, velocityNorthMps: velocityNorthMps,
            velocityUpMps: velocityUpMps, sigmaM: sigmaM, targetClass: belief.declared, pUncrewed: belief.pUncrewed,
            sources: sources, decidingEvidence: belief.decidingEvidence, decidingMarginNats: belief.decidingMarginNats,
            cooperativeVeto: belief.cooperativeVeto, rotorVeto: belief.rotorVeto)
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
