import FusionCore
import Glibc

// skycue-bench: FusionEngine throughput, per-datagram latency, allocations,
// resident memory and the scaling curve, on this machine, in one run.
//
//   skycue-bench [--scales 10,100,1000,10000] [--seed N] [--out DIR] [--command TEXT]
//                [--timed-s N] [--latency-dump FILE] [--maintain-slices N]
//
// Writes DIR/RESULTS.md and DIR/scaling.svg when --out is given.

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    let args = Array(CommandLine.arguments.dropFirst())
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

/// Prints and flushes, so that progress shows through a pipe.
func say(_ line: String) {
    print(line)
    fflush(nil)
}
let seed = UInt64(option("--seed") ?? "") ?? 20_261_122

if let child = option("--rss-child"), let targets = Int(child) {
    print(MemoryBench.measure(targets: targets, seed: seed).line)
    exit(0)
}

EngineBench.timedOverrideS = option("--timed-s").flatMap { Double($0) }
EngineBench.latencyDumpPath = option("--latency-dump")
EngineBench.maintainSlicesOverride = option("--maintain-slices").flatMap { Int($0) }.map { max(1, $0) }
let scales = (option("--scales") ?? "10,100,1000,10000").split(separator: ",").compactMap { Int($0) }
let rssTargets = Int(option("--rss-targets") ?? "") ?? 10_000
let outDir = option("--out")
let command = option("--command") ?? "skycue-bench " + arguments.joined(separator: " ")

let loadAtStart = loadAverage()
say("skycue-bench: \(cpuModel()), \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) online CPUs, load \(loadAtStart), \(utcDate())")
// The counters must see allocations, so that a zero below means something.
@inline(never) func probeArray(_ n: Int) -> [Int] { Array(repeating: n, count: n + 1) }
var sink: [[Int]] = []
sink.reserveCapacity(16)
var probeMallocs = 0
let probeSwift = SwiftAllocations.counting {
    probeMallocs = MallocCounter.counting {
        for i in 0..<10 { sink.append(probeArray(i)) }
        let p = UnsafeMutablePointer<Double>.allocate(capacity: 1_000)
        p.deallocate()
    }
}
say("allocation counters: \(probeSwift) swift_allocObject and \(probeMallocs) malloc calls for 10 arrays + 1 raw buffer (expect >= 10 and >= 11)")
if probeSwift < 10 || probeMallocs < 11 {
    say("allocation counters do not work here")
    exit(1)
}
let components = Components.measure()
say("one track (StandardIMM, 3D Doppler radar plot), CPU ns per call: predict \(fixed(components.predictNs, 0)), innovation \(fixed(components.innovationNs, 0)), gate test \(fixed(components.gateNs, 0)), update \(fixed(components.updateNs, 0)); sizes: TrackRecord \(components.recordBytes) B, filter \(components.filterBytes) B, Measurement \(components.measurementBytes) B")
if arguments.contains("--components") { exit(0) }
var points: [ScalePoint] = []
for n in scales {
    let plan = EngineBench.plan(targets: n)
    say("\(n) targets: warm-up \(Int(plan.warmS)) s, timed \(Int(plan.timedS)) s, counted \(Int(plan.countedS)) s of data")
    let p = EngineBench.run(targets: n, seed: seed) { say($0) }
    say("  \(grouped(Int(p.detectionsPerS))) det/s wall, \(grouped(Int(p.detectionsPerCpuS))) det/s CPU, p99 \(micros(p.p99)) µs wall, \(micros(p.cpuP99)) µs CPU, \(Report.allocationCell(p)) allocations, \(p.counters.tracksConfirmed) confirmed, \(p.counters.tableFull) refused (table full), \(p.counters.pairBudgetExceeded) pairs over budget")
    points.append(p)
}
say("")
say(Report.table(points))

say("")
var memory: MemoryFigures?
if rssTargets > 0 {
    say("resident memory with \(rssTargets) targets (child process) ...")
    memory = MemoryBench.inChild(targets: rssTargets, seed: seed)
}
if let m = memory {
    say("  VmRSS \(fixed(Double(m.steadyKiB) / 1024, 1)) MiB with \(m.liveTracks) live tracks (process start \(fixed(Double(m.baselineKiB) / 1024, 1)) MiB, after engine init \(fixed(Double(m.afterInitKiB) / 1024, 1)) MiB, VmHWM \(fixed(Double(m.peakKiB) / 1024, 1)) MiB); track record \(m.recordBytes) B x capacity \(m.capacity); lag entries \(m.lagEntries) (peak \(m.lagEntriesPeak)) of \(m.lagPoolCapacity), \(m.lagEntryBytes) B each")
} else if rssTargets > 0 {
    say("  failed")
}
let loadAtEnd = loadAverage()
say("load average at the end: \(loadAtEnd)")

if let outDir {
    let svgOK = writeFile(outDir + "/scaling.svg", Report.svg(points))
    let md = Results.markdown(points: points, components: components, memory: memory, command: command, seed: seed, load: (loadAtStart, loadAtEnd))
    let mdOK = writeFile(outDir + "/RESULTS.md", md)
    say("wrote \(outDir)/RESULTS.md (\(mdOK)) and \(outDir)/scaling.svg (\(svgOK))")
}
