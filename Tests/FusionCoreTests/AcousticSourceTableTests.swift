import FusionCore
import FusionMath
import Simulation
import Testing

/// The tracks' acoustic source memories out of the track records
/// (`AcousticSourceTable`): only tracks that fused a bearing hold one, a
/// track without one reads an empty memory, and deleted tracks give theirs
/// back. (That results are unchanged is the golden replays' and the
/// acoustic tests' part: they compare exactly.)
@Suite struct AcousticSourceTableTests {
    static let second: Int64 = 1_000_000_000

    /// Slots are handed out lowest first, freed ones reused first; the
    /// empty memory that a track without a slot reads stays empty.
    @Test func slotsAreReusedAndTheEmptyMemoryStaysEmpty() {
        var table = AcousticSourceTable(capacity: 3)
        var a: Int32 = -1, b: Int32 = -1, c: Int32 = -1
        let bearing = Measurement.bearing(
            timeNs: 5 * Self.second, sensor: 7, pose: SensorPose(positionENU: .zero), azimuthRad: 1,
            elevationRad: nil, sigmaAzimuthRad: 0.05, sigmaElevationRad: 0.05)
        table.slot(&a).pointee.remember(bearing)
        _ = table.slot(&b)
        #expect(a == 0 && b == 1 && table.inUse == 2)
        #expect(table.slot(&a) == table.memory(0), "a held slot is kept")
        #expect(table.memory(a).pointee.sensorsHeard(sinceNs: 0) == 1)
        #expect(table.memory(-1).pointee.sensorsHeard(sinceNs: .min) == 0)
        table.release(&a)
        #expect(a == -1 && table.inUse == 1)
        _ = table.slot(&c)
        #expect(c == 0 && table.memory(c).pointee.sensorsHeard(sinceNs: .min) == 0, "a reused slot starts empty")
        table.release(&b)
        table.release(&c)
        table.release(&c)
        #expect(table.inUse == 0 && c == -1)
    }

    /// Slots held by the live tracks.
    static func slotsHeld(_ engine: borrowing FusionEngine) -> (held: Int, bearingTracks: Int) {
        var held = Set<Int32>(), bearingTracks = 0
        for i in 0..<engine.tracks.count {
            let record = engine.tracks[engine.tracks.slot(atActiveIndex: i)]
            if record.acousticSlot >= 0 { held.insert(record.acousticSlot) }
            if record.sources.contains(.acoustic) { bearingTracks += 1 }
            if record.acousticSlot >= 0 && !record.sources.contains(.acoustic) { bearingTracks = -1_000_000 }
        }
        return (held.count, bearingTracks)
    }

    /// Radar and acoustic arrays over 6 drones for 2 minutes: every second
    /// the table holds exactly one slot per track that has fused a bearing
    /// (and none for radar-only tracks), no two tracks share one, and once
    /// every track is gone the table is empty.
    @Test func onlyTracksThatHeardBearingsHoldASlot() {
        let field = AcousticField.drones(count: 6, durationS: 120, seed: 4)
        let feed = SensorFeed(scenario: field.scenario, radars: [field.radar()], acoustic: field.sensors, seed: 4)
        var engine = FusionEngine(configuration: TrackerConfiguration())
        for r in feed.revisits { engine.setRevisit(sensor: r.sensor, periodNs: r.periodNs) }
        var nextNs = field.scenario.startNs + Self.second
        var mismatches = 0, peak = 0, radarOnlyTracks = 0
        for batch in feed.batches {
            while batch.arrivalNs > nextNs {
                engine.maintain(atNs: nextNs)
                let (held, bearingTracks) = Self.slotsHeld(engine)
                if held != engine.acousticSources.inUse || held != bearingTracks { mismatches += 1 }
                peak = max(peak, held)
                radarOnlyTracks = max(radarOnlyTracks, engine.tracks.count - bearingTracks)
                nextNs += Self.second
            }
            batch.detections.map(\.measurement).withUnsafeBufferPointer { engine.process($0) }
        }
        #expect(mismatches == 0)
        #expect(peak >= 4 && radarOnlyTracks > 0, "\(peak) tracks with bearings, \(radarOnlyTracks) without")
        engine.maintain(atNs: field.scenario.endNs + 120 * Self.second)
        #expect(engine.tracks.count == 0 && engine.acousticSources.inUse == 0)
    }
}
