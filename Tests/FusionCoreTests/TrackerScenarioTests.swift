import FusionCore
import FusionMath
import Simulation
import Testing

/// Scenario tests of the whole tracker: simulate, run, score.
@Suite struct TrackerScenarioTests {
    static func radar(_ scenario: Scenario, clutter: Double = 0, sensor: SensorIndex = 1) -> RadarSensorModel {
        var r = RadarSensorModel(sensor: sensor, positionENU: Vector3(0, 0, 20), frame: scenario.frame)
        r.clutterMeanPerScan = clutter
        r.secondaryRadar = false
        r.maxRangeM = 20_000
        return r
    }

    @Test func singleDroneIsTrackedWithOneTrack() {
        let scenario = Scenario.single(kind: .pistonDrone, rangeM: 12_000, durationS: 200, seed: 4)
        let feed = SensorFeed(scenario: scenario, radars: [Self.radar(scenario)], seed: 4)
        var engine = FusionEngine()
        var scorer = RunScorer(scoreFromNs: scenario.startNs + 10_000_000_000)
        TrackingRun.run(feed, scenario: scenario, engine: &engine) { scorer.add($0) }
        #expect(scorer.falseTrackCount == 0)
        #expect(scorer.identitySwaps == 0)
        #expect(scorer.coverage > 0.95)
        #expect(scorer.rmsLocalisationM < 40)
        #expect(engine.counters.tracksConfirmed == 1)
    }
}
