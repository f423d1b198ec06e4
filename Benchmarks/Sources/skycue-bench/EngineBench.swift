import FusionCore
import FusionMath
import Glibc
import BenchSimulation

/// What one scale point measured.
struct ScalePoint {
    var targets = 0
    var meanLiveTracks = 0.0
    var minLiveTracks = 0
    var maxLiveTracks = 0
    var detections = 0
    var datagrams = 0
    var processNs: Int64 = 0
    var maintainNs: Int64 = 0
    var maintainCalls = 0
    var maintainMaxNs: Int64 = 0
    /// One `maintain` call (the node's periodic pass, which a datagram
    /// arriving meanwhile waits behind), ns: wall p50/p99, thread CPU
    /// p50/p99/max.
    var maintainP50Ns: Int64 = 0, maintainP99Ns: Int64 = 0
    var maintainCpuP50Ns: Int64 = 0, maintainCpuP99Ns: Int64 = 0, maintainCpuMaxNs: Int64 = 0
    /// Per-datagram `process` latency, ns.
    var p50: Int64 = 0, p99: Int64 = 0, p999: Int64 = 0, maxNs: Int64 = 0
    /// The same in thread CPU time: what the engine costs when the core is
    /// not taken away (the host is shared; wall time includes preemption).
    var cpuP50: Int64 = 0, cpuP99: Int64 = 0, cpuP999: Int64 = 0, cpuMaxNs: Int64 = 0
    var processCpuNs: Int64 = 0
    var maintainCpuNs: Int64 = 0
    var allocDetections = 0
    var swiftAllocations = 0
    var mallocs = 0
    var counters = EngineCounters()
    var generateS = 0.0

    var detectionsPerS: Double { Double(detections) / (Double(processNs + maintainNs) * 1e-9) }
    var detectionsPerCpuS: Double { Double(detections) / (Double(processCpuNs + maintainCpuNs) * 1e-9) }
    var cpuNsPerDetection: Double { Double(processCpuNs + maintainCpuNs) / Double(detections) }
    var processOnlyPerS: Double { Double(detections) / (Double(processNs) * 1e-9) }
    var nsPerDetection: Double { Double(processNs + maintainNs) / Double(detections) }
    var processNsPerDetection: Double { Double(processNs) / Double(detections) }
    var maintainNsPerDetection: Double { Double(maintainNs) / Double(detections) }
    var meanBatch: Double { Double(detections) / Double(max(1, datagrams)) }
}

enum EngineBench {
    /// `--timed-s N`: a shorter timed span for quick comparisons (e.g.
    /// under valgrind's callgrind, whose instruction counts do not depend
    /// on the host's load).
    nonisolated(unsafe) static var timedOverrideS: Double?
    /// `--latency-dump FILE`: one line per timed datagram, `cpuNs wallNs
    /// plots datagramsSinceMaintain`, to see what the tail is made of.
    nonisolated(unsafe) static var latencyDumpPath: String?
    /// `--maintain-slices N`: the ageing pass in N slices instead of the
    /// engine's default (1: the whole table in one call, as before slicing).
    nonisolated(unsafe) static var maintainSlicesOverride: Int?
    static let secondNs: Int64 = 1_000_000_000
    /// One table size for every scale point, so that only the live count varies;
    /// 10,000 targets with their clutter need ~16,000 slots (tentative tracks).
    static let capacity = 20_000

    static func configuration() -> TrackerConfiguration {
        var c = TrackerConfiguration()
        c.capacity = capacity
        if let n = maintainSlicesOverride { c.maintenanceSlices = n }
        return c
    }

    /// Seconds of data timed, then counted, at each scale: enough datagrams
    /// for a p99.9 and >= 10,000 detections counted.
    static func plan(targets: Int) -> (warmS: Double, timedS: Double, countedS: Double) {
        let timedS = timedOverrideS ?? min(1_200, max(30, (400_000 / Double(targets)).rounded()))
        let perSecond = 0.9 * Double(targets) + max(1, Double(targets) / 10)
        let countedS = max(10, (12_000 / perSecond).rounded(.up))
        // Targets launch over the first quarter of the scenario: warm up past
        // it, and 20 s more so that they are confirmed.
        let warmS = ((timedS + countedS) / 4 + 20) * 4 / 3
        return (warmS.rounded(.up), timedS, countedS)
    }

