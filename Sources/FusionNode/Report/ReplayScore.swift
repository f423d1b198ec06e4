import Foundation
import FusionMath

/// The score of one replayed run against its simulated truth: how close the
/// tracks were (GOSPA), what they were called (classification table and the
/// crewed-as-uncrewed safety figure), how much of each target was held, and
/// whether cues came early and only for uncrewed targets.
///
/// Inputs are the replay tool's reports (ICD 2.4: tracks.jsonl, cues.jsonl),
/// skycue-sim's truth.jsonl and the site configuration (zones, frame
/// origin). Every distance is 3D in the local ENU frame at the site's
/// origin (the first truth position when the site configures none).
///
/// Snapshots: the tracks file's snapshot times (its regular grid, with the
/// grid slots in which no track was reported put back, so that a gap in
/// the picture counts as missed targets) that lie within the truth's time
/// span. Truth is taken at the same time when a sample has it, else its
/// latest earlier sample (at most `truthHoldS` old) moved on at its own
/// velocity; a target without a sample that recent is absent.
///
/// Per snapshot:
/// - GOSPA with cut-off c = 500 m, p = 2, alpha = 2 (`GOSPA` of Simulation,
///   evaluated per connected component by `SplitGOSPA`):
///   d² = Σ assigned |x - y|² + (c²/2)(missed + false).
/// - Matching: the optimal assignment of tracks to truths among pairs within
///   `matchDistanceM`, each unassigned item costing (500 m)²/2, the same
///   cost structure as GOSPA. A matched track-snapshot feeds the
///   classification table and the truth's coverage.
public struct ReplayScore: Sendable, Equatable {
    /// GOSPA cut-off c, metres.
    public static let gospaCutoffM = 500.0
    /// Largest 3D distance at which a track can match a truth, metres.
    public static let matchDistanceM = 500.0
    /// Oldest truth sample used for a snapshot, seconds (truth is 1 Hz).
    public static let truthHoldS = 1.5
    /// Largest gap between a cue and the track's snapshot that decides its
    /// target, seconds: a new cue can precede the track's next snapshot by
    /// up to one snapshot period.
    public static let cueMatchToleranceS = 2.0
    /// Longest time after a target's truth ends (a drone that reached its
    /// aim point) that a cue on the track that followed it still counts as
    /// aimed at it, seconds: the tracker's default coast limit, after which
    /// the track is deleted and its cue cancelled.
    public static let cueAfterTruthEndS = 10.0

    /// Number of scored snapshots.
    public var snapshots = 0
    /// First and last scored snapshot, seconds since the Unix epoch.
    public var firstT = 0.0
    public var lastT = 0.0
    /// The tracks file's snapshot period, seconds.
    public var snapshotPeriodS = 1.0
    /// Distinct truth targets and reported tracks in the files.
    public var truthTargets = 0
    public var reportedTracks = 0

    /// Mean over snapshots of the GOSPA distance, metres.
    public var gospaMeanM = 0.0
    /// sqrt(Σ localisation² / Σ assigned) over all snapshots, metres.
    public var localisationRMSM = 0.0
    /// Mean per snapshot of missed truths and of false tracks.
    public var missedPerSnapshot = 0.0
    public var falsePerSnapshot = 0.0
    /// Totals over all snapshots.
    public var assignedTotal = 0
    public var missedTotal = 0
    public var falseTotal = 0

    public var classification = ClassificationTable()
    /// Tracks that, while matched to a crewed truth, were reported uncrewed
    /// at least once (ascending). The safety figure: must be empty.
    public var crewedTracksEverUncrewed: [Int] = []
    /// One entry per truth target, by id.
    public var coverage: [TruthCoverage] = []
    /// One entry per (uncrewed truth, zone it entered), by truth then zone.
    public var zoneEntries: [ZoneEntryScore] = []
    public var cues = CueSafety()

    /// Reads `outDir/tracks.jsonl`, `outDir/cues.jsonl` and the truth at
    /// `truthPath`, and scores them for `site`: one call after the replay
    /// tool has written its reports. To draw the picture too, load
    /// `ReplayReports` once and pass it to both.
    public static func load(truthPath: String, outDir: String, site: SiteConfiguration) throws(ReportError)
        -> ReplayScore
    {
        try ReplayScore(site: site, reports: try ReplayReports.load(outDir: outDir, truthPath: truthPath))
    }

    /// The frame every distance is measured in: the site's origin, else the
    /// first truth position, else the first track's.
    static func frame(site: SiteConfiguration, truth: [TruthRecord], tracks: [TrackRecord]) throws(ReportError)
        -> LocalFrame
    {
        guard let origin = site.node.origin ?? truth.first?.position ?? tracks.first?.position else {
            throw .noOrigin
        }
        return LocalFrame(origin: origin)
    }

    /// Time as integer milliseconds: snapshot times written as decimals are
    /// compared exactly, not as doubles.
    static func key(_ t: Double) -> Int64 { Int64((t * 1000).rounded()) }
}
