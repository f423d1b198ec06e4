import Cueing
import FusionCore

extension NodePipeline {
    /// Runs the periodic work at `nowNs` (the clock, or capture time in
    /// replay): the slice of the engine's ageing pass that is due
    /// (`PipelineSchedules`), then cues the tracks that slice re-declared
    /// (a track that stops being uncrewed has its cue cancelled at once);
    /// each whole second and output period, and after a slice deleted a
    /// track declared uncrewed (so that its cue is cancelled at its
    /// deletion), steps cueing over every track (`CueingEngine.periodicStep`;
    /// every cue event goes to `sink` at once, as datagrams and report
    /// line), and for each output whose period is due sends CAT062, CoT and
    /// track report lines, with every state predicted to `nowNs`.
    ///
    /// Call it at `nextDueNs` (replay) or from a timer (daemon).
    public mutating func tick<S: NodeSink>(nowNs: Int64, sink: inout S) {
        flush()
        let due = schedules.take(atNs: nowNs)
        switch due.ageing {
        case .slice(let k): engine.maintain(atNs: nowNs, slice: k)
        case .all: engine.maintain(atNs: nowNs)
        case nil: break
        }
        cueUpdatedTracks(atNs: nowNs, sink: &sink)
        guard due.periodic || engine.removedDeclaredUncrewed else { return }
        engine.removedDeclaredUncrewed = false
        let out = output
        // Cues first, from the tracks cueing can act on; then the whole
        // picture predicted for the outputs that are due.
        out.collectThreats(from: engine, atNs: nowNs)
        cueing.periodicStep(atNs: nowNs, tracks: out.threatBuffer) { event in out.emitCue(event, sink: &sink) }
        let report = due.report && sink.wantsTrackReports
        guard report || due.cat062 || due.cot else { return }
        out.collect(from: engine, atNs: nowNs)
        if report { out.emitReports(atNs: nowNs, sink: &sink) }
        if due.cat062 { out.emitCat062(atNs: nowNs, sink: &sink) }
        if due.cot { out.emitCoT(atNs: nowNs, sink: &sink) }
    }
}
