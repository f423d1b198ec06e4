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

extension TrackerScenarioTests {
    /// Two drones crossing 100 m apart at right angles under a 1 s radar:
    /// the tracks keep their identities in at least 95 of 100 seeded runs.
    @Test func crossingTargetsKeepTheirIdentities() {
        var clean = 0
        for seed in UInt64(1)...100 {
            let scenario = Scenario.crossing(
                kind: .pistonDrone, separationM: 100, centre: Vector3(4_000, 3_000, 500), runS: 160, seed: seed)
            let feed = SensorFeed(scenario: scenario, radars: [Self.radar(scenario)], seed: seed)
            var engine = FusionEngine()
            var scorer = RunScorer(matchDistanceM: 300, scoreFromNs: scenario.startNs + 10_000_000_000)
            var firstTrack: [Int: UInt32] = [:]
            var lastTrack: [Int: UInt32] = [:]
            TrackingRun.run(feed, scenario: scenario, engine: &engine) { snapshot in
                let matches = scorer.match(snapshot)
                for (k, truth) in matches.enumerated() {
                    guard let truth, snapshot.timeNs > scenario.startNs + 10_000_000_000 else { continue }
                    if firstTrack[truth] == nil { firstTrack[truth] = snapshot.tracks[k].id }
                    lastTrack[truth] = snapshot.tracks[k].id
                }
            }
            let kept = firstTrack.count == 2 && firstTrack == lastTrack
            if kept { clean += 1 }
        }
        #expect(clean >= 95, "identities kept in \(clean) of 100 runs")
    }

    /// 20% of plots delivered 0.5-3 s late and out of order: every final
    /// track state is within one sigma of the same plots processed in time.
    @Test func lateAndReorderedPlotsGiveTheSameTracks() {
        for seed in UInt64(1)...5 {
            let scenario = Scenario.randomTargets(
                count: 8, kinds: [.pistonDrone, .multirotor, .jetDrone, .lightAircraft], halfWidthM: 9_000,
                durationS: 300, seed: seed)
            let inOrder = SensorFeed(scenario: scenario, radars: [Self.radar(scenario)], seed: seed)
            let late = inOrder.delaying(LateDelivery(fraction: 0.2, delayS: 0.5...3), seed: seed &+ 100)
            func finalTracks(_ feed: SensorFeed) -> ([TrackView], EngineCounters) {
                var engine = FusionEngine()
                TrackingRun.run(feed, scenario: scenario, engine: &engine) { _ in }
                var tracks: [TrackView] = []
                engine.forEachReportableTrack(atNs: scenario.endNs + 4_000_000_000) { tracks.append($0) }
                return (tracks, engine.counters)
            }
            let (reference, _) = finalTracks(inOrder)
            let (delayed, counters) = finalTracks(late)
            #expect(counters.lateFused > 100)
            #expect(counters.lateDropped == 0)
            #expect(!reference.isEmpty)
            for track in reference {
                // The same target's track in the delayed run: the nearest one.
                let other = delayed.min {
                    ($0.estimate.position - track.estimate.position).squaredNorm
                        < ($1.estimate.position - track.estimate.position).squaredNorm
                }
                guard let other else {
                    Issue.record("no track in the delayed run")
                    continue
                }
                for i in 0..<6 {
                    let sigma = track.estimate.covariance[i, i].squareRoot()
                    let delta = abs(other.estimate.mean[i] - track.estimate.mean[i])
                    #expect(delta <= sigma, "seed \(seed) track \(track.id) component \(i): \(delta) > \(sigma)")
                }
            }
        }
    }
}

extension TrackerScenarioTests {
    /// 50 targets and 5 clutter plots per scan for 10 simulated minutes.
    ///
    /// GOSPA (c = 500 m, p = 2, alpha = 2) squared is the sum of squared
    /// localisation errors plus c^2/2 per missed or false target. The bound
    /// is built from two demands, each also checked on its own:
    /// - localisation RMS at most 40 m: two thirds of a single plot's
    ///   cross-range error at 10 km (0.35 deg: 61 m), i.e. the filter must
    ///   clearly beat the raw plots;
    /// - at most 0.8 targets missed or false per snapshot on average: each
    ///   target entering coverage is missed for the 3 scans M-of-N needs
    ///   (0.26 per snapshot here), leaving about half a target for losses
    ///   and duplicates.
    /// Together: sqrt(50 * 40^2 + 0.8 * 500^2 / 2) = 424 m.
    @Test func fiftyTargetsInClutter() {
        let scenario = Scenario.randomTargets(
            count: 50, kinds: [.pistonDrone, .multirotor, .jetDrone, .lightAircraft, .helicopter],
            halfWidthM: 10_000, durationS: 600, seed: 50)
        let feed = SensorFeed(scenario: scenario, radars: [Self.radar(scenario, clutter: 5)], seed: 50)
        var engine = FusionEngine()
        var scorer = RunScorer(scoreFromNs: scenario.startNs + 30_000_000_000)
        TrackingRun.run(feed, scenario: scenario, engine: &engine) { scorer.add($0) }
        let snapshots = Double(scorer.snapshots)
        let missedOrFalse = Double(scorer.missedSum + scorer.falseSum) / snapshots
        #expect(scorer.meanGOSPA < 424, "mean GOSPA \(scorer.meanGOSPA) m")
        #expect(scorer.rmsLocalisationM < 40, "localisation RMS \(scorer.rmsLocalisationM) m")
        #expect(missedOrFalse < 0.8, "\(missedOrFalse) missed or false per snapshot")
        #expect(scorer.falseTrackCount <= 1, "\(scorer.falseTrackCount) false tracks")
        #expect(scorer.coverage > 0.95, "coverage \(scorer.coverage)")
    }
}

