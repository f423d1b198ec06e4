import FusionCore
import FusionMath
import Simulation

/// Scores of one acoustic (or acoustic plus radar) run, for the acoustic
/// tracking tests: horizontal errors of matched tracks, for targets heard by
/// enough acoustic sensors, and ghost tracks.
///
/// A ghost is a confirmed track farther than `ghostDistanceM` horizontally
/// from every truth in more than half of the snapshots it is reported in.
struct AcousticRunScore {
    /// Horizontal distance beyond which a track is on no target: 500 m is
    /// more than 3 sigma of a real acoustic track's error (a 3 deg bearing
    /// at 4 km is 210 m across, and a track averages several sensors over
    /// time), while a ghost crossing of two sources' bearings lies about as
    /// far from each source as the sources are apart (kilometres here).
    static let ghostDistanceM = 500.0
    /// A target counts as heard by a sensor for this long after a detection.
    static let heardWindowNs: Int64 = 3_000_000_000

    var squaredErrors: [Double] = []
    /// Truth snapshots scored, and of those covered by a matched track.
    var scoredSnapshots = 0
    var coveredSnapshots = 0
    var ghostTracks = 0
    var confirmedTracks = 0
    /// Scored time, minutes.
    var minutes = 0.0

    var rmsM: Double { (squaredErrors.reduce(0, +) / Double(max(1, squaredErrors.count))).squareRoot() }
    var coverage: Double { Double(coveredSnapshots) / Double(max(1, scoredSnapshots)) }

    /// Runs `feed` through a new engine and scores every snapshot from
    /// `scoreFromS` into the run. Errors are scored for truths heard by at
    /// least `minSensors` acoustic sensors in the last 3 s (0: every truth),
    /// matched one-to-one to tracks within `ghostDistanceM` horizontally.
    static func run(
        _ feed: SensorFeed, scenario: Scenario, minSensors: Int, scoreFromS: Double = 30,
        configuration: TrackerConfiguration = TrackerConfiguration()
    ) -> (score: AcousticRunScore, crossFix: CrossFixCounters, engine: EngineCounters) {
        var heard: [Int: [(timeNs: Int64, sensor: SensorIndex)]] = [:]
        for batch in feed.batches {
            for d in batch.detections where d.measurement.kind == .bearing {
                if let id = d.truthID { heard[id, default: []].append((d.measurement.timeNs, d.measurement.sensor)) }
            }
        }
        func sensorsHearing(_ id: Int, atNs t: Int64) -> Int {
            var sensors = Set<SensorIndex>()
            for h in heard[id] ?? [] where h.timeNs <= t && h.timeNs > t - heardWindowNs { sensors.insert(h.sensor) }
            return sensors.count
        }
        var score = AcousticRunScore()
        var engine = FusionEngine(configuration: configuration)
        var life: [UInt32: (far: Int, reported: Int)] = [:]
        let scoreFrom = scenario.startNs + Int64(scoreFromS * 1e9)
        TrackingRun.run(feed, scenario: scenario, engine: &engine) { s in
            guard s.timeNs >= scoreFrom else { return }
            let trackOfTruth = horizontalMatches(s)
            for truth in s.truths where minSensors == 0 || sensorsHearing(truth.id, atNs: s.timeNs) >= minSensors {
                score.scoredSnapshots += 1
                guard let track = trackOfTruth[truth.id] else { continue }
                score.coveredSnapshots += 1
                let d = track.estimate.position - truth.state.positionENU
                score.squaredErrors.append(d.x * d.x + d.y * d.y)
            }
            for track in s.tracks {
                let p = track.estimate.position
                let nearest = s.truths.map {
                    Math.hypot($0.state.positionENU.x - p.x, $0.state.positionENU.y - p.y)
                }.min() ?? .infinity
                life[track.id, default: (0, 0)].reported += 1
                if nearest > ghostDistanceM { life[track.id, default: (0, 0)].far += 1 }
            }
        }
        score.confirmedTracks = life.count
        score.ghostTracks = life.values.filter { 2 * $0.far > $0.reported }.count
        score.minutes = (scenario.durationS - scoreFromS) / 60
        return (score, engine.crossFix.counters, engine.counters)
    }

    /// One-to-one matching of truths and tracks by horizontal distance
    /// within `ghostDistanceM`, nearest pairs first. Horizontal, so that a
    /// 2D radar's track (height unknown) is scored on what it measures.
    static func horizontalMatches(_ s: RunSnapshot) -> [Int: TrackView] {
        var pairs: [(d: Double, truth: Int, track: Int)] = []
        for (j, truth) in s.truths.enumerated() {
            for (k, track) in s.tracks.enumerated() {
                let d = Math.hypot(
                    track.estimate.mean[0] - truth.state.positionENU.x, track.estimate.mean[1] - truth.state.positionENU.y)
                if d <= ghostDistanceM { pairs.append((d, j, k)) }
            }
        }
        var usedTruth = Set<Int>(), usedTrack = Set<Int>()
        var out: [Int: TrackView] = [:]
        for p in pairs.sorted(by: { $0.d < $1.d }) where !usedTruth.contains(p.truth) && !usedTrack.contains(p.track) {
            usedTruth.insert(p.truth)
            usedTrack.insert(p.track)
            out[s.truths[p.truth].id] = s.tracks[p.track]
        }
        return out
    }

    /// Adds another run's figures.
    mutating func add(_ other: AcousticRunScore) {
        squaredErrors += other.squaredErrors
        scoredSnapshots += other.scoredSnapshots
        coveredSnapshots += other.coveredSnapshots
        ghostTracks += other.ghostTracks
        confirmedTracks += other.confirmedTracks
        minutes += other.minutes
    }
}
