/// Everything the tracker keeps about one track: inline values only, so the
/// whole table is one allocation made at start-up.
@frozen
public struct TrackRecord<Filter: TrackFilter & BitwiseCopyable>: BitwiseCopyable {
    /// Stable for the track's life; never reused within a run.
    public var id: UInt32
    public var status: TrackStatus
    /// The live filter, at `filter.estimate.timeNs`.
    public var filter: Filter
    /// The lag window: up to 160 measurements, 16 s of a target heard by
    /// 10 arrays at 1 Hz (`TrackerConfiguration.acousticLagNs`; other
    /// tracks keep `lagWindowEntries`). Its entries come from the engine's
    /// shared pool, so the bound costs nothing until a window fills.
    public typealias History = FixedLagHistory<Filter, 160>
    /// Lagged checkpoint and the measurements after it, for late data.
    public var history: History
    public var logic: MOfNLogic
    /// Which source each acoustic sensor named for this track, lately: its
    /// slot in the engine's `AcousticSourceTable`, -1 until its first
    /// bearing (read as an empty memory).
    public var acousticSlot: Int32
    public var sources: SensorKinds
    /// The kind of the measurement that started the track.
    public var startedBy: MeasurementKind
    /// Consecutive maintenance passes in which an older track was found on
    /// the same target (`FusionEngine.removeDuplicates`).
    public var duplicateStreak: UInt8
    public var createdNs: Int64
    /// When the track was confirmed; 0 while tentative.
    public var confirmedNs: Int64
    /// Time of the newest fused measurement.
    public var lastUpdateNs: Int64
    public var updates: UInt32
    /// Identity and classification evidence accumulated from measurements.
    public var evidence: TrackEvidence
    /// Classification from that evidence and the track's kinematics.
    public var belief: ClassBelief

    @inlinable public init(id: UInt32, filter: Filter, first m: Measurement, revisitNs: Int64) {
        self.id = id
        status = .tentative
        self.filter = filter
        history = FixedLagHistory(start: filter)
        logic = MOfNLogic(firstHitNs: m.timeNs, revisitNs: revisitNs)
        acousticSlot = -1
        sources = SensorKinds(kind: m.kind)
        startedBy = m.kind
        duplicateStreak = 0
        createdNs = m.timeNs
        confirmedNs = 0
        lastUpdateNs = m.timeNs
        updates = 1
        evidence = TrackEvidence()
        belief = ClassBelief()
        evidence.absorb(m.evidence, kind: m.kind, timeNs: m.timeNs)
    }
}
