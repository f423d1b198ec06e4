import Foundation
import FusionMath
import FusionNode
import Simulation
import Testing

/// The replay score's GOSPA against one dense evaluation of Simulation's
/// `GOSPA` per snapshot, on crowded pictures where targets, tracks and
/// clutter knot together (so components of many items form).
@Suite("ReplayScore GOSPA on crowded pictures")
struct ReportGOSPATests {
    @Test("mean GOSPA and its parts equal a dense evaluation", arguments: [1 as UInt64, 2, 3])
    func denseEquivalence(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let site = try ReportScenario.site()
        let frame = ReportScenario.frame
        let t0 = 1_794_787_200.0
        var truth: [TruthRecord] = []
        var tracks: [TrackRecord] = []
        var dense = GOSPA(cutoffM: ReplayScore.gospaCutoffM, maxTruths: 64, maxEstimates: 64)
        var sum = 0.0
        var missed = 0
        var falseCount = 0
        var assigned = 0
        let seconds = 20
        for s in 0..<seconds {
            let t = t0 + Double(s)
            // 30 targets in a 3 km square: many within 500 m of each other.
            var truths: [Vector3] = []
            for id in 0..<30 {
                let p = Vector3(rng.uniform(-1500, 1500), rng.uniform(-1500, 1500), rng.uniform(100, 600))
                truths.append(p)
                let g = frame.geodetic(fromENU: p)
                truth.append(
                    TruthRecord(
                        t: t, id: id, kind: "multirotor", truthClass: .uncrewed, latDeg: g.latitudeDeg,
                        lonDeg: g.longitudeDeg, altM: g.heightM))
            }
            // Tracks: most targets with an error up to 400 m, some missing, plus clutter.
            var estimates: [Vector3] = []
            for p in truths where rng.uniform() < 0.85 {
                estimates.append(p + Vector3(rng.uniform(-230, 230), rng.uniform(-230, 230), rng.uniform(-230, 230)))
            }
            for _ in 0..<6 {
                estimates.append(Vector3(rng.uniform(-1500, 1500), rng.uniform(-1500, 1500), rng.uniform(100, 600)))
            }
            for (k, e) in estimates.enumerated() {
                let g = frame.geodetic(fromENU: e)
                tracks.append(
                    TrackRecord(
                        t: t, track: 100 + k, latDeg: g.latitudeDeg, lonDeg: g.longitudeDeg, altM: g.heightM,
                        reportedClass: .unknown))
            }
            // The dense reference sees the positions after the file round trip, as the score does.
            let g = dense.evaluate(
                truths: truth.suffix(30).map { frame.enu(from: $0.position) },
                estimates: tracks.suffix(estimates.count).map { frame.enu(from: $0.position) })
            sum += g.total
            missed += g.missedCount
            falseCount += g.falseCount
            assigned += g.assignedCount
        }
        let score = try ReplayScore(site: site, truth: truth, tracks: tracks, cues: [])
        #expect(score.snapshots == seconds)
        #expect(abs(score.gospaMeanM - sum / Double(seconds)) < 1e-6)
        #expect(score.missedTotal == missed && score.falseTotal == falseCount && score.assignedTotal == assigned)
        // The knots were real: something was paired, something missed, something false.
        #expect(assigned > 0 && missed > 0 && falseCount > 0)
    }
}
