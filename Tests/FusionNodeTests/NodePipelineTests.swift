import Foundation
import FusionCore
import FusionMath
import FusionNode
import Testing
import WireFormats

/// The pipeline fed synthetic datagrams on every port: the right tracks at
/// the right WGS84 positions, SIM plots ignored, bad datagrams counted
/// while tracking goes on, and cues out through the configured endpoints.
@Suite struct NodePipelineTests {
    typealias S = SyntheticSite

    /// The replay loop: periodic work due before the datagram, then the datagram.
    static func feed(
        _ p: inout NodePipeline, _ sink: inout CollectingNodeSink, _ bytes: [UInt8], port: UInt16, at t: Int64
    ) {
        while let due = p.nextDueNs, due <= t { p.tick(nowNs: due, sink: &sink) }
        p.receive(datagram: bytes, destinationPort: port, arrivalNs: t, sink: &sink)
    }

    static func finish(_ p: inout NodePipeline, _ sink: inout CollectingNodeSink) {
        if let due = p.nextDueNs { p.tick(nowNs: due, sink: &sink) }
    }

    /// Truth of a line as ENU in the node's frame.
    static func enu(_ l: TrackReportLine, _ frame: LocalFrame) -> Vector3 {
        frame.enu(from: Geodetic(latitudeDeg: l.latitudeDeg, longitudeDeg: l.longitudeDeg, heightM: l.altitudeM))
    }

    @Test func straightFlightOverTwentyScansGivesOneTrackAtTheTruth() throws {
        var pipeline = try NodePipeline(configuration: try S.configuration(), origin: S.origin)
        let frame = pipeline.frame
        var sink = CollectingNodeSink()
        var noise = TestNoise(seed: 7)
        // About 5 km north-east of the radar, a drone at 19 m/s.
        let start = Vector3(7_000, 5_000, 420), velocity = Vector3(-15, 12, 0)
        for k in 0..<20 {
            let tNs = S.startNs + Int64(k) * 1_000_000_000 + 300_000_000
            let t = Double(tNs - S.startNs) * 1e-9
            let p = S.truth(t, start: start, velocity: velocity)
            let view = S.radarView(of: p, frame: frame)
            // Radial speed by a central difference of the true range.
            let ahead = S.radarView(of: S.truth(t + 0.05, start: start, velocity: velocity), frame: frame)
            let behind = S.radarView(of: S.truth(t - 0.05, start: start, velocity: velocity), frame: frame)
            let rangeRate = (ahead.rangeM - behind.rangeM) / 0.1
            let amplitude = Int((-12 + 70 - 40 * Foundation.log10(view.rangeM)).rounded())
            let plot = AsterixBytes.cat048(
                sic: 1, timeNs: tNs, rangeM: view.rangeM + noise.normal(8),
                azimuthDeg: view.azimuthDeg + noise.normal(0.2), heightM: view.heightM + noise.normal(view.rangeM * 0.2 * Double.pi / 180),
                rangeRateMps: rangeRate + noise.normal(1), amplitudeDbm: amplitude)
            // A simulated plot elsewhere every scan: must never become a track.
            let simulated = AsterixBytes.cat048(
                sic: 1, timeNs: tNs, rangeM: 6_000, azimuthDeg: 200, heightM: 300, sim: true)
            let marker = AsterixBytes.cat034(sic: 1, timeNs: tNs)
            let datagram =
                AsterixBytes.block(category: 48, [plot, simulated]) + AsterixBytes.block(category: 34, [marker])
            Self.feed(&pipeline, &sink, datagram, port: S.radarPort, at: tNs + 80_000_000)
            if k == 10 {
                // Bad input on every port, and on a port nobody configured.
                let at = tNs + 200_000_000
                Self.feed(&pipeline, &sink, [48, 0, 99, 1, 2], port: S.radarPort, at: at)
                Self.feed(&pipeline, &sink, [21, 0, 3], port: S.adsbPort, at: at)
                let shortSKAC = Array("SKAC".utf8) + [1, 0, 0, 1] + [UInt8](repeating: 0, count: 28)
                Self.feed(&pipeline, &sink, shortSKAC, port: S.acousticPort, at: at)
                Self.feed(&pipeline, &sink, [1, 2, 3], port: 9_999, at: at)
            }
        }
        Self.finish(&pipeline, &sink)

        let c = pipeline.counters
        #expect(c.cat048Records == 40 && c.cat034Records == 20)
        #expect(c.simulated == 20, "every SIM plot ignored and counted")
        #expect(c.measurements == 20)
        #expect(c.unroutedDatagrams == 1)
        #expect(c.asterixRejections[.badLength] == 1 && c.asterixRejections[.emptyRecord] == 1)
        #expect(c.skacRejections[.lengthMismatch] == 1)
        let byPort = Dictionary(uniqueKeysWithValues: pipeline.ports.map { ($0.port, $0) })
        #expect(byPort[S.radarPort]?.datagrams == 21 && byPort[S.radarPort]?.rejected == 1)
        #expect(byPort[S.adsbPort]?.rejected == 1 && byPort[S.acousticPort]?.rejected == 1)
        #expect(pipeline.engineCounters.tracksStarted == 1, "the SIM plots started nothing: \(sink.trackJSON)")
        #expect(pipeline.engineCounters.tracksConfirmed == 1)

        let lastT = try #require(sink.trackLines.map(\.timeNs).max())
        let last = sink.trackLines.filter { $0.timeNs == lastT }
        try #require(last.count == 1)
        let line = last[0]
        let truth = S.truth(Double(lastT - S.startNs) * 1e-9, start: start, velocity: velocity)
        let error = Self.enu(line, frame) - truth
        let horizontal = (error.x * error.x + error.y * error.y).squareRoot()
        #expect(horizontal < max(3 * line.sigmaM, 15) && horizontal < 60, "\(horizontal) m, sigma \(line.sigmaM)")
        #expect(abs(error.z) < 40, "height error \(error.z) m")
        #expect(abs(line.velocityEastMps - velocity.x) < 3 && abs(line.velocityNorthMps - velocity.y) < 3)
        #expect(line.sources == .radar && line.status == .confirmed)
        #expect(sink.trackJSON.last?.hasPrefix("{\"t\": ") == true)

        // CAT062 and CoT went out; the last CAT062 block decodes to the same place.
        let cat062 = sink.sent.filter { $0.output.kind == .cat062 }
        let cot = sink.sent.filter { $0.output.kind == .cotTrack }
        #expect(!cat062.isEmpty && !cot.isEmpty)
        #expect(String(decoding: try #require(cot.last).bytes, as: UTF8.self).contains("uid=\"SKYCUE-7-"))
        var rejections = AsterixRejectionCounts()
        var decoded: [Cat062Track] = []
        _ = Cat062Decoder.decode(try #require(cat062.last).bytes, referenceNs: lastT, rejections: &rejections) {
            decoded.append($0)
        }
        #expect(rejections.total == 0 && decoded.count == 1)
        if let d = decoded.first, cat062.last?.timeNs == lastT {
            #expect(abs(d.latitudeDeg - line.latitudeDeg) < 1e-5 && abs(d.longitudeDeg - line.longitudeDeg) < 1e-5)
        }
    }

