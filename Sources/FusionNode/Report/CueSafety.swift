/// What the cues of a run were aimed at, and whether lost tracks were
/// cancelled.
///
/// A cue's target is the truth matched to its track at the snapshot nearest
/// the cue's time (within `ReplayScore.cueMatchToleranceS`), or failing a
/// 3D match the target horizontally nearest within the match distance
/// (`CueTargets`), or the target whose flight ended at most
/// `ReplayScore.cueAfterTruthEndS` before a cue on its coasting track; a
/// track with none of these is `unmatched`. Cueing an interceptor onto a crewed
/// aircraft, a bird or a track that is no real target is the failure this
/// counts; those must be 0.
public struct CueSafety: Sendable, Equatable {
    /// `new` cues per matched truth class; index by `ReportClass.index`,
    /// with `unknown` standing for unmatched.
    public var newCues: [Int] = [0, 0, 0, 0]
    /// `update` cues, likewise.
    public var updateCues: [Int] = [0, 0, 0, 0]
    public var cancels = 0
    /// Cancels after which their track is never reported again.
    public var cancelsForLostTracks = 0
    /// Tracks with a cue still open (new, no cancel) that stopped being
    /// reported before the end of the run: the interceptor was left chasing
    /// nothing. Should be 0.
    public var lostWithoutCancel = 0
    /// `new` and `update` cues whose track matched its target only
    /// horizontally (altitude more than the match distance off: see
    /// `CueTargets`); included in the counts above.
    public var horizontalOnlyNew = 0
    public var horizontalOnlyUpdates = 0
    /// `new` and `update` cues on a track coasting on after its target's
    /// truth ended, at most `ReplayScore.cueAfterTruthEndS` before (see
    /// `CueTargets`); included in the counts above.
    public var afterTruthEndNew = 0
    public var afterTruthEndUpdates = 0

    public init() {}

    public var newTotal: Int { newCues.reduce(0, +) }
    public var updateTotal: Int { updateCues.reduce(0, +) }

    /// `new` cues to crewed or bird truths or to unmatched tracks.
    public var unsafeNewCues: Int { newTotal - newCues[ReportClass.uncrewed.index] }

    /// `update` cues to crewed or bird truths or to unmatched tracks.
    public var unsafeUpdateCues: Int { updateTotal - updateCues[ReportClass.uncrewed.index] }
}
