import WireFormats

extension NodeDaemon {
    /// The Prometheus exposition (text format 0.0.4) of everything the
    /// node counts: the edge's own counters, the pipeline's per port and
    /// per rejection reason, the engine's, cues and outputs, gpsd's status,
    /// own position and clock offset, and the cue latency histogram. Built
    /// at scrape time only, never on the datagram path.
    func renderMetrics() -> String {
        var t = ""
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(String, String)]) {
            t += "# HELP skycue_\(name) \(help)\n# TYPE skycue_\(name) \(type)\n"
            for (labels, value) in samples { t += "skycue_\(name)\(labels) \(value)\n" }
        }
        func one(_ name: String, _ type: String, _ help: String, _ value: String) {
            metric(name, type, help, [("", value)])
        }
        let nowNs = Clock.realtimeNs()
        one("uptime_seconds", "gauge", "Seconds since the node started.", "\(Double(nowNs - startedNs) / 1e9)")
        one("datagrams_received_total", "counter", "Datagrams read from the input sockets.", "\(counters.received)")
        one("datagrams_no_timestamp_total", "counter", "Datagrams without a kernel receive time.", "\(counters.noTimestamp)")
        one("datagrams_truncated_total", "counter", "Datagrams larger than a receive slot.", "\(counters.truncated)")
        one(
            "datagrams_dropped_no_origin_total", "counter",
            "Datagrams dropped before the frame origin was known (no node.origin, no gpsd fix yet).",
            "\(counters.droppedNoOrigin)")
        one("receive_errors_total", "counter", "recvmmsg failures.", "\(counters.receiveErrors)")
        one("ticks_total", "counter", "Pipeline ticks.", "\(counters.ticks)")
        one("reloads_total", "counter", "Successful SIGHUP reloads.", "\(counters.reloads)")
        one("reload_failures_total", "counter", "SIGHUP reloads refused (old zones kept).", "\(counters.reloadFailures)")
        one("output_datagrams_sent_total", "counter", "Output datagrams handed to the kernel.", "\(sink.socket.sent)")
        one("output_datagrams_failed_total", "counter", "Output datagrams that could not be sent.", "\(sink.socket.failed)")
        one("origin_known", "gauge", "1 once the local frame has its origin.", holder == nil ? "0" : "1")
        if let recorder {
            one("recorded_datagrams_total", "counter", "Input datagrams written to the recording.", "\(recorder.datagrams)")
            one("recording_failures_total", "counter", "Recording writes that failed.", "\(recorder.failures)")
        }
        if let cueLog = sink.cueLog {
            one("cue_log_lines_total", "counter", "Lines appended to the cue log.", "\(cueLog.lines)")
        }
        if let metrics { one("scrapes_total", "counter", "Metrics requests served.", "\(metrics.scrapes)") }
        renderGpsd(into: metric, one)
        if let holder { renderPipeline(holder.pipeline, metric, one) }
        sink.latency.render(
            name: "skycue_cue_latency_seconds",
            help: "From the kernel receive time of the datagram that caused the cue to the cue's send.",
            into: &t)
        sink.processing.render(
            name: "skycue_cue_processing_seconds",
            help: "From the node's read of the datagram that caused the cue to the cue's send.",
            into: &t)
        sink.processingCPU.render(
            name: "skycue_cue_processing_cpu_seconds",
            help: "The fusion thread's CPU time from the read of the datagram that caused the cue to the cue's send.",
            into: &t)
        return t
    }

    private func renderGpsd(
        into metric: (String, String, String, [(String, String)]) -> Void, _ one: (String, String, String, String) -> Void
    ) {
        guard let gpsd else {
            one("gpsd_enabled", "gauge", "0: gpsd is not used (gpsd.enabled false).", "0")
            return
        }
        one("gpsd_enabled", "gauge", "1: the node reads gpsd.", "1")
        one("gpsd_status", "gauge", "0 disconnected, 1 connected without fix, 2 2D fix, 3 3D fix.", "\(gpsd.status.rawValue)")
        one("gpsd_degraded", "gauge", "1 while the own position is degraded (no gpsd or no fix).", gpsd.status.isDegraded ? "1" : "0")
        let c = gpsd.counters
        metric(
            "gpsd_events_total", "counter", "gpsd client events.",
            [
                ("{event=\"connect\"}", "\(c.connects)"), ("{event=\"disconnect\"}", "\(c.disconnects)"),
                ("{event=\"fix\"}", "\(c.fixes)"), ("{event=\"clock_offset\"}", "\(c.clockOffsets)"),
                ("{event=\"stale_fix\"}", "\(c.staleFixes)"),
            ])
        if let fix = gpsd.lastFix {
            metric(
                "own_position", "gauge", "Last gpsd fix: latitude and longitude (deg), altitude HAE (m), fix time (s).",
                [
                    ("{axis=\"lat_deg\"}", "\(fix.latitudeDeg)"), ("{axis=\"lon_deg\"}", "\(fix.longitudeDeg)"),
                    ("{axis=\"alt_hae_m\"}", "\(fix.altitudeHaeM ?? .nan)"),
                    ("{axis=\"time_s\"}", "\(fix.timeNs.map { Double($0) / 1e9 } ?? .nan)"),
                ])
        }
        if let offset = gpsd.lastClockOffset {
            one("clock_offset_seconds", "gauge", "System clock minus GPS time (TOFF/PPS).", "\(Double(offset.offsetNs) / 1e9)")
        }
    }

    private func renderPipeline(
        _ p: borrowing NodePipeline, _ metric: (String, String, String, [(String, String)]) -> Void,
        _ one: (String, String, String, String) -> Void
    ) {
        let c = p.counters
        metric("port_datagrams_total", "counter", "Datagrams per input port.", p.ports.map { ("{port=\"\($0.port)\"}", "\($0.datagrams)") })
        metric("port_records_total", "counter", "Records decoded per input port.", p.ports.map { ("{port=\"\($0.port)\"}", "\($0.records)") })
        metric("port_rejected_total", "counter", "Rejections per input port.", p.ports.map { ("{port=\"\($0.port)\"}", "\($0.rejected)") })
        one("datagrams_unrouted_total", "counter", "Datagrams on no configured port.", "\(c.unroutedDatagrams)")
        metric(
            "records_total", "counter", "Records decoded by category.",
            [
                ("{category=\"048\"}", "\(c.cat048Records)"), ("{category=\"034\"}", "\(c.cat034Records)"),
                ("{category=\"021\"}", "\(c.cat021Records)"), ("{category=\"skac\"}", "\(c.skacReports)"),
            ])
        one("measurements_total", "counter", "Measurements handed to the tracker.", "\(c.measurements)")
        one("duplicates_total", "counter", "Records dropped as redundant-network copies.", "\(c.duplicates)")
        metric(
            "asterix_rejections_total", "counter", "ASTERIX decoder rejections by reason.",
            AsterixRejection.allCases.map { ("{reason=\"\($0)\"}", "\(c.asterixRejections[$0])") })
        metric(
            "skac_rejections_total", "counter", "SKAC rejections by reason.",
            SKACRejection.allCases.map { ("{reason=\"\($0)\"}", "\(c.skacRejections[$0])") })
        metric(
            "record_rejections_total", "counter", "Records without a measurement by reason.",
            RecordRejection.allCases.map { ("{reason=\"\($0.reportName)\"}", "\(c.recordRejections[$0])") })
        let e = p.engineCounters
        metric(
            "tracks_total", "counter", "Track life-cycle events.",
            [
                ("{event=\"started\"}", "\(e.tracksStarted)"), ("{event=\"confirmed\"}", "\(e.tracksConfirmed)"),
                ("{event=\"deleted\"}", "\(e.tracksDeleted)"), ("{event=\"table_full\"}", "\(e.tableFull)"),
                ("{event=\"duplicate_removed\"}", "\(e.duplicatesRemoved)"),
            ])
        var reportable = 0
        p.forEachReportableTrack(atNs: Clock.realtimeNs()) { _ in reportable += 1 }
        one("tracks_reportable", "gauge", "Confirmed and coasting tracks now.", "\(reportable)")
        metric(
            "cues_total", "counter", "Cue events by kind.",
            [("{kind=\"new\"}", "\(c.cuesNew)"), ("{kind=\"update\"}", "\(c.cuesUpdate)"), ("{kind=\"cancel\"}", "\(c.cuesCancel)")])
        one("cue_datagrams_total", "counter", "Cue datagrams built.", "\(c.cueDatagrams)")
        one("cat062_blocks_total", "counter", "CAT062 blocks built.", "\(c.cat062Blocks)")
        one("cot_track_events_total", "counter", "CoT track events built.", "\(c.cotTrackEvents)")
        renderSensors(p.sensorHealth, metric)
        one("zones", "gauge", "Zones in force.", "\(p.configuration.zones.count)")
        one("interceptors", "gauge", "Interceptors in force.", "\(p.configuration.interceptors.count)")
    }

    private func renderSensors(_ h: SensorHealth, _ metric: (String, String, String, [(String, String)]) -> Void) {
        let nowNs = Clock.realtimeNs()
        func age(_ ns: Int64?) -> String { ns.map { "\(Double(nowNs - $0) / 1e9)" } ?? "+Inf" }
        let radar = h.radars.map { "{radar=\"\($0.name)\"}" }
        metric(
            "radar_silent", "gauge", "1 while a radar has sent nothing for three antenna periods (at least 3 s).",
            zip(radar, h.radars).map { ($0, $1.isSilent(atNs: nowNs) ? "1" : "0") })
        metric(
            "radar_last_heard_age_seconds", "gauge", "Since the radar's newest record arrived (+Inf: never).",
            zip(radar, h.radars).map { ($0, age($1.lastHeardNs)) })
        metric(
            "radar_records_total", "counter", "CAT048 and CAT034 records per radar.",
            zip(radar, h.radars).map { ($0, "\($1.records)") })
        let sensor = h.acoustic.map { "{sensor=\"\($0.sensorId)\"}" }
        metric(
            "acoustic_last_heard_age_seconds", "gauge",
            "Since the array's newest report arrived (arrays report only while they hear something).",
            zip(sensor, h.acoustic).map { ($0, age($1.lastHeardNs)) })
        metric(
            "acoustic_reports_lost_total", "counter", "Reports missing from the array's sequence numbers.",
            zip(sensor, h.acoustic).map { ($0, "\($1.lostReports)") })
        metric(
            "acoustic_restarts_total", "counter", "Sequence-number jumps of 1,024 or more (the array restarted).",
            zip(sensor, h.acoustic).map { ($0, "\($1.restarts)") })
    }
}
