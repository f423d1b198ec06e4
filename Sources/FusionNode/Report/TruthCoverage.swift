/// How well one truth target was held: snapshots it was present in, those
/// in which a track was matched to it, and how many distinct tracks that
/// took (more than one: the target was dropped and re-initiated, or swapped).
public struct TruthCoverage: Sendable, Equatable {
    public var id: Int
    public var kind: String
    public var truthClass: ReportClass
    public var presentSnapshots: Int
    public var matchedSnapshots: Int
    /// Distinct track numbers matched to it, ascending.
    public var tracks: [Int]

    public init(
        id: Int, kind: String, truthClass: ReportClass, presentSnapshots: Int = 0, matchedSnapshots: Int = 0,
        tracks: [Int] = []
    ) {
        self.id = id
        self.kind = kind
        self.truthClass = truthClass
        self.presentSnapshots = presentSnapshots
        self.matchedSnapshots = matchedSnapshots
        self.tracks = tracks
    }

    /// matched / present, 0 when never present.
    public var fraction: Double { presentSnapshots > 0 ? Double(matchedSnapshots) / Double(presentSnapshots) : 0 }
}
