import FusionCore
import WireFormats

/// `DIR/summary.json` of a replay (ICD 2.4): what was read per port, what
/// was rejected and why, the radar sites used, the engine's and cueing's
/// counts, and the wall-clock processing time (the only figure that is not
/// repeatable, which is why it lives here and not in tracks/cues).
enum ReplaySummary {
    static func json(
        pipeline: borrowing NodePipeline, input: ReplayInput.Statistics, capturePath: String, processingS: Double
    ) -> [UInt8] {
        let c = pipeline.counters
        var w = SummaryJSONWriter()
        w.beginObject()
        w.beginObject(key: "capture")
        w.field("format", string: input.format)
        w.field("frames", input.frames)
        w.field("datagrams", input.datagrams)
        w.field("skipped_frames", input.skippedFrames)
        w.field("trailing_bytes", input.trailingBytes)
        w.field("read_to_end", string: input.readError == nil ? "yes" : "no")
        w.endObject()

        w.beginObject(key: "ports")
        for p in pipeline.ports {
            w.beginObject(key: String(p.port))
            w.field("role", string: p.role == .asterix ? "asterix" : "acoustic")
            w.field("sources", string: p.label)
            w.field("datagrams", p.datagrams)
            w.field("records", p.records)
            w.field("rejected", p.rejected)
            w.endObject()
        }
        w.endObject()
        w.field("datagrams_unrouted", c.unroutedDatagrams)

        w.counts(key: "records", [
            "cat048": c.cat048Records,
            "cat034": c.cat034Records,
            "cat021": c.cat021Records,
            "skac_reports": c.skacReports,
            "skac_detections": c.skacDetections,
            "duplicates": c.duplicates,
            "simulated_ignored": c.simulated,
            "measurements": c.measurements,
        ])

        w.beginObject(key: "rejected")
        w.beginObject(key: "asterix")
        for reason in AsterixRejection.allCases { w.field("\(reason)", c.asterixRejections[reason]) }
        w.endObject()
        w.beginObject(key: "skac")
        for reason in SKACRejection.allCases { w.field("\(reason)", c.skacRejections[reason]) }
        w.endObject()
        w.beginObject(key: "records")
        for reason in RecordRejection.allCases { w.field(reason.reportName, c.recordRejections[reason]) }
        w.endObject()
        w.endObject()

        let health = pipeline.sensorHealth
        w.beginObject(key: "radar_sites")
        for (r, h) in zip(pipeline.radarSites, health.radars) {
            w.beginObject(key: r.name)
            w.field("sac", UInt64(r.sac))
            w.field("sic", UInt64(r.sic))
            w.field("source", string: r.source.reportName)
            w.field("lat", r.site?.latitudeDeg ?? .nan, decimals: 7)
            w.field("lon", r.site?.longitudeDeg ?? .nan, decimals: 7)
            w.field("alt_m", r.site?.heightM ?? .nan, decimals: 2)
            w.field("records", h.records)
            w.endObject()
        }
        w.endObject()
        w.field("acoustic_sensors", UInt64(pipeline.acousticSensorCount))
        w.counts(key: "acoustic_reports", [
            "received": health.acoustic.reduce(0) { $0 + $1.reports },
            "lost": health.acoustic.reduce(0) { $0 + $1.lostReports },
            "restarts": health.acoustic.reduce(0) { $0 + $1.restarts },
        ])

        let e = pipeline.engineCounters
        w.counts(key: "engine", [
            "measurements": e.measurements,
            "associated": e.associated,
            "late_fused": e.lateFused,
            "late_dropped": e.lateDropped,
            "tracks_started": e.tracksStarted,
            "tracks_confirmed": e.tracksConfirmed,
            "tracks_deleted": e.tracksDeleted,
            "duplicates_removed": e.duplicatesRemoved,
            "table_full": e.tableFull,
            "numerical_failures": e.numericalFailures,
            "pair_budget_exceeded": e.pairBudgetExceeded,
        ])
        let x = pipeline.crossFixCounters
        w.counts(key: "cross_fix", [
            "offered": x.offered,
            "fixes": x.fixes,
            "supported": x.supportedFixes,
            "silenced": x.silenced,
            "started": x.started,
            "duplicates": x.duplicates,
            "pair_budget_spent": x.pairBudgetSpent,
            "overwritten": x.overwritten,
        ])
        w.field("tracks_confirmed", e.tracksConfirmed)

        w.counts(key: "cues", [
            "new": c.cuesNew,
            "update": c.cuesUpdate,
            "cancel": c.cuesCancel,
            "datagrams": c.cueDatagrams,
            "encode_failures": c.cueEncodeFailures,
        ])

        w.counts(key: "outputs", [
            "cat062_blocks": c.cat062Blocks,
            "cot_track_events": c.cotTrackEvents,
            "track_reports": c.trackReports,
        ])

        w.field("processing_time_s", processingS, decimals: 6)
        w.endObject()
        return w.bytes
    }
}

extension RadarSiteSource {
    /// The name used in summaries.
    public var reportName: String {
        switch self {
        case .unknown: "unknown"
        case .configuration: "configuration"
        case .cat034: "cat034"
        case .ownFix: "own_fix"
        }
    }
}
