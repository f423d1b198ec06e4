import FusionCore
import FusionMath

/// The named hard cases of classification and cueing, each a short scenario
/// on one site with the sensors that see it.
///
/// The site: a 3D Doppler radar with a secondary channel at the origin
/// (16 km, 1 s), seven acoustic arrays (one at the origin, six on a 3 km
/// ring), an ADS-B feed, and one protected zone: a circle of 2 km radius
/// round the origin, floor 0, ceiling 4,000 m. The radar-only and
/// acoustic-only cases move their targets (and, for the latter, the
/// arrays) to areas the other sensor kind cannot reach. Frame: the site's
/// ENU, metres; times ns since the Unix epoch; everything random is drawn
/// from the seed.
public enum HardCase: String, Sendable, CaseIterable {
    /// Helicopters without transponders, 50-150 m up at 20-35 m/s.
    case lowSlowHelicopter
    /// Light aircraft with transponders off whose geared piston engines
    /// (Rotax-type, 110-180 Hz) sound like piston drones, flying drone
    /// speeds through the acoustic network, among piston drones.
    case droneLikeLightAircraft
    /// Gliders thermalling (30 m/s) and running between thermals at cruise
    /// speed (35-48 m/s, drone speeds): small and silent.
    case glider
    /// Flocks of birds over the site (one plot per flock, up to -10 dBsm).
    case birdFlocks
    /// Multirotors loitering by the acoustic arrays and one transiting in.
    case multirotors
    /// Jet drones running in toward the zone at 100-150 m/s.
    case jetDrones
    /// A raid of 200 piston drones from one sector, about one a second.
    case pistonRaid
    /// Piston drones and a light aircraft heard by a cluster of acoustic
    /// arrays 30 km east, beyond the radar.
    case acousticOnlyArea
    /// Fixed-wing drones, crewed traffic and birds 9-15 km out to the
    /// north-west, where no acoustic array hears.
    case radarOnlyArea

    /// Default length of the case's scenario, seconds.
    public var durationS: Double {
        switch self {
        case .pistonRaid: 240
        default: 160
        }
    }

    /// The protected zone: a circle round the origin.
    public static let zoneRadiusM = 2_000.0
    public static let zoneCeilingM = 4_000.0

    /// The case's scenario and sensors for `seed`, lasting `durationS`
    /// (default: the case's).
    public func setup(seed: UInt64, durationS: Double? = nil, startNs: Int64 = Scenario.defaultStartNs) -> HardCaseSetup {
        var g = SeededGenerator(seed: seed ^ 0x4841_5244)  // "HARD"
        var scenario = Scenario(
            frame: LocalFrame(origin: Scenario.defaultSite), startNs: startNs,
            endNs: startNs + nanoseconds(durationS ?? self.durationS), seed: seed, targets: [])
        build(&scenario, &g)
        return HardCaseSetup(hardCase: self, site: scenario)
    }
}

/// A hard case laid out: its scenario and the sensors that observe it.
public struct HardCaseSetup: Sendable {
    public var hardCase: HardCase
    public var scenario: Scenario
    public var radars: [RadarSensorModel]
    public var acoustic: [AcousticSensorModel]
    public var adsb: ADSBModel?
    /// Sensors that go silent during the run (none by default).
    public var outages: [SensorOutage] = []

    /// The hard cases' site round the origin of `scenario`'s frame (see
    /// `HardCase`), with the sensors `hardCase` moves or leaves out.
    public init(hardCase: HardCase, site scenario: Scenario) {
        var radar = RadarSensorModel(sensor: 1, positionENU: Vector3(0, 0, 20), frame: scenario.frame)
        radar.clutterMeanPerScan = 1
        var acousticSites = [Vector3(0, 0, 2)]
        for k in 0..<6 {
            let b = Double(k) * Double.pi / 3
            acousticSites.append(Vector3(3000 * Math.sin(b), 3000 * Math.cos(b), 2))
        }
        switch hardCase {
        case .acousticOnlyArea:
            acousticSites = acousticSites.map { Vector3($0.x + 30_000, $0.y, $0.z) }
        case .radarOnlyArea:
            acousticSites = []
        default:
            break
        }
        self.hardCase = hardCase
        self.scenario = scenario
        radars = [radar]
        acoustic = acousticSites.enumerated().map { k, p in
            AcousticSensorModel(
                sensor: SensorIndex(100 + k), sensorID: UInt32(1001 + k), site: scenario.frame.geodetic(fromENU: p),
                frame: scenario.frame)
        }
        adsb = ADSBModel(sensor: 2, frame: scenario.frame)
    }

    /// What the sensors deliver, in arrival order, less what `outages`
    /// silence.
    public func feed(seed: UInt64) -> SensorFeed {
        SensorFeed(scenario: scenario, radars: radars, acoustic: acoustic, adsb: adsb, seed: seed).silencing(outages)
    }

    /// Whether `sensor` delivers at `timeNs`: no outage silences it.
    public func isLive(_ sensor: SensorIndex, atNs timeNs: Int64) -> Bool {
        !outages.contains { $0.silences(sensor: sensor, arrivalNs: timeNs) }
    }

    /// Whether `truth` is inside the coverage of a radar that is live at `timeNs`.
    public func radarSees(_ truth: TruthSample, atNs timeNs: Int64) -> Bool {
        radars.contains { r in
            let p = r.polar(of: truth.state)
            return isLive(r.sensor, atNs: timeNs) && r.isVisible(rangeM: p.rangeM, elevationRad: p.elevationRad)
        }
    }

    /// Arrays live at `timeNs` that hear `truth` at a range where its
    /// kind's Pd is at least half their maximum.
    public func arraysHearing(_ truth: TruthSample, atNs timeNs: Int64) -> Int {
        acoustic.filter { a in
            let d = a.direction(of: truth.state.positionENU)
            return isLive(a.sensor, atNs: timeNs)
                && a.detectionProbability(kind: truth.kind, rangeM: d.rangeM) >= 0.5 * a.maxPd
        }.count
    }

    /// Whether `truth` is in coverage at `timeNs`: seen by a live radar, or
    /// heard by two live arrays (enough for a cross-fix).
    public func isCovered(_ truth: TruthSample, atNs timeNs: Int64) -> Bool {
        radarSees(truth, atNs: timeNs) || arraysHearing(truth, atNs: timeNs) >= 2
    }
}

extension HardCaseSetup {
    /// Runs the case's sensor feed for `seed` through a fresh engine and
    /// calls `body` with each 1 s snapshot and its truth-to-track matches
    /// (500 m). Returns the classification score (30 s grace).
    @discardableResult
    public func run(seed: UInt64, _ body: (RunSnapshot, [Int?]) -> Void = { _, _ in }) -> ClassificationScore {
        var engine = FusionEngine()
        var matcher = RunScorer(scoreFromNs: scenario.startNs)
        var score = ClassificationScore()
        TrackingRun.run(feed(seed: seed), scenario: scenario, engine: &engine) { s in
            let matches = matcher.match(s)
            score.add(s, matches: matches) { isCovered($0, atNs: s.timeNs) }
            body(s, matches)
        }
        return score
    }
}
