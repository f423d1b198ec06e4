import Foundation
import FusionMath
import FusionNode
import Testing

/// A small synthetic run written to files the way skycue-sim and
/// skycue-replay write them: three truth targets (an uncrewed drone flying
/// into a circle zone, a crewed aircraft, a bird), tracks that follow each
/// at a known ENU offset, a false track, a crewed track misreported
/// uncrewed for 5 s, a gap with no tracks at all, and cues.
///
/// Everything the tests expect is computed from these constructions, not
/// typed in.
enum ReportScenario {
    static let t0 = 1_794_787_200.0
    /// Truth is sampled every second over 0..<duration s.
    static let duration = 60
    /// Tracks are reported from this second on (initiation).
    static let firstTrackSecond = 5
    /// Seconds in which no track at all is reported.
    static let blackout: Set<Int> = [44, 45]
    /// Seconds in which the bird's track is not reported.
    static let birdDropout: Set<Int> = [30, 31, 32]
    /// Seconds in which the crewed aircraft's track is reported uncrewed.
    static let crewedMisreported = 20..<25
    /// Seconds in which the drone's track is still unknown.
    static let droneUnknown = 5..<10
    /// Seconds in which a false track (no truth within 500 m) is reported.
    static let falseTrackSeconds = 10..<20

    static let origin = Geodetic(latitudeDeg: 50.45, longitudeDeg: 30.52, heightM: 180)
    static let frame = LocalFrame(origin: origin)
    /// The zone: a circle of 1500 m radius around ENU (0, 2000).
    static let zoneCenterENU = Vector3(0, 2000, 0)
    static let zoneRadiusM = 1500.0
    /// The drone flies north at 50 m/s from (0, -2000, 300): it crosses the
    /// circle's southern edge (north = 500 m) after 50 s.
    static let droneSpeed = 50.0
    static let droneEntryS = (2000.0 - 1500.0 + 2000.0) / 50.0

    struct Target {
        var id: Int
        var kind: String
        var truthClass: ReportClass
        var start: Vector3
        var velocity: Vector3
        /// Offset of its track, ENU metres.
        var trackOffset: Vector3
        var track: Int
        func position(_ s: Double) -> Vector3 { start + s * velocity }
    }

    static let targets = [
        Target(
            id: 1, kind: "pistonDrone", truthClass: .uncrewed, start: Vector3(0, -2000, 300),
            velocity: Vector3(0, droneSpeed, 0), trackOffset: Vector3(30, 0, 0), track: 11),
        Target(
            id: 2, kind: "lightAircraft", truthClass: .crewed, start: Vector3(-4000, 0, 1000),
            velocity: Vector3(60, 0, 0), trackOffset: Vector3(0, 40, 0), track: 12),
        Target(
            id: 3, kind: "bird", truthClass: .bird, start: Vector3(3000, -1000, 150),
            velocity: Vector3(0, 10, 0), trackOffset: Vector3(0, 0, -50), track: 13),
    ]
    static let falseTrack = 14
    static let falseTrackENU = Vector3(8000, 8000, 500)

    static var siteJSON: String {
        let c = frame.geodetic(fromENU: zoneCenterENU)
        let radar = frame.geodetic(fromENU: Vector3(-1000, -1000, 20))
        let interceptor = frame.geodetic(fromENU: Vector3(500, 2500, 0))
        return """
            {"node": {"id": 7, "origin": {"lat": \(origin.latitudeDeg), "lon": \(origin.longitudeDeg), "alt_m": \(origin.heightM)}},
             "radars": [{"name": "R1", "sac": 25, "sic": 1, "lat": \(radar.latitudeDeg), "lon": \(radar.longitudeDeg),
                         "alt_m": 200.0, "period_s": 1.0, "range_m": 6000, "sigma_range_m": 8.0, "sigma_az_deg": 0.35,
                         "sigma_el_deg": 0.6, "three_d": true, "doppler": true, "amplitude_k_db": 70.0}],
             "zones": [{"name": "NPP", "kind": "circle", "floor_m": 0, "ceiling_m": 4000,
                        "center": {"lat": \(c.latitudeDeg), "lon": \(c.longitudeDeg), "alt_m": 0}, "radius_m": \(zoneRadiusM)}],
             "interceptors": [{"name": "IDR-1", "zone": "NPP", "kind": "interceptor-drone",
                               "lat": \(interceptor.latitudeDeg), "lon": \(interceptor.longitudeDeg), "alt_m": 180,
                               "speed_mps": 80, "range_m": 12000}]}
            """
    }

