import FusionCore
import Simulation
import Testing

/// The class is declared by the measurement that decides it, inside
/// `FusionEngine.process`, not by the next `maintain` pass: so the node's
/// partial cueing step after that datagram can cue the track at once.
@Suite struct ClassifyOnFuseTests {
    /// Drones seen by a radar, fed batch by batch, with `maintain` once a
    /// second as the node runs it: every track's first uncrewed declaration
    /// is seen right after a `process` call, that of the plot that decided
    /// it. (Where the arrays' hints decide, the declaration comes with the
    /// next plot or pass: `FusionEngine.fuse`.)
    @Test(arguments: [HardCase.jetDrones, .radarOnlyArea])
    func uncrewedIsDeclaredByTheDecidingMeasurement(_ hardCase: HardCase) {
        let setup = hardCase.setup(seed: 1, durationS: hardCase == .radarOnlyArea ? 200 : 120)
        let feed = setup.feed(seed: 1)
        var engine = FusionEngine()
        for r in feed.revisits { engine.setRevisit(sensor: r.sensor, periodNs: r.periodNs) }
        var declared: Set<UInt32> = []
        var inProcess = 0, inMaintain = 0
        func look(_ engine: borrowing FusionEngine) -> Int {
            var n = 0
            engine.forEachReportableTrack(atNs: Int64.min) { v in
                if v.belief.declared == .uncrewed && !declared.contains(v.id) {
                    declared.insert(v.id)
                    n += 1
                }
            }
            return n
        }
        var nextMaintainNs = setup.scenario.startNs + 1_000_000_000
        var buffer: [Measurement] = []
        for batch in feed.batches {
            while batch.arrivalNs > nextMaintainNs {
                engine.maintain(atNs: nextMaintainNs)
                inMaintain += look(engine)
                nextMaintainNs += 1_000_000_000
            }
            buffer.removeAll(keepingCapacity: true)
            for d in batch.detections { buffer.append(d.measurement) }
            buffer.withUnsafeBufferPointer { engine.process($0) }
            inProcess += look(engine)
        }
        print("\(hardCase): first declared uncrewed in process \(inProcess), in maintain \(inMaintain)")
        #expect(inProcess >= 3)
        #expect(inMaintain == 0)
    }
}
