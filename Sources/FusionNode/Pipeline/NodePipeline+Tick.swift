import Cueing
import FusionCore

extension NodePipeline {
    /// Runs the periodic work at `nowNs` (the clock, or capture time in
    /// replay): ages the track picture, steps cueing (every cue event goes
    /// to `sink` at once, as report line and datagrams), and for each output
    /// whose period is due sends CAT062, CoT and track report lines, with
    /// every state predicted to `nowNs`.
    ///
    /// Call it at `nextDueNs` (replay) or from a timer (daemon); at least
    /// once per second of data time.
    public mutating func tick<S: NodeSink>(nowNs: Int64, sink: inout S) {
        flush()
        engine.maintain(atNs: nowNs)
        let out = output
        out.collect(from: engine, atNs: nowNs)
        cueing.step(atNs: nowNs, tracks: out.threatBuffer) { event in out.emitCue(event, sink: &sink) }
        let due = schedules.take(atNs: nowNs)
        if due.report { out.emitReports(atNs: nowNs, sink: &sink) }
        if due.cat062 { out.emitCat062(atNs: nowNs, sink: &sink) }
        if due.cot { out.emitCoT(atNs: nowNs, sink: &sink) }
    }
}