    static func site() throws -> SiteConfiguration { try SiteConfiguration.parse(siteJSON) }

    static func latLonAlt(_ enu: Vector3) -> String {
        let g = frame.geodetic(fromENU: enu)
        return "\"lat\": \(g.latitudeDeg), \"lon\": \(g.longitudeDeg), \"alt_m\": \(g.heightM)"
    }

    /// The track positions reported at second `s` (id, class, ENU).
    static func tracks(at s: Int) -> [(track: Int, reported: ReportClass, enu: Vector3)] {
        guard s >= firstTrackSecond && !blackout.contains(s) else { return [] }
        var result: [(Int, ReportClass, Vector3)] = []
        for target in targets {
            if target.truthClass == .bird && birdDropout.contains(s) { continue }
            var reported = target.truthClass
            if target.truthClass == .uncrewed && droneUnknown.contains(s) { reported = .unknown }
            if target.truthClass == .crewed && crewedMisreported.contains(s) { reported = .uncrewed }
            result.append((target.track, reported, target.position(Double(s)) + target.trackOffset))
        }
        if falseTrackSeconds.contains(s) { result.append((falseTrack, .unknown, falseTrackENU)) }
        return result
    }

    static let newCueOnDroneS = 20.5
    static let newCueOnCrewedS = 40.0
    static let newCueOnFalseS = 12.0
    static let cancelOnFalseS = 20.0

    /// The scenario written and read back, for tests that alter the
    /// reports before scoring them.
    static func records() throws -> (
        site: SiteConfiguration, truth: [TruthRecord], tracks: [TrackRecord], cues: [CueRecord]
    ) {
        let files = try write()
        return (
            try site(), try TruthRecord.load(contentsOf: files.truth),
            try TrackRecord.load(contentsOf: files.dir + "/tracks.jsonl"),
            try CueRecord.load(contentsOf: files.dir + "/cues.jsonl")
        )
    }

    /// Writes truth.jsonl, tracks.jsonl and cues.jsonl into a new directory.
    static func write() throws -> (dir: String, truth: String) {
        let dir = try TestPaths.temporaryDirectory()
        var truth = ""
        var trackLines = ""
        for s in 0..<duration {
            let t = t0 + Double(s)
            for target in targets {
                let v = target.velocity
                truth +=
                    "{\"t\": \(t), \"id\": \(target.id), \"kind\": \"\(target.kind)\", \"class\": \"\(target.truthClass.rawValue)\", "
                    + "\(latLonAlt(target.position(Double(s)))), \"ve\": \(v.x), \"vn\": \(v.y), \"vu\": \(v.z)}\n"
            }
            for track in tracks(at: s) {
                trackLines +=
                    "{\"t\": \(t), \"track\": \(track.track), \"status\": \"confirmed\", \(latLonAlt(track.enu)), "
                    + "\"ve\": 0.0, \"vn\": 0.0, \"vu\": 0.0, \"sigma_m\": 20.0, \"class\": \"\(track.reported.rawValue)\", "
                    + "\"p_uncrewed\": 0.5, \"sources\": [\"radar\"]}\n"
            }
        }
        let drone = targets[0]
        let crewed = targets[1]
        func cue(_ s: Double, _ kind: String, _ number: Int, _ track: Int, _ enu: Vector3) -> String {
            "{\"t\": \(t0 + s), \"kind\": \"\(kind)\", \"cue\": \(number), \"track\": \(track), \"zone\": \"NPP\", "
                + "\"interceptor\": \"IDR-1\", \(latLonAlt(enu)), \"p_uncrewed\": 0.99, \"intercept\": {\(latLonAlt(enu + Vector3(0, 900, 0))), "
                + "\"t\": \(t0 + s + 20)}, \"zone_entry_t\": \(t0 + droneEntryS)}\n"
        }
        let cues =
            cue(newCueOnFalseS, "new", 1, falseTrack, falseTrackENU)
            + cue(cancelOnFalseS, "cancel", 1, falseTrack, falseTrackENU)
            + cue(newCueOnDroneS, "new", 2, drone.track, drone.position(newCueOnDroneS) + drone.trackOffset)
            + cue(30, "update", 4, drone.track, drone.position(30) + drone.trackOffset)
            + cue(newCueOnCrewedS, "new", 3, crewed.track, crewed.position(newCueOnCrewedS) + crewed.trackOffset)
        let truthPath = dir.appendingPathComponent("truth.jsonl").path
        try truth.write(toFile: truthPath, atomically: true, encoding: .utf8)
        try trackLines.write(toFile: dir.appendingPathComponent("tracks.jsonl").path, atomically: true, encoding: .utf8)
        try cues.write(toFile: dir.appendingPathComponent("cues.jsonl").path, atomically: true, encoding: .utf8)
        return (dir.path, truthPath)
    }
}

