import Foundation
import FusionCore
import BenchSimulation

// skycue-compare: the SkyCue half of the Stone Soup comparison (issue 8,
// Tools/compare-stonesoup/run.sh). Simulates `RadarScenario`, writes it for
// the Python side (scenario.json, detections.csv, truth.csv), runs the same
// plots through SkyCue's FusionEngine (`TrackingRun`: datagrams in arrival
// order, maintain and a snapshot of confirmed and coasting tracks every
// second) and writes skycue_tracks.csv and skycue_time.json.
//
//   skycue-compare [--targets 100] [--duration-s 120] [--seed 20261122] --out DIR

func option(_ name: String) -> String? {
    let args = Array(CommandLine.arguments.dropFirst())
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func clockNs(_ id: clockid_t) -> Int64 {
    var t = timespec()
    clock_gettime(id, &t)
    return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
}

guard let outDir = option("--out") else {
    FileHandle.standardError.write(Data("usage: skycue-compare [--targets N] [--duration-s S] [--seed N] --out DIR\n".utf8))
    exit(2)
}
let targets = Int(option("--targets") ?? "") ?? 100
let durationS = Double(option("--duration-s") ?? "") ?? 120
let seed = UInt64(option("--seed") ?? "") ?? 20_261_122

let run = RadarScenario(targets: targets, durationS: durationS, seed: seed)
let dir = URL(fileURLWithPath: outDir)
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: dir.appendingPathComponent(name))
}
try write("scenario.json", run.parametersJSON())
try write("detections.csv", run.detectionsCSV())
try write("truth.csv", run.truthCSV())

var configuration = TrackerConfiguration()
configuration.capacity = max(256, 4 * targets)
var engine = FusionEngine(configuration: configuration)
var snapshots: [RunSnapshot] = []
snapshots.reserveCapacity(Int(durationS) + 2)
let wall0 = clockNs(CLOCK_MONOTONIC), cpu0 = clockNs(CLOCK_THREAD_CPUTIME_ID)
TrackingRun.run(run.feed, scenario: run.scenario, engine: &engine) { snapshots.append($0) }
let wallNs = clockNs(CLOCK_MONOTONIC) - wall0, cpuNs = clockNs(CLOCK_THREAD_CPUTIME_ID) - cpu0

var tracks = "t_s,id,x_m,y_m,z_m,vx_mps,vy_mps,vz_mps\n"
for s in snapshots {
    for t in s.tracks {
        let p = t.estimate.position, v = t.estimate.velocity
        tracks += "\(run.seconds(s.timeNs)),\(t.id),\(p.x),\(p.y),\(p.z),\(v.x),\(v.y),\(v.z)\n"
    }
}
try write("skycue_tracks.csv", tracks)
let detections = run.feed.detectionCount
try write(
    "skycue_time.json",
    "{\"detections\": \(detections), \"datagrams\": \(run.feed.batches.count), \"wall_s\": \(Double(wallNs) * 1e-9), \"cpu_s\": \(Double(cpuNs) * 1e-9)}\n")
print(
    "skycue-compare: \(targets) targets, \(durationS) s, \(detections) plots in \(run.feed.batches.count) datagrams; "
        + "SkyCue \(Double(wallNs) * 1e-6) ms wall, \(Double(cpuNs) * 1e-6) ms CPU, "
        + "\(engine.counters.tracksConfirmed) tracks confirmed -> \(outDir)")