    static func run(targets: Int, seed: UInt64, log: (String) -> Void) -> ScalePoint {
        let (warmS, timedS, countedS) = plan(targets: targets)
        let workload = Workload(targetCount: targets, durationS: warmS + timedS + countedS + 2, seed: seed)
        var engine = FusionEngine(configuration: configuration())
        for (sensor, period) in workload.revisits { engine.setRevisit(sensor: sensor, periodNs: period) }
        var point = ScalePoint()
        point.targets = targets

        // Warm-up, generated and fed in 20 s windows (so 10,000 targets never
        // hold all their plots at once), maintained every second.
        let t0 = workload.startNs
        let warmEnd = t0 + Int64(warmS) * secondNs
        // The ageing pass in slices, one every `1 s / N`, as the node runs it.
        let slices = engine.configuration.maintenanceSlices
        let slicePeriodNs = FusionEngine.maintenanceSlicePeriodNs(slices: slices)
        func slice(_ t: Int64) -> Int { FusionEngine.maintenanceSlice(dueAtNs: t, slices: slices) }
        var nextMaintainNs = (t0 / slicePeriodNs + 1) * slicePeriodNs
        var from = t0
        let genStart = nowNs()
        var genNs: Int64 = 0
        while from < warmEnd {
            let to = min(warmEnd, from + 20 * secondNs)
            let g0 = nowNs()
            let window = workload.batches(fromNs: from, toNs: to, seed: seed)
            genNs += nowNs() - g0
            for d in window {
                while d.arrivalNs > nextMaintainNs {
                    engine.maintain(atNs: nextMaintainNs, slice: slice(nextMaintainNs))
                    nextMaintainNs += slicePeriodNs
                }
                d.measurements.withUnsafeBufferPointer { engine.process($0) }
            }
            from = to
        }
        log("  warm-up \(Int(warmS)) s of data in \(String(format1: Double(nowNs() - genStart) * 1e-9)) s; \(engine.tracks.count) live tracks")

        // Every timed plot generated before the clock starts.
        let timedEnd = warmEnd + Int64(timedS) * secondNs
        let countedEnd = timedEnd + Int64(countedS) * secondNs
        let g0 = nowNs()
        let timed = workload.batches(fromNs: warmEnd, toNs: timedEnd, seed: seed)
        let counted = workload.batches(fromNs: timedEnd, toNs: countedEnd, seed: seed)
        genNs += nowNs() - g0
        point.generateS = Double(genNs) * 1e-9

        var latencies = [Int64](repeating: 0, count: timed.count)
        var cpuLatencies = [Int64](repeating: 0, count: timed.count)
        var liveSum = 0.0, liveMin = Int.max, liveMax = 0
        var detections = 0
        var sinceMaintain = [Int](repeating: 0, count: timed.count)
        var afterMaintain = 0
        var maintainWall: [Int64] = [], maintainCpu: [Int64] = []
        for (k, d) in timed.enumerated() {
            while d.arrivalNs > nextMaintainNs {
                afterMaintain = 0
                let c = cpuNs()
                let a = nowNs()
                engine.maintain(atNs: nextMaintainNs, slice: slice(nextMaintainNs))
                let b = nowNs() - a
                let cpu = cpuNs() - c
                maintainWall.append(b)
                maintainCpu.append(cpu)
                point.maintainCpuNs += cpu
                point.maintainNs += b
                point.maintainMaxNs = max(point.maintainMaxNs, b)
                point.maintainCalls += 1
                nextMaintainNs += slicePeriodNs
            }
            let live = engine.tracks.count
            liveSum += Double(live)
            liveMin = min(liveMin, live)
            liveMax = max(liveMax, live)
            let (elapsed, cpu) = d.measurements.withUnsafeBufferPointer { buffer in
                let c = cpuNs()
                let a = nowNs()
                engine.process(buffer)
                let b = nowNs()
                return (b - a, cpuNs() - c)
            }
            latencies[k] = elapsed
            sinceMaintain[k] = afterMaintain
            afterMaintain += 1
            cpuLatencies[k] = cpu
            point.processCpuNs += cpu
            point.processNs += elapsed
            detections += d.measurements.count
        }
        point.detections = detections
        point.datagrams = timed.count
        point.meanLiveTracks = liveSum / Double(max(1, timed.count))
        point.minLiveTracks = liveMin
        point.maxLiveTracks = liveMax
        if let path = latencyDumpPath, let f = fopen(path, "w") {
            for k in 0..<timed.count {
                fputs("\(cpuLatencies[k]) \(latencies[k]) \(timed[k].measurements.count) \(sinceMaintain[k])\n", f)
            }
            fclose(f)
        }
        latencies.sort()
        cpuLatencies.sort()
        func pct(_ q: Double, _ v: [Int64]) -> Int64 {
            v.isEmpty ? 0 : v[min(v.count - 1, max(0, Int((q * Double(v.count)).rounded(.up)) - 1))]
        }
        (point.p50, point.p99, point.p999) = (pct(0.50, latencies), pct(0.99, latencies), pct(0.999, latencies))
        point.maxNs = latencies.last ?? 0
        (point.cpuP50, point.cpuP99, point.cpuP999) =
            (pct(0.50, cpuLatencies), pct(0.99, cpuLatencies), pct(0.999, cpuLatencies))
        point.cpuMaxNs = cpuLatencies.last ?? 0
        maintainWall.sort()
        maintainCpu.sort()
        (point.maintainP50Ns, point.maintainP99Ns) = (pct(0.50, maintainWall), pct(0.99, maintainWall))
        (point.maintainCpuP50Ns, point.maintainCpuP99Ns) = (pct(0.50, maintainCpu), pct(0.99, maintainCpu))
        point.maintainCpuMaxNs = maintainCpu.last ?? 0

        // Allocations, untimed (the hooks slow every retain and release).
        var swiftAllocs = 0, mallocs = 0, allocDetections = 0
        for d in counted {
            while d.arrivalNs > nextMaintainNs {
                let t = nextMaintainNs
                swiftAllocs += SwiftAllocations.counting {
                    mallocs += MallocCounter.counting { engine.maintain(atNs: t, slice: slice(t)) }
                }
                nextMaintainNs += slicePeriodNs
            }
            d.measurements.withUnsafeBufferPointer { buffer in
                swiftAllocs += SwiftAllocations.counting {
                    mallocs += MallocCounter.counting { engine.process(buffer) }
                }
            }
            allocDetections += d.measurements.count
        }
        point.allocDetections = allocDetections
        point.swiftAllocations = SwiftAllocations.available ? swiftAllocs : -1
        point.mallocs = mallocs
        point.counters = engine.counters
        return point
    }
}

extension String {
    init(format1 x: Double) {
        let scaled = (x * 10).rounded()
        self = "\(Int(scaled) / 10).\(abs(Int(scaled)) % 10)"
    }
}
