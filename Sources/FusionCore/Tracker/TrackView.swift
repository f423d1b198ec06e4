/// A read-only look at one track, its state predicted to the time asked.
@frozen
public struct TrackView: Sendable, BitwiseCopyable {
    public var id: UInt32
    public var status: TrackStatus
    public var estimate: GaussianState
    public var sources: SensorKinds
    public var evidence: TrackEvidence
    public var belief: ClassBelief
    public var lastUpdateNs: Int64
    public var confirmedNs: Int64
}

extension FusionEngine {
    /// Calls `body` for every confirmed or coasting track, with its state
    /// predicted to `timeNs` (never back in time), in table order.
    public func forEachReportableTrack(atNs timeNs: Int64, _ body: (TrackView) -> Void) {
        for i in 0..<tracks.count {
            let record = tracks[tracks.slot(atActiveIndex: i)]
            guard record.status != .tentative else { continue }
            var f = record.filter
            if timeNs > f.state.timeNs { f.predict(to: timeNs) }
            body(
                TrackView(
                    id: record.id, status: record.status, estimate: f.state, sources: record.sources,
                    evidence: record.evidence, belief: record.belief, lastUpdateNs: record.lastUpdateNs, confirmedNs: record.confirmedNs))
        }
    }

    /// Tracks in the table, tentative included.
    public var trackCount: Int { tracks.count }
}
