/// Decides which truth target a cue was aimed at: the truth matched to the
/// cue's track at that track's snapshot nearest the cue time.
struct CueTargets {
    /// Per track: (snapshot ms, matched truth id) in time order.
    let history: [Int: [(key: Int64, truth: Int?)]]
    let truthPaths: TruthPaths
    /// Farthest snapshot from the cue time that still decides, ms.
    let toleranceMs: Int64

    /// The truth id, or nil when the track was unmatched (or not reported
    /// near the cue time).
    func truthID(of cue: CueRecord) -> Int? {
        guard let h = history[cue.track], !h.isEmpty else { return nil }
        let k = ReplayScore.key(cue.t)
        // First snapshot at or after k; compare with the one before it.
        var lo = 0
        var hi = h.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if h[mid].key < k { lo = mid + 1 } else { hi = mid }
        }
        var best: (key: Int64, truth: Int?)? = nil
        for i in [lo - 1, lo] where i >= 0 && i < h.count {
            // The earlier snapshot wins a tie: it is what the node saw when cueing.
            if best == nil || abs(h[i].key - k) < abs(best!.key - k) { best = h[i] }
        }
        guard let best, abs(best.key - k) <= toleranceMs else { return nil }
        return best.truth
    }

    /// The class of the cue's target, nil when unmatched.
    func truthClass(of cue: CueRecord) -> ReportClass? { truthID(of: cue).flatMap(truthPaths.truthClass(of:)) }
}