extension TrackerScenarioTests {
    /// A table sized for 6 tracks facing 12 targets: new tracks are refused
    /// and counted, and the tracks it holds keep being updated.
    @Test func fullTableRefusesNewTracksAndKeepsTheOld() {
        let scenario = Scenario.randomTargets(
            count: 12, kinds: [.pistonDrone, .multirotor], halfWidthM: 8_000, durationS: 200, seed: 12)
        let feed = SensorFeed(scenario: scenario, radars: [Self.radar(scenario)], seed: 12)
        var configuration = TrackerConfiguration()
        configuration.capacity = 6
        var engine = FusionEngine(configuration: configuration)
        var lastSnapshot: RunSnapshot?
        TrackingRun.run(feed, scenario: scenario, engine: &engine) { lastSnapshot = $0 }
        #expect(engine.counters.tableFull > 100)
        #expect(engine.trackCount <= 6)
        guard let last = lastSnapshot else {
            Issue.record("no snapshot")
            return
        }
        #expect(last.tracks.count >= 4)
        for track in last.tracks where track.status == .confirmed {
            // Updated within the last two scans, and on a real target.
            #expect(last.timeNs - track.lastUpdateNs <= 2_000_000_000)
            let nearest = last.truths.map { ($0.state.positionENU - track.estimate.position).norm }.min() ?? .infinity
            #expect(nearest < 150)
        }
    }

    /// A 2D radar (range and azimuth only): the track's errors stay inside
    /// its own stated uncertainty, horizontally and vertically. The unknown
    /// altitude (900 m against a 150 m prior) biases the ground range by up to
    /// h^2 / 2r (a few tens of metres at 10 km) on top of 87 m of cross-range
    /// noise per plot (0.5 deg), so the horizontal RMS bound is 150 m.
    @Test func twoDimensionalRadarTracksHorizontally() {
        let scenario = Scenario.single(kind: .pistonDrone, rangeM: 10_000, altitudeM: 900, durationS: 200, seed: 8)
        var radar = Self.radar(scenario)
        radar.threeD = false
        radar.doppler = false
        radar.sigmaRangeM = 15
        radar.sigmaAzimuthRad = 0.5 * Math.radiansPerDegree
        let feed = SensorFeed(scenario: scenario, radars: [radar], seed: 8)
        var engine = FusionEngine()
        var horizontalErrors: [Double] = []
        var horizontalNEES: [Double] = []
        var verticalNEES: [Double] = []
        TrackingRun.run(feed, scenario: scenario, engine: &engine) { s in
            guard s.timeNs > scenario.startNs + 30_000_000_000, let truth = s.truths.first, let t = s.tracks.first
            else { return }
            let d = t.estimate.position - truth.state.positionENU
            horizontalErrors.append((d.x * d.x + d.y * d.y).squareRoot())
            let p = t.estimate.covariance
            let det = p[0, 0] * p[1, 1] - p[0, 1] * p[1, 0]
            horizontalNEES.append((p[1, 1] * d.x * d.x - 2 * p[0, 1] * d.x * d.y + p[0, 0] * d.y * d.y) / det)
            verticalNEES.append(d.z * d.z / t.estimate.covariance[2, 2])
        }
        #expect(horizontalErrors.count > 100)
        let rms = (horizontalErrors.map { $0 * $0 }.reduce(0, +) / Double(horizontalErrors.count)).squareRoot()
        #expect(rms < 150, "horizontal RMS \(rms) m")
        // Two degrees of freedom: a consistent filter averages 2.
        let meanHorizontalNEES = horizontalNEES.reduce(0, +) / Double(horizontalNEES.count)
        #expect(meanHorizontalNEES < 6, "horizontal normalised error \(meanHorizontalNEES)")
        // Altitude is unobserved: its error must stay inside the filter's own
        // uncertainty (normalised squared error around 1, certainly below 9).
        let meanNEES = verticalNEES.reduce(0, +) / Double(max(1, verticalNEES.count))
        #expect(meanNEES < 9, "vertical normalised error \(meanNEES)")
        #expect(engine.counters.tracksConfirmed == 1)
    }
}