    /// An ADS-B drone (emitter category 13) heard by an acoustic sensor,
    /// flying into the zone: one track from both, declared uncrewed, cued
    /// as binary and CoT to the interceptor's endpoints.
    @Test func adsbAndAcousticDroneIsFusedAndCued() throws {
        var pipeline = try NodePipeline(configuration: try S.configuration(), origin: S.origin)
        let frame = pipeline.frame
        var sink = CollectingNodeSink()
        var noise = TestNoise(seed: 11)
        let start = Vector3(4_000, 1_000, 300), velocity = Vector3(-30, -7, 0)
        let microphone = Geodetic(latitudeDeg: 50.455, longitudeDeg: 30.55, heightM: 185)
        let micFrame = LocalFrame(origin: microphone)
        var sequence: UInt32 = 0
        for k in 0..<40 {
            let tNs = S.startNs + Int64(k) * 1_000_000_000 + 500_000_000
            let p = S.truth(Double(tNs - S.startNs) * 1e-9, start: start, velocity: velocity)
            let g = frame.geodetic(fromENU: p)
            let adsb = AsterixBytes.cat021(
                timeNs: tNs, position: g, address: 0xABCDEF, emitterCategory: 13)
            let elsewhere = Geodetic(latitudeDeg: g.latitudeDeg + 0.01, longitudeDeg: g.longitudeDeg, heightM: g.heightM)
            let fake = AsterixBytes.cat021(timeNs: tNs, position: elsewhere, address: 0x123456, emitterCategory: 1, sim: true)
            Self.feed(&pipeline, &sink, AsterixBytes.block(category: 21, [adsb, fake]), port: S.adsbPort, at: tNs + 50_000_000)

            // The bearing from the microphone, reported 2 s late.
            if k >= 2 {
                let heardNs = tNs - 2_000_000_000
                let q = micFrame.enu(fromECEF: frame.ecef(fromENU: S.truth(
                    Double(heardNs - S.startNs) * 1e-9, start: start, velocity: velocity)))
                var az = Foundation.atan2(q.x, q.y) * 180 / Double.pi + noise.normal(1)
                if az < 0 { az += 360 }
                let el = Foundation.asin(q.z / q.norm) * 180 / Double.pi + noise.normal(1)
                sequence += 1
                var report = SKACReport(
                    header: SKACHeader(
                        flags: [.elevationValid, .harmonicsValid], sensorId: 1001, sequence: sequence,
                        reportTimeNs: heardNs, latitudeE7: Int32((microphone.latitudeDeg * 1e7).rounded()),
                        longitudeE7: Int32((microphone.longitudeDeg * 1e7).rounded()),
                        altitudeMm: Int32(microphone.heightM * 1000)))
                report.append(
                    SKACDetection(
                        azimuthRaw: UInt16(Int((az / 360 * 65536).rounded()) & 0xFFFF),
                        elevationCentiDeg: Int16((el * 100).rounded()), bearingSigmaCentiDeg: 150, snrCentiDb: 1200,
                        fundamentalDeciHz: 1_200, harmonicCount: 4, sourceHintRaw: 2, hintConfidence: 200,
                        sourceId: 5))
                Self.feed(&pipeline, &sink, try SKACCodec.encode(report, key: nil), port: S.acousticPort, at: tNs)
            }
        }
        Self.finish(&pipeline, &sink)

        let c = pipeline.counters
        #expect(c.cat021Records == 80 && c.simulated == 40)
        #expect(c.skacReports == 38 && c.skacDetections == 38 && pipeline.acousticSensorCount == 1)
        #expect(pipeline.engineCounters.tracksConfirmed == 1)
        let last = try #require(sink.trackLines.last)
        #expect(last.sources.contains(.adsb) && last.sources.contains(.acoustic), "\(last.sources)")
        #expect(last.targetClass == .uncrewed, "p_uncrewed \(last.pUncrewed)")

        // Cued: a report line, a binary cue that verifies, a CoT tasking.
        let firstCue = try #require(sink.cueLines.first)
        #expect(firstCue.cue.kind == .new && firstCue.zoneName == "CITY" && firstCue.interceptorName == "IDR-1")
        let binary = sink.sent.filter { $0.output.kind == .cueBinary }
        let cotCues = sink.sent.filter { $0.output.kind == .cueCoT }
        #expect(binary.count == sink.cueLines.count && cotCues.count == sink.cueLines.count)
        #expect(binary.first?.output.destination == IPEndpoint("10.1.2.3", port: 5001))
        let key = try #require(AuthKey(bytes: [UInt8](repeating: 0x5A, count: 32)))
        let decoded = try CueCodec.decode(try #require(binary.first).bytes, key: key)
        #expect(decoded.sequence == firstCue.cue.sequence && decoded.trackId == firstCue.cue.trackId)
        #expect(abs(decoded.latitudeDeg - firstCue.cue.latitudeDeg) < 1e-7 && abs(decoded.pUncrewed - firstCue.cue.pUncrewed) < 1e-4)
        #expect(decoded.nodeId == 7 && decoded.targetClass == .uncrewed && decoded.trackId == last.trackId)
        let cotText = String(decoding: try #require(cotCues.first).bytes, as: UTF8.self)
        #expect(cotText.contains("type=\"t-k-t\"") && cotText.contains("IDR-1"))
    }

    /// A radar with no configured site: plots wait for its I034/120, which
    /// sets the site (MSL height + geoid separation).
    @Test func radarSiteComesFromCat034() throws {
        var json = S.json.replacingOccurrences(
            of: "\"lat\": 50.468, \"lon\": 30.566, \"alt_m\": 200.0,", with: "\"site_from_cat034\": true,")
        json = json.replacingOccurrences(of: "\"id\": 7,", with: "\"id\": 7, \"geoid_separation_m\": 30.0,")
        let c = try SiteConfiguration.parse(json)
        #expect(c.radars[0].position == nil && c.radars[0].siteFromCat034)
        var pipeline = try NodePipeline(configuration: c, origin: S.origin)
        var sink = CollectingNodeSink()
        let t0 = S.startNs
        let plot = AsterixBytes.cat048(sic: 1, timeNs: t0, rangeM: 4_000, azimuthDeg: 90)
        Self.feed(&pipeline, &sink, AsterixBytes.block(category: 48, [plot]), port: S.radarPort, at: t0)
        #expect(pipeline.counters.recordRejections[.radarSiteUnknown] == 1)
        #expect(pipeline.radarSites[0].source == .unknown)
        let site = Geodetic(latitudeDeg: 50.468, longitudeDeg: 30.566, heightM: 170)
        let marker = AsterixBytes.cat034(sic: 1, timeNs: t0, site: site)
        Self.feed(&pipeline, &sink, AsterixBytes.block(category: 34, [marker]), port: S.radarPort, at: t0 + 1)
        let status = pipeline.radarSites[0]
        #expect(status.source == .cat034)
        let got = try #require(status.site)
        #expect(abs(got.latitudeDeg - 50.468) < 3e-5 && abs(got.longitudeDeg - 30.566) < 3e-5)
        #expect(got.heightM == 200, "170 m MSL + 30 m geoid separation")
        // The same plot again (another network): a duplicate; the next scan's plot counts.
        Self.feed(&pipeline, &sink, AsterixBytes.block(category: 48, [plot]), port: S.radarPort, at: t0 + 2)
        #expect(pipeline.counters.duplicates == 1 && pipeline.counters.measurements == 0)
        let next = AsterixBytes.cat048(sic: 1, timeNs: t0 + 1_000_000_000, rangeM: 4_010, azimuthDeg: 90)
        Self.feed(&pipeline, &sink, AsterixBytes.block(category: 48, [next]), port: S.radarPort, at: t0 + 1_000_000_000)
        #expect(pipeline.counters.measurements == 1)
    }

    /// A radar on the node's platform takes the node's fix as its site.
    @Test func movingRadarFollowsTheOwnFix() throws {
        let json = S.json.replacingOccurrences(
            of: "\"lat\": 50.468, \"lon\": 30.566, \"alt_m\": 200.0,", with: "\"moving\": true,")
        let c = try SiteConfiguration.parse(json)
        var pipeline = try NodePipeline(configuration: c, origin: S.origin)
        #expect(pipeline.radarSites[0].source == .unknown)
        let fix = Geodetic(latitudeDeg: 50.46, longitudeDeg: 30.53, heightM: 190)
        pipeline.setOwnPosition(fix)
        #expect(pipeline.radarSites[0].source == .ownFix && pipeline.radarSites[0].site == fix)
        var sink = CollectingNodeSink()
        let plot = AsterixBytes.cat048(sic: 1, timeNs: S.startNs, rangeM: 3_000, azimuthDeg: 45, heightM: 400)
        Self.feed(&pipeline, &sink, AsterixBytes.block(category: 48, [plot]), port: S.radarPort, at: S.startNs)
        #expect(pipeline.counters.measurements == 1)
    }

    /// Sensor health: a radar is silent after three antenna periods without
    /// a record (any category) and from the start until first heard; an
    /// array's lost reports are the gaps in its sequence numbers, less those
    /// that arrive late, and a large jump is a restart.
    @Test func sensorHealthFollowsRadarRecordsAndAcousticSequenceNumbers() throws {
        var pipeline = try NodePipeline(configuration: try S.configuration(), origin: S.origin)
        var sink = CollectingNodeSink()
        let t0 = S.startNs
        #expect(pipeline.radarHealth(0).isSilent(atNs: t0), "never heard")
        let plot = AsterixBytes.cat048(sic: 1, timeNs: t0, rangeM: 4_000, azimuthDeg: 90)
        Self.feed(&pipeline, &sink, AsterixBytes.block(category: 48, [plot]), port: S.radarPort, at: t0)
        var radar = pipeline.radarHealth(0)
        #expect(radar.name == "R1" && radar.records == 1 && radar.lastHeardNs == t0)
        #expect(!radar.isSilent(atNs: t0 + 2_900_000_000) && radar.isSilent(atNs: t0 + 3_100_000_000))
        // A north marker counts as much as a plot; another radar's plot does not.
        let marker = AsterixBytes.cat034(sic: 1, timeNs: t0 + 5_000_000_000)
        Self.feed(&pipeline, &sink, AsterixBytes.block(category: 34, [marker]), port: S.radarPort, at: t0 + 5_000_000_000)
        let stranger = AsterixBytes.cat048(sic: 9, timeNs: t0 + 6_000_000_000, rangeM: 4_000, azimuthDeg: 90)
        Self.feed(&pipeline, &sink, AsterixBytes.block(category: 48, [stranger]), port: S.radarPort, at: t0 + 6_000_000_000)
        radar = pipeline.radarHealth(0)
        #expect(radar.records == 2 && radar.lastHeardNs == t0 + 5_000_000_000)
        #expect(!radar.isSilent(atNs: t0 + 7_000_000_000))

        func skac(_ sequence: UInt32, at t: Int64) throws {
            var report = SKACReport(
                header: SKACHeader(
                    flags: [], sensorId: 1001, sequence: sequence, reportTimeNs: t,
                    latitudeE7: 504_550_000, longitudeE7: 305_500_000, altitudeMm: 185_000))
            report.append(
                SKACDetection(
                    azimuthRaw: 1_000, elevationCentiDeg: 0, bearingSigmaCentiDeg: 300, snrCentiDb: 1_000,
                    fundamentalDeciHz: 0, harmonicCount: 0, sourceHintRaw: 0, hintConfidence: 0, sourceId: 0))
            Self.feed(&pipeline, &sink, try SKACCodec.encode(report, key: nil), port: S.acousticPort, at: t)
        }
        for (k, sequence) in [UInt32.max, 0, 1, 4, 3, 9_000, 9_001].enumerated() {
            try skac(sequence, at: t0 + Int64(k) * 100_000_000)
        }
        let array = try #require(pipeline.sensorHealth.acoustic.first)
        #expect(array.sensorId == 1001 && array.reports == 7)
        #expect(array.lostReports == 1, "2 and 3 skipped, 3 came late")
        #expect(array.restarts == 1)
        #expect(array.lastHeardNs == t0 + 600_000_000)
    }

    /// `max_targets` reaches cueing: two UAVs (ADS-B emitter category 13)
    /// inbound to CITY side by side; IDR-1 holding one target cues one of
    /// them, holding two it cues both. (A UAV category alone takes the
    /// posterior to ~0.989: the site declares at 0.95, its lowest.)
    @Test(arguments: [1, 2]) func interceptorMaxTargetsBoundsItsCues(maxTargets: Int) throws {
        let json = S.json.replacingOccurrences(
            of: "\"acoustic\": {\"port\": 4100},", with: "\"acoustic\": {\"port\": 4100}, \"tracker\": {\"uncrewed_threshold\": 0.95},"
        ).replacingOccurrences(
            of: "\"speed_mps\": 60, \"range_m\": 12000}", with: "\"speed_mps\": 60, \"range_m\": 12000, \"max_targets\": \(maxTargets)}")
        let c = try SiteConfiguration.parse(json)
        #expect(c.interceptors[0].maxTargets == maxTargets)
        var pipeline = try NodePipeline(configuration: c, origin: S.origin)
        var sink = CollectingNodeSink()
        let frame = pipeline.frame
        let drones: [(address: UInt32, start: Vector3)] = [(0xA00001, Vector3(6_000, 0, 400)), (0xA00002, Vector3(6_000, 800, 400))]
        for k in 0..<40 {
            let tNs = S.startNs + Int64(k) * 1_000_000_000
            let reports = drones.map { d in
                AsterixBytes.cat021(
                    timeNs: tNs,
                    position: frame.geodetic(fromENU: S.truth(Double(k), start: d.start, velocity: Vector3(-40, 0, 0))),
                    address: d.address, emitterCategory: 13)
            }
            Self.feed(&pipeline, &sink, AsterixBytes.block(category: 21, reports), port: S.adsbPort, at: tNs + 50_000_000)
        }
        Self.finish(&pipeline, &sink)
        let cued = Set(sink.cueLines.filter { $0.cue.kind == .new }.map(\.cue.trackId))
        #expect(cued.count == maxTargets, "tracks cued: \(cued)")
    }
}
