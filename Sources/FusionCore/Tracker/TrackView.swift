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
        forEachReportableTrack(atNs: timeNs, predictingIf: { _ in true }, body)
    }

    /// `forEachReportableTrack`, predicting only the tracks whose belief
    /// passes `predict`; the others come at their filter's own time. For a
    /// reader that looks at the state of those tracks only (cueing reads
    /// the state of tracks declared uncrewed): the IMM prediction is most
    /// of the cost of a pass over the picture.
    public func forEachReportableTrack(
        atNs timeNs: Int64, predictingIf predict: (ClassBelief) -> Bool, _ body: (TrackView) -> Void
    ) {
        for i in 0..<tracks.count {
            let slot = tracks.slot(atActiveIndex: i)
            // Past the coast limit or without its bearings' support:
            // deleted in effect, removed at its slice.
            guard tracks[slot].status != .tentative, !isPastCoastLimit(slot, atNs: timeNs),
                !hasLostBearingSupport(slot, atNs: timeNs)
            else { continue }
            body(view(ofSlot: slot, atNs: predict(tracks[slot].belief) ? timeNs : Int64.min))
        }
    }

    /// Calls `body` for every confirmed or coasting track fused since the
    /// last call (or the last `maintain`), predicted to `timeNs`, in order
    /// of first update, then forgets them; returns how many there were.
    /// The node calls it after each datagram to cue just those tracks.
    @discardableResult
    public mutating func takeUpdatedTracks(atNs timeNs: Int64, _ body: (TrackView) -> Void) -> Int {
        let n = updated.count
        for i in 0..<n {
            let slot = Int(updated.slots[i])
            guard tracks.isOccupied(slot: slot), tracks[slot].status != .tentative else { continue }
            body(view(ofSlot: slot, atNs: timeNs))
        }
        updated.removeAll()
        return n
    }

    /// The track in `slot`, its state predicted to `timeNs` (never back in time).
    func view(ofSlot slot: Int, atNs timeNs: Int64) -> TrackView {
        var f = tracks[slot].filter
        if timeNs > f.state.timeNs { f.predict(to: timeNs) }
        return TrackView(
            id: tracks[slot].id, status: tracks[slot].status, estimate: f.state, sources: tracks[slot].sources,
            evidence: tracks[slot].evidence, belief: tracks[slot].belief, lastUpdateNs: tracks[slot].lastUpdateNs,
            confirmedNs: tracks[slot].confirmedNs)
    }

    /// Tracks in the table, tentative included.
    public var trackCount: Int { tracks.count }
}
