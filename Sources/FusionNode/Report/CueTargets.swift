/// Decides which truth target a cue was aimed at: the truth matched to the
/// cue's track at that track's snapshot nearest the cue time.
///
/// Matched first as the score matches (3D, within `ReplayScore.matchDistanceM`,
/// one track per truth); a track matched to nothing there is attributed to
/// the truth horizontally nearest within the same distance, and the cue is
/// marked `horizontalOnly`: a drone track seen by a 2D radar has only the
/// arrays' coarse elevations for its altitude, which can be more than
/// 500 m off, and such a cue is still aimed at that drone (or, as safely
/// counted, at the crewed aircraft above it). Only a cue on a track with no
/// truth within 500 m horizontally is unmatched.
struct CueTargets {
    /// One snapshot of one track: the truth it was matched to, and whether
    /// only horizontally.
    struct Entry {
        var key: Int64
        var truth: Int?
        var horizontalOnly: Bool
    }

    /// Per track: its snapshots in time order.
    let history: [Int: [Entry]]
    let truthPaths: TruthPaths
    /// Farthest snapshot from the cue time that still decides, ms.
    let toleranceMs: Int64

    /// The truth id and how it was matched, or nil when the track was
    /// unmatched (or not reported near the cue time).
    func target(of cue: CueRecord) -> (id: Int, horizontalOnly: Bool)? {
        guard let h = history[cue.track], !h.isEmpty else { return nil }
        let k = ReplayScore.key(cue.t)
        // First snapshot at or after k; compare with the one before it.
        var lo = 0
        var hi = h.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if h[mid].key < k { lo = mid + 1 } else { hi = mid }
        }
        var best: Entry? = nil
        for i in [lo - 1, lo] where i >= 0 && i < h.count {
            // The earlier snapshot wins a tie: it is what the node saw when cueing.
            if best == nil || abs(h[i].key - k) < abs(best!.key - k) { best = h[i] }
        }
        guard let best, abs(best.key - k) <= toleranceMs, let id = best.truth else { return nil }
        return (id, best.horizontalOnly)
    }

    /// The truth id, or nil when unmatched.
    func truthID(of cue: CueRecord) -> Int? { target(of: cue)?.id }

    /// The class of the cue's target, nil when unmatched.
    func truthClass(of cue: CueRecord) -> ReportClass? { truthID(of: cue).flatMap(truthPaths.truthClass(of:)) }
}
