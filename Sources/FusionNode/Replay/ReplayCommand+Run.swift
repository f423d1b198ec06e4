import Foundation
import FusionMath

extension ReplayCommand {
    /// Longest stretch of capture time replayed tick by tick, ns.
    static let maxCatchUpNs: Int64 = 600_000_000_000

    /// The origin of the replay's local frame: the configured one, else the
    /// first configured radar, interceptor or zone position (a replay has no
    /// gpsd fix); nil when the file gives none of them.
    static func replayOrigin(_ c: SiteConfiguration) -> Geodetic? {
        if let o = c.node.origin { return o }
        if let r = c.radars.lazy.compactMap(\.position).first { return r }
        if let i = c.interceptors.first { return i.position }
        for z in c.zones {
            switch z.shape {
            case .polygon(let v): if let first = v.first { return first }
            case .circle(let center, _): return center
            }
        }
        return nil
    }

    /// Runs the replay: reads the capture on capture time as fast as it
    /// can, writes DIR/tracks.jsonl, DIR/cues.jsonl and DIR/summary.json
    /// (and the outputs pcap), and returns the exit status. Diagnostics go to
    /// `errors`; with `progress`, a running count goes to standard error.
    public func run(errors: (String) -> Void, progress: Bool = false) -> Int32 {
        if let sendHost { return runSend(host: sendHost, errors: errors) }
        let configuration: SiteConfiguration
        do {
            configuration = try SiteConfiguration.load(contentsOf: configPath)
        } catch {
            for issue in error.issues { errors("\(configPath): \(issue)") }
            return Self.exitInvalidConfiguration
        }
        guard let origin = Self.replayOrigin(configuration) else {
            errors("\(configPath): node.origin: needed for a replay (no gpsd), and no radar, interceptor or zone gives one")
            return Self.exitInvalidConfiguration
        }
        guard FileManager.default.isReadableFile(atPath: capturePath) else {
            errors("skycue-replay: cannot read \(capturePath)")
            return Self.exitIO
        }
        var pipeline: NodePipeline
        do {
            pipeline = try NodePipeline(
                configuration: configuration, origin: origin, reportPeriodNs: Int64((snapshotS * 1e9).rounded()))
        } catch {
            errors("\(configPath): \(error)")
            return Self.exitInvalidConfiguration
        }
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            errors("skycue-replay: cannot create \(outputDirectory): \(error.localizedDescription)")
            return Self.exitIO
        }
        let dir = URL(fileURLWithPath: outputDirectory)
        guard let tracks = ReportFile(path: dir.appendingPathComponent("tracks.jsonl").path),
            let cues = ReportFile(path: dir.appendingPathComponent("cues.jsonl").path)
        else {
            errors("skycue-replay: cannot write in \(outputDirectory)")
            return Self.exitIO
        }
        var outputs: OutputCapture?
        if let path = outputsPcapPath {
            do {
                outputs = try OutputCapture(path: path)
            } catch {
                errors("skycue-replay: cannot write \(path): \(error)")
                return Self.exitIO
            }
        }
        var sink = ReplayFileSink(tracks: tracks, cues: cues, outputs: outputs)
        let rawPort = configuration.radars.first?.port ?? configuration.adsb.port

        let started = DispatchTime.now().uptimeNanoseconds
        var count: UInt64 = 0
        let statistics: ReplayInput.Statistics
        do {
            statistics = try ReplayInput.read(path: capturePath, rawPort: rawPort) { timeNs, port, payload in
                while let due = pipeline.nextDueNs, due <= timeNs {
                    // Across a gap longer than `maxCatchUpNs` (a capture
                    // paused, or a bad timestamp years ahead) one tick at
                    // the datagram's time stands for all: ticking every
                    // second of a decade would never end.
                    pipeline.tick(nowNs: timeNs - due > Self.maxCatchUpNs ? timeNs : due, sink: &sink)
                }
                pipeline.receive(datagram: payload, destinationPort: port, arrivalNs: timeNs, sink: &sink)
                count &+= 1
                if progress && count % 10_000 == 0 {
                    FileHandle.standardError.write(Data("\rskycue-replay: \(count) datagrams".utf8))
                }
            }
        } catch {
            errors("skycue-replay: cannot read \(capturePath): \(error)")
            return Self.exitIO
        }
        // A last snapshot after the last datagram, so that its plots count:
        // every tick up to the next report or output (the ageing slices on
        // the way included).
        if let end = pipeline.nextPeriodicDueNs {
            while let due = pipeline.nextDueNs, due <= end { pipeline.tick(nowNs: due, sink: &sink) }
        }
        let elapsedS = Double(DispatchTime.now().uptimeNanoseconds &- started) * 1e-9
        if progress { FileHandle.standardError.write(Data("\rskycue-replay: \(count) datagrams\n".utf8)) }
        outputs?.writer.flush()

