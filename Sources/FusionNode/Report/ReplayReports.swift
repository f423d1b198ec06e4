/// The files of one replayed run, parsed once: the replay tool's reports
/// (ICD 2.4) and, when scoring, the simulator's truth.
///
/// Parsing dominates scoring and drawing a long run (JSONSerialization,
/// tens of microseconds a line), so a caller that does both loads once and
/// hands the records to `ReplayScore(site:reports:)` and
/// `AirPicture(site:reports:)`.
public struct ReplayReports: Sendable {
    public var tracks: [TrackRecord]
    public var cues: [CueRecord]
    /// Empty when no truth was given.
    public var truth: [TruthRecord]

    public init(tracks: [TrackRecord], cues: [CueRecord], truth: [TruthRecord] = []) {
        self.tracks = tracks
        self.cues = cues
        self.truth = truth
    }

    /// Reads `outDir/tracks.jsonl`, `outDir/cues.jsonl` and the truth at
    /// `truthPath` if given.
    public static func load(outDir: String, truthPath: String?) throws(ReportError) -> ReplayReports {
        let tracks = try TrackRecord.load(contentsOf: outDir + "/tracks.jsonl")
        let cues = try CueRecord.load(contentsOf: outDir + "/cues.jsonl")
        let truth = try truthPath.map { path throws(ReportError) in try TruthRecord.load(contentsOf: path) } ?? []
        return ReplayReports(tracks: tracks, cues: cues, truth: truth)
    }
}

extension ReplayScore {
    /// Scores parsed reports; `reports.truth` is the truth.
    public init(site: SiteConfiguration, reports: ReplayReports) throws(ReportError) {
        try self.init(site: site, truth: reports.truth, tracks: reports.tracks, cues: reports.cues)
    }
}

extension AirPicture {
    /// A picture of parsed reports, with their truth if any.
    public init(
        site: SiteConfiguration, reports: ReplayReports, title: String = "SkyCue air picture", summary: String? = nil
    ) {
        self.init(
            site: site, tracks: reports.tracks, cues: reports.cues, truth: reports.truth, title: title, summary: summary
        )
    }
}
