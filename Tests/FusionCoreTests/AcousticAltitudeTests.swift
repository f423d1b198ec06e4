import FusionCore
import FusionMath
import Simulation
import Testing

/// Altitude of targets that a 2D radar (range and azimuth, no elevation)
/// and acoustic arrays (azimuth and elevation) both see (issue 4): the
/// radar's plots start the track at an assumed altitude with a wide sigma
/// and never move it (consider states), so the height must come from the
/// arrays' elevations.
@Suite struct AcousticAltitudeTests {
    /// RMS altitude error of the tracks matched horizontally to a truth
    /// (`AcousticRunScore.horizontalMatches`), from 30 s into the run.
    static func altitudeRMS(_ feed: SensorFeed, scenario: Scenario) -> (rmsM: Double, samples: Int) {
        var engine = FusionEngine()
        var sum = 0.0, n = 0
        let scoreFrom = scenario.startNs + 30_000_000_000
        TrackingRun.run(feed, scenario: scenario, engine: &engine) { s in
            guard s.timeNs >= scoreFrom else { return }
            let matches = AcousticRunScore.horizontalMatches(s)
            for truth in s.truths {
                guard let track = matches[truth.id] else { continue }
                let dz = track.estimate.mean[2] - truth.state.positionENU.z
                sum += dz * dz
                n += 1
            }
        }
        return ((sum / Double(max(1, n))).squareRoot(), n)
    }

    /// 6 drones over the 3 x 3 grid of arrays, seen by a 2D radar 10 km
    /// away, 6 seeds: the fused tracks' altitude RMS is well below (less
    /// than half) that of the same radar's tracks alone, whose altitude is
    /// the initiation prior.
    @Test func arraysGiveTwoDimensionalRadarTracksTheirAltitude() {
        var fusedSq = 0.0, fusedN = 0, radarSq = 0.0, radarN = 0
        for seed in UInt64(1)...6 {
            let field = AcousticField.drones(count: 6, durationS: 120, seed: seed)
            let both = SensorFeed(scenario: field.scenario, radars: [field.radar()], acoustic: field.sensors, seed: seed)
            let fused = Self.altitudeRMS(both, scenario: field.scenario)
            let radar = Self.altitudeRMS(both.keeping { $0.kind == .radar }, scenario: field.scenario)
            fusedSq += fused.rmsM * fused.rmsM * Double(fused.samples)
            fusedN += fused.samples
            radarSq += radar.rmsM * radar.rmsM * Double(radar.samples)
            radarN += radar.samples
            print("seed \(seed): altitude RMS fused \(fused.rmsM) m (\(fused.samples)), 2D radar only \(radar.rmsM) m (\(radar.samples))")
        }
        let fused = (fusedSq / Double(max(1, fusedN))).squareRoot()
        let radar = (radarSq / Double(max(1, radarN))).squareRoot()
        print("2D radar + arrays: altitude RMS \(fused) m over \(fusedN) samples; 2D radar only \(radar) m over \(radarN)")
        #expect(fusedN > radarN / 2)
        #expect(fused < 0.5 * radar, "altitude RMS \(fused) m against \(radar) m")
    }
}
