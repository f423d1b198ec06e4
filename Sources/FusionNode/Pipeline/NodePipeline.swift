import Cueing
import FusionCore
import FusionMath
import WireFormats

/// Why a pipeline could not be built from a (validated) configuration.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A zone the cueing engine refuses (too many vertices, ...).
    case zone(name: String, ZoneError)
    /// Zones or interceptors the cueing engine refuses.
    case cueing(CueingConfigurationError)
    /// More sensors than the engine's table holds.
    case tooManySensors

    public var description: String {
        switch self {
        case .zone(let name, let e): "zone \"\(name)\": \(e)"
        case .cueing(let e): "cueing configuration: \(e)"
        case .tooManySensors: "more radars and acoustic sensors than the engine holds (\(FusionEngine.maxSensors))"
        }
    }
}

/// The one wiring of sources, engine and sinks that both the daemon and the
/// replay tool run (DESIGN.md), driven by an injected clock: every time is
/// an argument (arrival time, `nowNs`), nothing here reads a clock.
///
/// `receive` routes a datagram by destination port (ASTERIX: CAT048/034
/// from radars, CAT021 from the ADS-B feed; SKAC: acoustic), decodes,
/// drops duplicates from redundant networks, converts to measurements in
/// the node's local ENU frame and feeds the `FusionEngine`; with a sink, it
/// then re-cues the tracks that datagram updated, so their cues leave at
/// once. `tick` is the periodic work: ages the track picture, steps
/// `CueingEngine` over every track (lost tracks, coasting, declarations of
/// the maintenance pass), and at each output period sends CAT062, CoT and
/// writes report lines, all to a `NodeSink`.
///
/// Steady state allocates nothing per datagram: records are values,
/// measurements go into one fixed buffer, output bytes into reused buffers.
public struct NodePipeline: ~Copyable {
    /// The configuration in force: as built, with zones, interceptors and
    /// cue endpoints replaced by `reloadCueing`.
    public internal(set) var configuration: SiteConfiguration
    /// The node's tracking frame.
    public let frame: LocalFrame
    var engine: FusionEngine
    var cueing: CueingEngine
    var decoder = AsterixDecoder()
    var skac: SKACReceiver
    var skacReport = SKACReport()
    var ingest: MeasurementIngest
    var acoustic: AcousticSensorTable
    /// Configured ports and what arrived on each.
    public internal(set) var ports: [PortCounters]
    var output: PipelineOutput
    /// Output and maintenance schedules.
    var schedules: PipelineSchedules

    /// Builds the pipeline for `configuration` with its local frame at
    /// `origin`; tracks are reported every `reportPeriodNs` (the replay
    /// tool's snapshot period).
    public init(
        configuration c: SiteConfiguration, origin: Geodetic, reportPeriodNs: Int64 = 1_000_000_000
    ) throws(PipelineError) {
        configuration = c
        let frame = LocalFrame(origin: origin)
        self.frame = frame
        let radarCount = c.radars.count
        guard radarCount + 2 <= FusionEngine.maxSensors else { throw .tooManySensors }
        var radars: [RadarSensor] = []
        for (i, r) in c.radars.enumerated() { radars.append(RadarSensor(r, index: SensorIndex(i), frame: frame)) }

        // Everything that can throw comes before the engine exists.
        let cueingEngine = try Self.cueingEngine(c, frame: frame)
        cueing = cueingEngine
        engine = FusionEngine(configuration: Self.trackerConfiguration(c), classifier: Self.classifierConfiguration(c))
        for r in radars { engine.setRevisit(sensor: r.index, periodNs: r.periodNs) }

        var keys = SensorKeyTable(capacity: max(1, c.keys.acousticKeys.count))
        for (id, key) in c.keys.acousticKeys.sorted(by: { $0.key < $1.key }) {
            if let k = AuthKey(bytes: key.bytes) { try? keys.insert(sensorId: id, key: k) }
        }
        skac = SKACReceiver(keys: keys, requireAuthentication: c.keys.requireAcousticAuth)
        let firstAcoustic = SensorIndex(radarCount + 1)
        acoustic = AcousticSensorTable(
            capacity: min(c.limits.maxAcousticSensors, FusionEngine.maxSensors - radarCount - 1),
            firstIndex: firstAcoustic)
        ingest = MeasurementIngest(
            frame: frame, geoidSeparationM: c.node.geoidSeparationM, radars: radars,
            buffer: MeasurementBuffer(capacity: 4_096),
            duplicates: DuplicateFilter(capacity: 2_048, windowNs: 2_000_000_000),
            adsbSensor: SensorIndex(radarCount), adsbSAC: c.adsb.sac, adsbSIC: c.adsb.sic)
        ports = Self.portTable(c)
        output = PipelineOutput(configuration: c, frame: frame)
        schedules = PipelineSchedules(
            reportPeriodNs: reportPeriodNs,
            cat062PeriodNs: c.outputs.cat062 == nil ? nil : Int64((c.outputs.cat062PeriodS * 1e9).rounded()),
            cotPeriodNs: c.outputs.cot == nil ? nil : Int64((c.outputs.cotPeriodS * 1e9).rounded()),
            slices: Self.trackerConfiguration(c).maintenanceSlices)
    }

