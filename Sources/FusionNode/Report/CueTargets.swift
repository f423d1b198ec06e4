/// Decides which truth target a cue was aimed at: the truth matched to the
/// cue's track at that track's snapshot nearest the cue time.
///
/// Matched first as the score matches (3D, within `ReplayScore.matchDistanceM`,
/// one track per truth); a track matched to nothing there is attributed to
/// the truth horizontally nearest within the same distance, and the cue is
/// marked `horizontalOnly`: a drone track seen by a 2D radar has only the
/// arrays' coarse elevations for its altitude, which can be more than
/// 500 m off, and such a cue is still aimed at that drone (or, as safely
/// counted, at the crewed aircraft above it).
///
/// A drone's truth ends where its flight ends (it reached its aim point),
/// but its track coasts on for up to the tracker's coast limit, and its cue
/// is updated until the track is deleted and the cue cancelled. A cue on a
/// track with no truth near it, whose last matched truth ended at most
/// `afterEndToleranceMs` before the cue, is still aimed at that truth and
/// marked `afterEnd`. Only a cue on a track with no truth within 500 m
/// horizontally and no such recently ended truth is unmatched.
struct CueTargets {
    /// The truth a cue was aimed at and how it was matched.
    struct Target: Equatable {
        var id: Int
        /// Matched only horizontally (the track's altitude over the match
        /// distance off).
        var horizontalOnly: Bool
        /// The truth had ended (a coasting track's cue).
        var afterEnd: Bool
    }

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
    /// Longest time after its truth ended that a coasting track's cue is
    /// still aimed at that truth, ms.
    let afterEndToleranceMs: Int64

    /// The truth and how it was matched, or nil when the track was
    /// unmatched (or not reported near the cue time).
    func target(of cue: CueRecord) -> Target? {
        guard let h = history[cue.track], !h.isEmpty else { return nil }
        let k = ReplayScore.key(cue.t)
        // First snapshot at or after k; compare with the one before it.
        var lo = 0
        var hi = h.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if h[mid].key < k { lo = mid + 1 } else { hi = mid }
        }
        var bestIndex: Int? = nil
        for i in [lo - 1, lo] where i >= 0 && i < h.count {
            // The earlier snapshot wins a tie: it is what the node saw when cueing.
            if bestIndex == nil || abs(h[i].key - k) < abs(h[bestIndex!].key - k) { bestIndex = i }
        }
        guard let bestIndex, abs(h[bestIndex].key - k) <= toleranceMs else { return nil }
        if let id = h[bestIndex].truth {
            return Target(id: id, horizontalOnly: h[bestIndex].horizontalOnly, afterEnd: false)
        }
        // Unmatched now: the truth this track last followed, if its flight
        // ended shortly before the cue (the track is coasting on).
        var i = bestIndex
        while i >= 0 && k - h[i].key <= afterEndToleranceMs {
            if let id = h[i].truth {
                guard let end = truthPaths.samples[id]?.last?.key, end < k, k - end <= afterEndToleranceMs
                else { return nil }
                return Target(id: id, horizontalOnly: h[i].horizontalOnly, afterEnd: true)
            }
            i -= 1
        }
        return nil
    }

    /// The truth id, or nil when unmatched.
    func truthID(of cue: CueRecord) -> Int? { target(of: cue)?.id }

    /// The class of the cue's target, nil when unmatched.
    func truthClass(of cue: CueRecord) -> ReportClass? { truthID(of: cue).flatMap(truthPaths.truthClass(of:)) }
}