        let summary = ReplaySummary.json(
            pipeline: pipeline, input: statistics, capturePath: capturePath, processingS: elapsedS)
        let written =
            tracks.close() && cues.close()
            && FileManager.default.createFile(
                atPath: dir.appendingPathComponent("summary.json").path, contents: Data(summary))
        guard written else {
            errors("skycue-replay: writing the reports in \(outputDirectory) failed")
            return Self.exitIO
        }
        if let why = statistics.readError {
            errors("skycue-replay: \(capturePath) ends badly after \(statistics.frames) frames: \(why)")
            return Self.exitIO
        }
        let c = pipeline.counters
        print(
            "skycue-replay: \(c.datagrams) datagrams, \(c.measurements) measurements in \(String(format: "%.2f", elapsedS)) s; "
                + "tracks confirmed \(pipeline.engineCounters.tracksConfirmed); "
                + "cues new \(c.cuesNew), update \(c.cuesUpdate), cancel \(c.cuesCancel)")
        return scoreAndDraw(configuration: configuration, errors: errors)
    }

    /// With `--truth` and `--picture`: reads the reports just written back,
    /// prints the score table, writes DIR/score.json and the SVG picture.
    func scoreAndDraw(configuration: SiteConfiguration, errors: (String) -> Void) -> Int32 {
        guard truthPath != nil || picturePath != nil else { return Self.exitOK }
        do {
            let reports = try ReplayReports.load(outDir: outputDirectory, truthPath: truthPath)
            var summaryLine: String?
            if truthPath != nil {
                let score = try ReplayScore(site: configuration, reports: reports)
                print(score.render())
                summaryLine = score.summaryLine
                let path = URL(fileURLWithPath: outputDirectory).appendingPathComponent("score.json").path
                guard FileManager.default.createFile(atPath: path, contents: score.jsonData()) else {
                    errors("skycue-replay: cannot write \(path)")
                    return Self.exitIO
                }
            }
            if let picturePath {
                let svg = AirPicture(site: configuration, reports: reports, summary: summaryLine).svg()
                guard FileManager.default.createFile(atPath: picturePath, contents: Data(svg.utf8)) else {
                    errors("skycue-replay: cannot write \(picturePath)")
                    return Self.exitIO
                }
                print("skycue-replay: air picture written to \(picturePath)")
            }
        } catch {
            errors("skycue-replay: scoring or drawing failed: \(error)")
            return Self.exitIO
        }
        return Self.exitOK
    }
}

extension ReplayCommand {
    /// The network mode: sends the capture to `host`, prints a one-line
    /// count. A raw ASTERIX recording needs `--config` (its blocks go to the
    /// first radar's port).
    func runSend(host: String, errors: (String) -> Void) -> Int32 {
        var rawPort: UInt16 = 4048
        if !configPath.isEmpty {
            do {
                let c = try SiteConfiguration.load(contentsOf: configPath)
                rawPort = c.radars.first?.port ?? c.adsb.port
            } catch {
                for issue in error.issues { errors("\(configPath): \(issue)") }
                return Self.exitInvalidConfiguration
            }
        } else if FileManager.default.isReadableFile(atPath: capturePath), !ReplayInput.isPacketCapture(path: capturePath) {
            errors("skycue-replay: \(capturePath) is a raw ASTERIX recording: --config SITE.json gives its port")
            return Self.exitUsage
        }
        let sender = ReplaySender(host: host, speed: speed, portOffset: portOffset, rawPort: rawPort)
        let started = Clock.monotonicNs()
        let stats: ReplaySender.Statistics
        do {
            stats = try sender.send(capturePath: capturePath)
        } catch {
            errors("skycue-replay: cannot send \(capturePath) to \(host): \(error)")
            return Self.exitIO
        }
        let elapsedS = Double(Clock.monotonicNs() - started) * 1e-9
        print(
            "skycue-replay: sent \(stats.sent) datagrams to \(host) in \(String(format: "%.2f", elapsedS)) s"
                + " (speed \(speed.map { "\($0)x" } ?? "max"), port offset \(portOffset));"
                + " \(stats.failed) failed, \(stats.skipped) skipped")
        if let why = stats.input.readError {
            errors("skycue-replay: \(capturePath) ends badly after \(stats.input.frames) frames: \(why)")
            return Self.exitIO
        }
        return stats.failed == 0 ? Self.exitOK : Self.exitIO
    }
}
