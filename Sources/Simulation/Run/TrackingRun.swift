import FusionCore

/// One picture of a run: the truth and the reported tracks at one time.
public struct RunSnapshot: Sendable {
    public var timeNs: Int64
    public var truths: [TruthSample]
    public var tracks: [TrackView]
}

/// Feeds a `SensorFeed` through a `FusionEngine` in arrival order, on
/// capture time, ageing the engine and taking a snapshot every period: the
/// same loop the node runs, without sockets.
public enum TrackingRun {
    public static func run(
        _ feed: SensorFeed, scenario: Scenario, engine: inout FusionEngine,
        snapshotPeriodNs: Int64 = 1_000_000_000, onSnapshot: (RunSnapshot) -> Void
    ) {
        for r in feed.revisits { engine.setRevisit(sensor: r.sensor, periodNs: r.periodNs) }
        var buffer: [Measurement] = []
        buffer.reserveCapacity(1024)
        var nextSnapshot = scenario.startNs + snapshotPeriodNs
        // The ageing pass in slices, as the node runs it (`NodePipeline`).
        let slices = engine.configuration.maintenanceSlices
        let slicePeriodNs = FusionEngine.maintenanceSlicePeriodNs(slices: slices)
        var nextSlice = (scenario.startNs / slicePeriodNs + 1) * slicePeriodNs
        func age(through t: Int64, _ engine: inout FusionEngine) {
            while nextSlice <= t {
                engine.maintain(atNs: nextSlice, slice: FusionEngine.maintenanceSlice(dueAtNs: nextSlice, slices: slices))
                nextSlice += slicePeriodNs
            }
        }
        func snapshot(_ t: Int64, _ engine: inout FusionEngine) {
            age(through: t, &engine)
            var tracks: [TrackView] = []
            engine.forEachReportableTrack(atNs: t) { tracks.append($0) }
            onSnapshot(RunSnapshot(timeNs: t, truths: scenario.truth(atNs: t), tracks: tracks))
        }
        for batch in feed.batches {
            while batch.arrivalNs > nextSnapshot && nextSnapshot <= scenario.endNs {
                snapshot(nextSnapshot, &engine)
                nextSnapshot += snapshotPeriodNs
            }
            if batch.arrivalNs <= scenario.endNs { age(through: batch.arrivalNs - 1, &engine) }
            buffer.removeAll(keepingCapacity: true)
            for d in batch.detections { buffer.append(d.measurement) }
            buffer.withUnsafeBufferPointer { engine.process($0) }
        }
        while nextSnapshot <= scenario.endNs {
            snapshot(nextSnapshot, &engine)
            nextSnapshot += snapshotPeriodNs
        }
    }
}
