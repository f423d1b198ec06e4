/// An uncrewed truth target entering a defended zone, and how early the node
/// cued it.
///
/// `entryT` is when the truth path first enters the zone prism (between two
/// truth samples, the straight segment joining them is searched, so the
/// time is not rounded to the sample period). The cue is the first `new`
/// cue on a track that was matched to this target at the cue's time, to any
/// zone. `leadS = entryT - cueT`: positive is a warning ahead of entry,
/// negative a late cue.
public struct ZoneEntryScore: Sendable, Equatable {
    public var truthID: Int
    public var kind: String
    public var zone: String
    /// Seconds since the Unix epoch.
    public var entryT: Double
    /// True when the target was already inside at its first truth sample.
    public var startedInside: Bool
    public var firstCueT: Double?
    public var cueID: Int?
    public var cueTrack: Int?

    public init(
        truthID: Int, kind: String, zone: String, entryT: Double, startedInside: Bool = false, firstCueT: Double? = nil,
        cueID: Int? = nil, cueTrack: Int? = nil
    ) {
        self.truthID = truthID
        self.kind = kind
        self.zone = zone
        self.entryT = entryT
        self.startedInside = startedInside
        self.firstCueT = firstCueT
        self.cueID = cueID
        self.cueTrack = cueTrack
    }

    /// Warning time before entry, seconds; nil when never cued.
    public var leadS: Double? { firstCueT.map { entryT - $0 } }
}
