import FusionCore
import FusionMath
import BenchSimulation

/// A simulated raid of `targetCount` targets at constant density: tiles of
/// at most 100 targets wandering in a 24 km square, each under its own 3D
/// radar (1 s scan, Pd 0.9, 8 sector datagrams per scan) with clutter of a
/// tenth of the tile's targets per scan. Tiles sit 30 km apart in one
/// tracking frame, so the number of tracks grows while the neighbours of
/// each detection do not: the scaling curve then shows what the table,
/// the grid and `maintain` cost per track, not a denser raid.
///
/// Each tile is simulated in its own frame (radar at the origin) and moved
/// into the tracking frame by offsetting the sensor position in every
/// measurement: the measurement geometry is relative to the sensor, so the
/// target moves with it, exactly.
struct Workload {
    static let tileTargets = 100
    static let tileHalfWidthM = 12_000.0
    static let tileSpacingM = 30_000.0

    let targetCount: Int
    let tiles: [(scenario: Scenario, radar: RadarSensorModel, offset: Vector3)]
    let startNs: Int64
    let endNs: Int64

    /// `clutter`: whether the radars report clutter (10 % of their targets per scan).
    init(targetCount: Int, durationS: Double, seed: UInt64, clutter: Bool = true) {
        self.targetCount = targetCount
        let tileCount = (targetCount + Self.tileTargets - 1) / Self.tileTargets
        let columns = Int(Double(tileCount).squareRoot().rounded(.up))
        var tiles: [(Scenario, RadarSensorModel, Vector3)] = []
        var remaining = targetCount
        for k in 0..<tileCount {
            let n = min(remaining, Self.tileTargets)
            remaining -= n
            let scenario = Scenario.randomTargets(
                count: n, halfWidthM: Self.tileHalfWidthM, durationS: durationS, seed: seed &+ UInt64(k) &* 7919)
            var radar = RadarSensorModel(
                sensor: SensorIndex(k + 1), positionENU: Vector3(0, 0, 20), frame: scenario.frame)
            radar.clutterMeanPerScan = clutter ? max(1, Double(n) / 10) : 0
            radar.maxRangeM = 20_000
            radar.appliesHorizon = false  // low birds far out would vanish; keep the count steady
            let offset = Vector3(
                Double(k % columns) * Self.tileSpacingM, Double(k / columns) * Self.tileSpacingM, 0)
            tiles.append((scenario, radar, offset))
        }
        self.tiles = tiles
        startNs = tiles[0].0.startNs
        endNs = tiles[0].0.endNs
    }

    /// Every datagram of every tile arriving in `[fromNs, toNs)`, in arrival
    /// order, as the engine's measurements. Scans are generated for a
    /// slightly wider window so that a sector straddling the edge is whole.
    func batches(fromNs: Int64, toNs: Int64, seed: UInt64) -> [Datagram] {
        var out: [Datagram] = []
        for (k, tile) in tiles.enumerated() {
            let s = tile.scenario
            let window = Scenario(
                frame: s.frame, startNs: max(s.startNs, fromNs - 2_000_000_000), endNs: min(s.endNs, toNs),
                seed: s.seed, targets: s.targets)
            let feed = SensorFeed(
                scenario: window, radars: [tile.radar],
                seed: seed &+ UInt64(k) &* 104_729 &+ UInt64(truncatingIfNeeded: fromNs / 1_000_000_000))
            for batch in feed.batches where batch.arrivalNs >= fromNs && batch.arrivalNs < toNs {
                var ms = batch.detections.map(\.measurement)
                for i in ms.indices { ms[i].pose.positionENU = ms[i].pose.positionENU + tile.offset }
                out.append(Datagram(arrivalNs: batch.arrivalNs, tile: k, measurements: ms))
            }
        }
        out.sort { ($0.arrivalNs, $0.tile) < ($1.arrivalNs, $1.tile) }
        return out
    }

    /// Radar revisit periods, for `FusionEngine.setRevisit`.
    var revisits: [(SensorIndex, Int64)] { tiles.map { ($0.radar.sensor, $0.radar.scanPeriodNs) } }
}

/// One datagram's plots as the node hands them to the engine.
struct Datagram {
    var arrivalNs: Int64
    var tile: Int
    var measurements: [Measurement]
}