@Suite("ReplayScore")
struct ReportScoreTests {
    let c = 500.0

    @Test("GOSPA mean and decomposition equal the hand computation")
    func gospaByHand() throws {
        let files = try ReportScenario.write()
        let score = try ReplayScore.load(truthPath: files.truth, outDir: files.dir, site: try ReportScenario.site())
        // Snapshots: every second from the first track report to the end,
        // the blackout included (an empty picture is all misses).
        let seconds = Array(ReportScenario.firstTrackSecond..<ReportScenario.duration)
        var sum = 0.0
        var localisation = 0.0
        var assigned = 0
        var missed = 0
        var falseCount = 0
        for s in seconds {
            let reported = ReportScenario.tracks(at: s)
            var d2 = 0.0
            var pairs = 0
            for target in ReportScenario.targets where reported.contains(where: { $0.track == target.track }) {
                d2 += target.trackOffset.squaredNorm
                pairs += 1
            }
            let miss = ReportScenario.targets.count - pairs
            let extra = reported.count - pairs
            sum += (d2 + c * c / 2 * Double(miss + extra)).squareRoot()
            localisation += d2
            assigned += pairs
            missed += miss
            falseCount += extra
        }
        #expect(score.snapshots == seconds.count)
        #expect(abs(score.gospaMeanM - sum / Double(seconds.count)) < 1e-3)
        #expect(abs(score.localisationRMSM - (localisation / Double(assigned)).squareRoot()) < 1e-3)
        #expect(score.assignedTotal == assigned)
        #expect(score.missedTotal == missed)
        #expect(score.falseTotal == falseCount)
        #expect(abs(score.missedPerSnapshot - Double(missed) / Double(seconds.count)) < 1e-12)
        #expect(abs(score.falsePerSnapshot - Double(falseCount) / Double(seconds.count)) < 1e-12)
        #expect(abs(score.firstT - (ReportScenario.t0 + Double(seconds.first!))) < 1e-9)
    }

    @Test("classification table, the crewed-as-uncrewed safety figure and coverage")
    func classification() throws {
        let files = try ReportScenario.write()
        let score = try ReplayScore.load(truthPath: files.truth, outDir: files.dir, site: try ReportScenario.site())
        var expected: [ReportClass: [ReportClass: Int]] = [:]
        var present: [Int: Int] = [:]
        var matched: [Int: Int] = [:]
        for s in ReportScenario.firstTrackSecond..<ReportScenario.duration {
            let reported = ReportScenario.tracks(at: s)
            for target in ReportScenario.targets {
                present[target.id, default: 0] += 1
                guard let r = reported.first(where: { $0.track == target.track }) else { continue }
                expected[target.truthClass, default: [:]][r.reported, default: 0] += 1
                matched[target.id, default: 0] += 1
            }
        }
        for t in ReportClass.truthClasses {
            for r in ReportClass.allCases {
                #expect(score.classification[t, r] == expected[t]?[r] ?? 0, "truth \(t) reported \(r)")
            }
        }
        #expect(score.classification[.crewed, .uncrewed] == ReportScenario.crewedMisreported.count)
        #expect(score.crewedTracksEverUncrewed == [ReportScenario.targets[1].track])
        for target in ReportScenario.targets {
            let coverage = try #require(score.coverage.first { $0.id == target.id })
            #expect(coverage.presentSnapshots == present[target.id])
            #expect(coverage.matchedSnapshots == matched[target.id])
            #expect(coverage.tracks == [target.track])
            #expect(coverage.truthClass == target.truthClass)
        }
    }

