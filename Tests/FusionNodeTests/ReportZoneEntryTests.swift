import Foundation
import FusionMath
import FusionNode
import Testing

/// Zone entries on the reference site's polygon zone, and snapshots whose
/// times fall between truth samples.
@Suite("ReplayScore zones and snapshot alignment")
struct ReportZoneEntryTests {
    let t0 = 1_794_787_200.0

    func truthRecords(
        id: Int, kind: String, _ c: ReportClass, frame: LocalFrame, start: Vector3, velocity: Vector3,
        seconds: Range<Int>
    )
        -> [TruthRecord]
    {
        seconds.map { s in
            let g = frame.geodetic(fromENU: start + Double(s) * velocity)
            return TruthRecord(
                t: t0 + Double(s), id: id, kind: kind, truthClass: c, latDeg: g.latitudeDeg, lonDeg: g.longitudeDeg,
                altM: g.heightM, ve: velocity.x, vn: velocity.y, vu: velocity.z)
        }
    }

    @Test(
        "entry into a polygon is found between samples; above the ceiling is no entry; inside from the start is flagged"
    )
    func polygonEntry() throws {
        let site = try SiteConfiguration.load(contentsOf: ConfigFixtures.sitePath("reference.json"))
        let frame = LocalFrame(origin: try #require(site.node.origin))
        let city = try #require(site.zones.first { $0.name == "CITY" })
        guard case .polygon(let vertices) = city.shape else {
            Issue.record("CITY is not a polygon")
            return
        }
        // The west edge (first two vertices) where it crosses north = 0.
        let a = frame.enu(
            from: Geodetic(latitudeRad: vertices[0].latitudeRad, longitudeRad: vertices[0].longitudeRad, heightM: 0))
        let b = frame.enu(
            from: Geodetic(latitudeRad: vertices[1].latitudeRad, longitudeRad: vertices[1].longitudeRad, heightM: 0))
        let crossEast = a.x + (0 - a.y) * (b.x - a.x) / (b.y - a.y)
        let speed = 40.0
        let runUp = 1010.0  // entry at 25.25 s: between two samples
        let east = Vector3(speed, 0, 0)
        var truth = truthRecords(
            id: 1, kind: "jetDrone", .uncrewed, frame: frame, start: Vector3(crossEast - runUp, 0, 400), velocity: east,
            seconds: 0..<60)
        truth += truthRecords(
            id: 2, kind: "jetDrone", .uncrewed, frame: frame, start: Vector3(crossEast - runUp, 0, 6000),
            velocity: east,
            seconds: 0..<60)
        truth += truthRecords(
            id: 3, kind: "multirotor", .uncrewed, frame: frame, start: Vector3(0, 0, 300), velocity: Vector3(0, 5, 0),
            seconds: 10..<20)
        // Crewed traffic crossing the zone is not a zone-entry threat.
        truth += truthRecords(
            id: 4, kind: "airliner", .crewed, frame: frame, start: Vector3(crossEast - runUp, 100, 900), velocity: east,
            seconds: 0..<60)
        let score = try ReplayScore(site: site, truth: truth, tracks: [], cues: [])
        #expect(score.zoneEntries.map(\.truthID) == [1, 3])
        let first = try #require(score.zoneEntries.first)
        #expect(first.zone == "CITY" && !first.startedInside && first.firstCueT == nil && first.leadS == nil)
        #expect(abs(first.entryT - (t0 + runUp / speed)) < 0.01)
        let inside = try #require(score.zoneEntries.last)
        #expect(inside.startedInside && inside.entryT == t0 + 10)
        #expect(score.render().contains("NO CUE"))
    }

    @Test("the headline's shortest lead leaves out targets that started inside; uncued counts every entry")
    func headlineLead() throws {
        let site = try SiteConfiguration.load(contentsOf: ConfigFixtures.sitePath("reference.json"))
        var score = try ReplayScore(site: site, truth: [], tracks: [], cues: [])
        score.zoneEntries = [
            ZoneEntryScore(truthID: 1, kind: "pistonDrone", zone: "CITY", entryT: t0 + 300, firstCueT: t0 + 150),
            ZoneEntryScore(truthID: 2, kind: "multirotor", zone: "NPP", entryT: t0, startedInside: true, firstCueT: t0 + 60),
            ZoneEntryScore(truthID: 3, kind: "jetDrone", zone: "CITY", entryT: t0 + 200),
        ]
        #expect(score.summaryLine.contains("shortest cue lead 150.0 s"), "\(score.summaryLine)")
        #expect(score.summaryLine.contains("1 of 3 zone entries uncued"), "\(score.summaryLine)")
    }

    @Test("tracks reported half-way between truth samples are scored against the truth moved on")
    func misalignedSnapshots() throws {
        let site = try ReportScenario.site()
        let frame = ReportScenario.frame
        let start = Vector3(-2000, 1000, 500)
        let velocity = Vector3(30, -20, 1)
        let truth = truthRecords(
            id: 1, kind: "pistonDrone", .uncrewed, frame: frame, start: start, velocity: velocity, seconds: 0..<30)
        let offset = Vector3(12, -16, 0)  // 20 m
        let tracks = (0..<35).map { s -> TrackRecord in
            let g = frame.geodetic(fromENU: start + (Double(s) + 0.5) * velocity + offset)
            return TrackRecord(
                t: t0 + Double(s) + 0.5, track: 5, latDeg: g.latitudeDeg, lonDeg: g.longitudeDeg, altM: g.heightM,
                reportedClass: .uncrewed)
        }
        let score = try ReplayScore(site: site, truth: truth, tracks: tracks, cues: [])
        // Snapshots 0.5 ... 28.5 lie within the truth's span (0 ... 29 s).
        #expect(score.snapshots == 29)
        #expect(abs(score.localisationRMSM - offset.norm) < 1e-3)
        #expect(abs(score.gospaMeanM - offset.norm) < 1e-3)
        #expect(score.missedTotal == 0 && score.falseTotal == 0)
        #expect(score.coverage.first?.matchedSnapshots == 29)
    }

    @Test("a track beyond the match distance is false, and its truth missed")
    func beyondMatchDistance() throws {
        let site = try ReportScenario.site()
        let frame = ReportScenario.frame
        let truth = truthRecords(
            id: 1, kind: "bird", .bird, frame: frame, start: Vector3(0, 0, 200), velocity: Vector3(0, 0, 0),
            seconds: 0..<10)
        let far = frame.geodetic(fromENU: Vector3(0, ReplayScore.matchDistanceM + 1, 200))
        let tracks = (0..<10).map { s in
            TrackRecord(
                t: t0 + Double(s), track: 1, latDeg: far.latitudeDeg, lonDeg: far.longitudeDeg, altM: far.heightM,
                reportedClass: .bird)
        }
        let score = try ReplayScore(site: site, truth: truth, tracks: tracks, cues: [])
        let c = ReplayScore.gospaCutoffM
        #expect(score.missedTotal == 10 && score.falseTotal == 10 && score.assignedTotal == 0)
        #expect(abs(score.gospaMeanM - c) < 1e-9)  // sqrt(c²/2 + c²/2)
        #expect(score.classification.total(truth: .bird) == 0)
    }
}