    /// Receives one datagram that arrived on `destinationPort` at
    /// `arrivalNs` (ns since the Unix epoch: the clock, or capture time).
    public mutating func receive(datagram: UnsafeRawBufferPointer, destinationPort: UInt16, arrivalNs: Int64) {
        ingest.counters.datagrams &+= 1
        schedules.start(atNs: arrivalNs)
        guard let p = ports.firstIndex(where: { $0.port == destinationPort }) else {
            ingest.counters.unroutedDatagrams &+= 1
            return
        }
        ports[p].datagrams &+= 1
        switch ports[p].role {
        case .asterix:
            ingest.arrivalNs = arrivalNs
            ingest.recordsInDatagram = 0
            let before = ingest.counters.asterixRejections.total
            decoder.decode(datagram, into: &ingest)
            ports[p].records &+= ingest.recordsInDatagram
            ports[p].rejected &+= ingest.counters.asterixRejections.total &- before
        case .acoustic:
            let before = ingest.counters.skacDetections
            if receiveAcoustic(datagram, arrivalNs: arrivalNs) {
                ports[p].records &+= ingest.counters.skacDetections &- before
            } else {
                ports[p].rejected &+= 1
            }
        }
        flush()
    }

    /// Receives one datagram, then cues the tracks it updated at once
    /// (`CueingEngine.step(atNs:updated:emit:)` at `arrivalNs`): the cue a
    /// plot causes (a new cue, a due update, a cancel on a cooperative veto)
    /// goes to `sink` before this returns, without waiting for `tick`. What
    /// the daemon and the replay tool run for every datagram.
    public mutating func receive<S: NodeSink>(
        datagram: UnsafeRawBufferPointer, destinationPort: UInt16, arrivalNs: Int64, sink: inout S
    ) {
        receive(datagram: datagram, destinationPort: destinationPort, arrivalNs: arrivalNs)
        cueUpdatedTracks(atNs: arrivalNs, sink: &sink)
    }

    /// `receive` for an array (tests, tools). Without a sink, the cues of
    /// the tracks a datagram updates wait for the next `tick`.
    public mutating func receive(datagram: [UInt8], destinationPort: UInt16, arrivalNs: Int64) {
        datagram.withUnsafeBytes { receive(datagram: $0, destinationPort: destinationPort, arrivalNs: arrivalNs) }
    }

    /// `receive(datagram:destinationPort:arrivalNs:sink:)` for an array.
    public mutating func receive<S: NodeSink>(datagram: [UInt8], destinationPort: UInt16, arrivalNs: Int64, sink: inout S) {
        datagram.withUnsafeBytes {
            receive(datagram: $0, destinationPort: destinationPort, arrivalNs: arrivalNs, sink: &sink)
        }
    }

    /// Steps cueing over the tracks updated since the last call (none: no work).
    mutating func cueUpdatedTracks<S: NodeSink>(atNs nowNs: Int64, sink: inout S) {
        let out = output
        let updated = out.collectUpdated(from: &engine, atNs: nowNs)
        guard updated.count > 0 else { return }
        cueing.step(atNs: nowNs, updated: updated) { event in out.emitCue(event, sink: &sink) }
    }

    /// Hands the measurements of one datagram to the engine.
    mutating func flush() {
        guard ingest.buffer.count > 0 else { return }
        engine.process(ingest.buffer.contents)
        ingest.buffer.removeAll()
    }