    @Test("a crewed run without misreports has a zero safety figure")
    func safetyFigureCanBeZero() throws {
        let (site, truth, recorded, _) = try ReportScenario.records()
        var tracks = recorded
        for i in tracks.indices where tracks[i].track == ReportScenario.targets[1].track {
            tracks[i].reportedClass = .crewed
        }
        let score = try ReplayScore(site: site, truth: truth, tracks: tracks, cues: [])
        #expect(score.crewedTracksEverUncrewed.isEmpty)
        #expect(score.classification[.crewed, .uncrewed] == 0)
        #expect(score.render().contains("crewed tracks ever classified uncrewed: 0  OK"))
    }

    @Test("cue lead time before zone entry, unsafe cues and cancels of lost tracks")
    func cues() throws {
        let files = try ReportScenario.write()
        let score = try ReplayScore.load(truthPath: files.truth, outDir: files.dir, site: try ReportScenario.site())
        // Only the drone is uncrewed; it enters the one zone once.
        #expect(score.zoneEntries.count == 1)
        let entry = try #require(score.zoneEntries.first)
        #expect(entry.truthID == 1 && entry.zone == "NPP" && !entry.startedInside)
        #expect(abs(entry.entryT - (ReportScenario.t0 + ReportScenario.droneEntryS)) < 0.01)
        #expect(entry.firstCueT == ReportScenario.t0 + ReportScenario.newCueOnDroneS)
        #expect(entry.cueTrack == ReportScenario.targets[0].track && entry.cueID == 2)
        let lead = try #require(entry.leadS)
        #expect(abs(lead - (ReportScenario.droneEntryS - ReportScenario.newCueOnDroneS)) < 0.01)

        #expect(score.cues.newCues[ReportClass.uncrewed.index] == 1)
        #expect(score.cues.newCues[ReportClass.crewed.index] == 1)
        #expect(score.cues.newCues[ReportClass.unknown.index] == 1)  // unmatched: the false track
        #expect(score.cues.unsafeNewCues == 2)
        #expect(score.cues.updateCues[ReportClass.uncrewed.index] == 1 && score.cues.unsafeUpdateCues == 0)
        #expect(score.cues.cancels == 1 && score.cues.cancelsForLostTracks == 1)
        #expect(score.cues.lostWithoutCancel == 0)
    }

    @Test("a cued track whose altitude is 900 m off still counts against the target under it")
    func cueOnATrackWithAWrongAltitude() throws {
        let (site, truth, recorded, cues) = try ReportScenario.records()
        var tracks = recorded
        // The drone's and the light aircraft's tracks 900 m too high (a 2D
        // radar's altitude): no 3D match, the same horizontal place.
        let lifted: Set = [ReportScenario.targets[0].track, ReportScenario.targets[1].track]
        for i in tracks.indices where lifted.contains(tracks[i].track) { tracks[i].altM += 900 }
        let score = try ReplayScore(site: site, truth: truth, tracks: tracks, cues: cues)
        // The cue on the drone is still on the drone, the one on the crewed
        // aircraft still unsafe; only the false track's is unmatched.
        #expect(score.cues.newCues[ReportClass.uncrewed.index] == 1)
        #expect(score.cues.newCues[ReportClass.crewed.index] == 1)
        #expect(score.cues.newCues[ReportClass.unknown.index] == 1)
        #expect(score.cues.horizontalOnlyNew == 2)
        #expect(score.render().contains("matched to their target horizontally only"))
        #expect(score.zoneEntries.first?.firstCueT == ReportScenario.t0 + ReportScenario.newCueOnDroneS)
    }

