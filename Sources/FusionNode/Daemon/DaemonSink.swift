import CLinux
import Glibc
import WireFormats

/// Where the daemon's pipeline output goes: each datagram to its resolved
/// endpoint (CAT062, CoT, and each cue endpoint by its index in
/// `outputs.cues`), each cue's latency into the histogram, each cue line
/// to the recording's cue log, and a log line per cue event.
///
/// Latency of a cue that a datagram caused (sent while the pipeline
/// processes that datagram): from the datagram's kernel receive time
/// (`causeArrivalNs`, set by the loop around `receive`) to the moment the
/// cue datagram is handed to the kernel (CLOCK_REALTIME). `processing`:
/// the same from the moment the loop read the datagram's batch
/// (`causeReadNs`), which leaves out the wait in the socket for the
/// fusion thread; `processingCPU`: the fusion thread's CPU time over that
/// span (`causeReadCPUNs`), which also leaves out the time the thread was
/// not running (preempted on a busy host). Cues of the periodic tick have
/// no causing datagram and are not observed.
struct DaemonSink: NodeSink {
    var socket: OutputSocket
    var cat062: ResolvedEndpoint?
    var cot: ResolvedEndpoint?
    var cues: [ResolvedEndpoint]
    var latency = LatencyHistogram()
    var processing = LatencyHistogram()
    var causeReadNs: Int64?
    var processingCPU = LatencyHistogram()
    var causeReadCPUNs: Int64?
    var causeArrivalNs: Int64?
    var cueLog: CueLog?
    let log: DaemonLog

    /// Resolves every configured output of `outputs`.
    init(outputs: OutputSettings, socket: OutputSocket, log: DaemonLog) throws(DaemonError) {
        self.socket = socket
        self.log = log
        cat062 = nil
        cot = nil
        cues = []
        try resolve(outputs)
    }

    /// (Re)resolves every endpoint; on a failure nothing changes.
    mutating func resolve(_ outputs: OutputSettings) throws(DaemonError) {
        let newCat062 = try outputs.cat062.map { (e: NetworkEndpoint) throws(DaemonError) in try ResolvedEndpoint(e) }
        let newCot = try outputs.cot.map { (e: NetworkEndpoint) throws(DaemonError) in try ResolvedEndpoint(e) }
        var newCues: [ResolvedEndpoint] = []
        for c in outputs.cues { newCues.append(try ResolvedEndpoint(c.endpoint)) }
        for e in [newCat062, newCot].compactMap({ $0 }) + newCues { socket.prepare(for: e) }
        cat062 = newCat062
        cot = newCot
        cues = newCues
    }

    mutating func send(_ bytes: UnsafeRawBufferPointer, to output: NodeOutput, atNs timeNs: Int64) {
        switch output.kind {
        case .cat062:
            if cat062 != nil { socket.send(bytes, to: &cat062!) }
        case .cotTrack:
            if cot != nil { socket.send(bytes, to: &cot!) }
        case .cueBinary, .cueCoT:
            guard output.endpointIndex < cues.count else { return }
            socket.send(bytes, to: &cues[output.endpointIndex])
            let sentNs = Clock.realtimeNs()
            if let start = causeArrivalNs { latency.observe(sentNs - start) }
            if let read = causeReadNs { processing.observe(sentNs - read) }
            if let read = causeReadCPUNs { processingCPU.observe(Clock.threadCPUNs() - read) }
        }
    }

    mutating func trackReport(_ line: TrackReportLine, json: UnsafeRawBufferPointer) {}

    /// The node writes no tracks.jsonl (CAT062 and CoT carry the picture).
    var wantsTrackReports: Bool { false }

    /// The line goes to the cue log (buffered, made durable after the
    /// wake-up) and to the journal's pending lines (written after the
    /// wake-up): neither waits for a disk or the journal here, so the next
    /// cue and the next datagram do not either.
    mutating func cueReport(_ line: CueReportLine, json: UnsafeRawBufferPointer) {
        cueLog?.append(json)
        log.cue(line)
    }
}

/// The node's clocks, read in one place.
enum Clock {
    /// CLOCK_REALTIME, ns since the Unix epoch: the node's time.
    static func realtimeNs() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }

    /// CLOCK_THREAD_CPUTIME_ID, ns: the calling thread's CPU time.
    static func threadCPUNs() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }

    /// CLOCK_MONOTONIC, ns: for intervals that must not jump.
    static func monotonicNs() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }
}