    /// One SKAC datagram; false when rejected (counted by the receiver).
    mutating func receiveAcoustic(_ datagram: UnsafeRawBufferPointer, arrivalNs: Int64) -> Bool {
        do {
            try skac.receive(datagram, into: &skacReport)
        } catch {
            return false
        }
        ingest.counters.skacReports &+= 1
        let h = skacReport.header
        guard let sensor = acoustic.sensor(for: h, frame: frame, arrivalNs: arrivalNs) else {
            ingest.reject(.acousticTableFull)
            return true
        }
        let settings = configuration.acoustic
        let elevationValid = h.flags.contains(.elevationValid)
        let harmonicsValid = h.flags.contains(.harmonicsValid)
        for i in 0..<skacReport.count {
            let d = skacReport.detections[i]
            ingest.counters.skacDetections &+= 1
            var evidence = MeasurementEvidence()
            if harmonicsValid && d.fundamentalDeciHz > 0 { evidence.fundamentalHz = d.fundamentalHz }
            evidence.sourceHint = d.sourceHintRaw
            evidence.sourceHintConfidence = Double(d.hintConfidence) / 255
            evidence.sensorSourceID = d.sourceId
            evidence.snrDb = d.snrDb
            // A detection that reports no sigma gets the configured one.
            let sigmaAz = d.bearingSigmaCentiDeg > 0 ? d.bearingSigmaDeg : settings.sigmaAzimuthDeg
            ingest.store(
                .bearing(
                    timeNs: h.reportTimeNs &+ Int64(d.timeOffsetUs) &* 1_000, sensor: sensor.index, pose: sensor.pose,
                    azimuthRad: d.azimuthDeg * Math.radiansPerDegree,
                    elevationRad: elevationValid ? d.elevationDeg * Math.radiansPerDegree : nil,
                    sigmaAzimuthRad: sigmaAz * Math.radiansPerDegree,
                    sigmaElevationRad: settings.sigmaElevationDeg * Math.radiansPerDegree, evidence: evidence))
        }
        return true
    }

    /// The node's own position (a good gpsd fix, heights HAE): the site of
    /// every `moving` radar, until that radar's own I034/120 says otherwise.
    public mutating func setOwnPosition(_ fix: Geodetic) {
        for i in ingest.radars.indices where ingest.radars[i].moving && ingest.radars[i].siteSource != .cat034 {
            if ingest.radars[i].setSite(fix, source: .ownFix, frame: frame) { ingest.counters.radarSiteUpdates &+= 1 }
        }
    }

    // MARK: State for reports and tests

    /// Every counter of the pipeline (decoders included).
    public var counters: PipelineCounters {
        var c = ingest.counters
        c.skacRejections = skac.rejections
        c.cuesNew = output.counters.cuesNew
        c.cuesUpdate = output.counters.cuesUpdate
        c.cuesCancel = output.counters.cuesCancel
        c.cueEncodeFailures = output.counters.cueEncodeFailures
        c.cat062Blocks = output.counters.cat062Blocks
        c.cotTrackEvents = output.counters.cotTrackEvents
        c.cueDatagrams = output.counters.cueDatagrams
        c.trackReports = output.counters.trackReports
        return c
    }

    /// The engine's counters.
    public var engineCounters: EngineCounters { engine.counters }

    /// What the acoustic cross-fix initiator did.
    public var crossFixCounters: CrossFixCounters { engine.crossFix.counters }

    /// The tracker tuning the configuration gave the engine.
    public var trackerConfiguration: TrackerConfiguration { engine.configuration }

    /// The cueing parameters in force (`cueing` of the configuration, with
    /// `node.id`; a reload replaces them).
    public var cueingParameters: CueingParameters { cueing.parameters }

    /// Each configured radar's site and where it came from.
    public var radarSites: [RadarSiteStatus] {
        ingest.radars.map {
            RadarSiteStatus(name: $0.name, sac: $0.sac, sic: $0.sic, site: $0.site, source: $0.siteSource)
        }
    }

    /// Acoustic sensors met so far.
    public var acousticSensorCount: Int { acoustic.count }

    /// What was last heard from each radar and acoustic sensor.
    public var sensorHealth: SensorHealth {
        SensorHealth(radars: ingest.radars.map(\.health), acoustic: acoustic.health)
    }

    /// Configured radars.
    public var radarCount: Int { ingest.radars.count }

    /// What was last heard from radar `i` (configuration order); no allocation.
    public func radarHealth(_ i: Int) -> SensorHealth.Radar { ingest.radars[i].health }

    /// Calls `body` for every confirmed or coasting track predicted to `timeNs`.
    public func forEachReportableTrack(atNs timeNs: Int64, _ body: (TrackView) -> Void) {
        engine.forEachReportableTrack(atNs: timeNs, body)
    }

    /// The next time `tick` has work (an output or report period, the
    /// once-a-second cueing pass, or a slice of the engine's ageing pass);
    /// nil before the first datagram.
    public var nextDueNs: Int64? { schedules.nextDueNs }

    /// The next time `tick` steps cueing over every track or sends an
    /// output (the whole second, a report or output period): at or after
    /// `nextDueNs`, which also counts the ageing slices.
    public var nextPeriodicDueNs: Int64? { schedules.nextPeriodicDueNs }
}