    @Test("a cued track that disappears without a cancel is counted")
    func lostWithoutCancel() throws {
        let (site, truth, tracks, all) = try ReportScenario.records()
        // The false track is cued and never cancelled: it vanishes at 20 s.
        let cues = all.filter { $0.kind != .cancel }
        let score = try ReplayScore(site: site, truth: truth, tracks: tracks, cues: cues)
        #expect(score.cues.lostWithoutCancel == 1)
        #expect(score.render().contains("cued tracks lost without a cancel:        1  FAIL"))
    }

    @Test("a cue on a track coasting after its drone's flight ended is aimed at that drone, for 10 s")
    func cueAfterTheTruthEnded() throws {
        let (site, allTruth, tracks, cues) = try ReportScenario.records()
        let drone = ReportScenario.targets[0]
        // The drone's flight ends at 40 s (it reached its aim point); its
        // track is still reported until the end of the run.
        let endS = 40.0
        let truth = allTruth.filter { $0.id != drone.id || $0.t <= ReportScenario.t0 + endS }
        let update = try #require(cues.first { $0.kind == .update && $0.track == drone.track })
        let soonAfter = endS + 0.5 * ReplayScore.cueAfterTruthEndS
        let longAfter = endS + 1.5 * ReplayScore.cueAfterTruthEndS
        var extra: [CueRecord] = []
        for (n, s) in [soonAfter, longAfter].enumerated() {
            var cue = update
            cue.t = ReportScenario.t0 + s
            cue.cue = 100 + n
            extra.append(cue)
        }
        let before = try ReplayScore(site: site, truth: truth, tracks: tracks, cues: cues)
        let score = try ReplayScore(site: site, truth: truth, tracks: tracks, cues: cues + extra)
        // The first is still on the drone, the second on nothing.
        let uncrewed = ReportClass.uncrewed.index
        let unmatched = ReportClass.unknown.index
        #expect(score.cues.updateCues[uncrewed] == before.cues.updateCues[uncrewed] + 1)
        #expect(score.cues.updateCues[unmatched] == before.cues.updateCues[unmatched] + 1)
        #expect(score.cues.afterTruthEndUpdates == 1 && before.cues.afterTruthEndUpdates == 0)
        #expect(score.render().contains("coasting after its target's flight ended"))
        #expect(!before.render().contains("coasting after its target's flight ended"))
    }

    @Test("text table and JSON carry the figures")
    func renderings() throws {
        let files = try ReportScenario.write()
        let score = try ReplayScore.load(truthPath: files.truth, outDir: files.dir, site: try ReportScenario.site())
        let text = score.render()
        #expect(text.contains("crewed tracks ever classified uncrewed: 1 (tracks 12)  FAIL"))
        #expect(text.contains("new cues not aimed at an uncrewed target: 2  FAIL"))
        #expect(text.contains("NPP"))
        let json = try #require(try JSONSerialization.jsonObject(with: score.jsonData()) as? [String: Any])
        #expect(json["crewed_tracks_ever_uncrewed"] as? [Int] == [12])
        let gospa = try #require(json["gospa"] as? [String: Any])
        #expect(abs((gospa["mean_m"] as? Double ?? 0) - score.gospaMeanM) < 1e-9)
        let entries = try #require(json["zone_entries"] as? [[String: Any]])
        #expect(abs((entries.first?["lead_s"] as? Double ?? 0) - (score.zoneEntries[0].leadS ?? -1)) < 1e-9)
        #expect(score.jsonData() == score.jsonData())
    }

    @Test("a bad line is reported with its file and line number")
    func badLine() throws {
        let files = try ReportScenario.write()
        let path = files.dir + "/tracks.jsonl"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "{\"t\": 1, \"track\": \"x\"}\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n").count
        #expect(throws: ReportError.badLine(path: path, line: lines, reason: "\"track\" is not a finite number")) {
            try TrackRecord.load(contentsOf: path)
        }
        #expect(throws: ReportError.self) { try TruthRecord.load(contentsOf: files.dir + "/missing.jsonl") }
    }
}
