import FusionNode
import Testing
import WireFormats

/// The cue a plot causes leaves while the pipeline processes that plot:
/// `receive(...sink:)` re-cues the tracks a datagram updated and sends
/// their cue datagrams before it returns, stamped with the datagram's
/// arrival time; the periodic tick sends the rest, stamped with its time.
@Suite struct PlotCausedCueTests {
    typealias S = SyntheticSite

    @Test func cuesOfUpdatedTracksLeaveDuringTheirDatagramsReceive() throws {
        var pipeline = try NodePipeline(configuration: try S.configuration(), origin: S.origin)
        // 40 s of a radar drone and an ADS-B drone declaring itself a UAV.
        let datagrams = try PipelineAllocationChild.datagrams(frame: pipeline.frame, acoustic: false)
        var sink = CollectingNodeSink()
        var caused: [CueMessage] = [], ticked: [CueMessage] = []
        for d in datagrams {
            while let due = pipeline.nextDueNs, due <= d.at {
                let before = sink.cueLines.count
                pipeline.tick(nowNs: due, sink: &sink)
                for line in sink.cueLines[before...] {
                    #expect(line.cue.timeNs == due)
                    ticked.append(line.cue)
                }
            }
            let before = sink.cueLines.count, sentBefore = sink.sent.count
            pipeline.receive(datagram: d.bytes, destinationPort: d.port, arrivalNs: d.at, sink: &sink)
            let cues = sink.cueLines[before...].map(\.cue)
            let datagramsOut = sink.sent[sentBefore...].filter { $0.output.kind == .cueBinary }
            // One binary cue endpoint: each cue's datagram went out in this call.
            #expect(datagramsOut.count == cues.count)
            for (cue, out) in zip(cues, datagramsOut) {
                #expect(cue.timeNs == d.at && out.timeNs == d.at)
            }
            caused += cues
        }
        print("PlotCausedCueTests: caused \(caused.map { "\($0.kind)" }), ticked \(ticked.map { "\($0.kind)" })")
        // The new cue leaves with the datagram whose plot declared the
        // track uncrewed (the engine classifies as it fuses), not with the
        // next periodic pass.
        #expect(caused.contains { $0.kind == .new })
        #expect(!ticked.contains { $0.kind == .new })
        // Updates follow the plots that move the intercept.
        #expect(caused.filter { $0.kind == .update }.count >= 5, "caused: \(caused.count)")
        // Whichever path sent them: one sequence, strictly increasing, and
        // no second `new` for a track before its cue is cancelled.
        let all = (caused + ticked).sorted { $0.sequence < $1.sequence }
        #expect(Set(all.map(\.sequence)).count == all.count)
        var active: Set<UInt32> = []
        for cue in all {
            switch cue.kind {
            case .new: #expect(active.insert(cue.trackId).inserted, "duplicate new cue for track \(cue.trackId)")
            case .update: #expect(active.contains(cue.trackId))
            case .cancel: active.remove(cue.trackId)
            }
        }
        // Time order is sequence order: a cue never goes out before an older decision.
        let times = (caused + ticked).sorted { $0.sequence < $1.sequence }.map(\.timeNs)
        #expect(times == times.sorted())
    }
}
