import FusionCore
import Glibc
import BenchSimulation

/// Resident memory of a process holding `targets` live tracks, measured in a
/// child process of its own so that no pre-generated plot of the timed runs
/// is counted: plots are generated in 10 s windows, fed and dropped, and
/// glibc is asked to return free heap (`malloc_trim`) before VmRSS is read.
/// Without clutter, so that the live tracks are the targets' (with clutter
/// 10,000 targets keep ~16,000 tracks alive, most of them tentative).
struct MemoryFigures {
    var baselineKiB = 0
    var afterInitKiB = 0
    var steadyKiB = 0
    var peakKiB = 0
    var liveTracks = 0
    var recordBytes = 0
    var capacity = 0
    /// Lag-window entries (`LagEntryPool`) held at the end, the most held
    /// at once, the pool's size and the bytes of one entry.
    var lagEntries = 0
    var lagEntriesPeak = 0
    var lagPoolCapacity = 0
    var lagEntryBytes = 0

    var line: String {
        "\(baselineKiB) \(afterInitKiB) \(steadyKiB) \(peakKiB) \(liveTracks) \(recordBytes) \(capacity)"
            + " \(lagEntries) \(lagEntriesPeak) \(lagPoolCapacity) \(lagEntryBytes)"
    }

    init() {}

    init?(line: String) {
        let v = line.split(separator: " ").compactMap { Int($0.trimmingCharacters()) }
        guard v.count == 11 else { return nil }
        (baselineKiB, afterInitKiB, steadyKiB, peakKiB, liveTracks, recordBytes, capacity) =
            (v[0], v[1], v[2], v[3], v[4], v[5], v[6])
        (lagEntries, lagEntriesPeak, lagPoolCapacity, lagEntryBytes) = (v[7], v[8], v[9], v[10])
    }
}

enum MemoryBench {
    /// Runs in the child: prints `MemoryFigures.line`.
    static func measure(targets: Int, seed: UInt64) -> MemoryFigures {
        var f = MemoryFigures()
        mallocTrim(0)
        f.baselineKiB = procStatusKiB("VmRSS")
        let (warmS, _, _) = EngineBench.plan(targets: targets)
        let runS = warmS + 30
        let workload = Workload(targetCount: targets, durationS: runS + 2, seed: seed, clutter: false)
        var engine = FusionEngine(configuration: EngineBench.configuration())
        f.capacity = engine.tracks.capacity
        f.recordBytes = MemoryLayout<TrackRecord<FusionEngine.Filter>>.stride
        for (sensor, period) in workload.revisits { engine.setRevisit(sensor: sensor, periodNs: period) }
        mallocTrim(0)
        f.afterInitKiB = procStatusKiB("VmRSS")
        let second = EngineBench.secondNs
        let end = workload.startNs + Int64(runS) * second
        var from = workload.startNs, next = from + second
        while from < end {
            let to = min(end, from + 10 * second)
            let window = workload.batches(fromNs: from, toNs: to, seed: seed)
            for d in window {
                while d.arrivalNs > next {
                    engine.maintain(atNs: next)
                    next += second
                }
                d.measurements.withUnsafeBufferPointer { engine.process($0) }
            }
            from = to
        }
        mallocTrim(0)
        f.steadyKiB = procStatusKiB("VmRSS")
        f.peakKiB = procStatusKiB("VmHWM")
        f.liveTracks = engine.tracks.count
        f.lagEntries = engine.lagPool.inUse
        f.lagEntriesPeak = engine.lagPool.peakInUse
        f.lagPoolCapacity = engine.lagPool.capacity
        f.lagEntryBytes = MemoryLayout<LaggedMeasurement>.stride
        return f
    }

    /// Runs `self --rss-child targets` and parses its last line.
    static func inChild(targets: Int, seed: UInt64) -> MemoryFigures? {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        let args = ["/proc/self/exe", "--rss-child", "\(targets)", "--seed", "\(seed)"]
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/proc/self/exe", &actions, nil, &argv, environ) == 0 else { return nil }
        close(fds[1])
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            output += buffer[0..<n]
        }
        close(fds[0])
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let text = String(decoding: output, as: UTF8.self)
        guard let last = text.split(separator: "\n").last else { return nil }
        return MemoryFigures(line: String(last))
    }
}
