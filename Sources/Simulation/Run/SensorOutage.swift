import FusionCore

/// A sensor that delivers nothing for a while: a radar that trips or loses
/// its link, an acoustic array whose battery or radio dies. Arrival times,
/// ns since the Unix epoch; `toNs` nil: for the rest of the run.
public struct SensorOutage: Sendable {
    public var sensor: SensorIndex
    public var fromNs: Int64
    public var toNs: Int64?

    public init(sensor: SensorIndex, fromNs: Int64, toNs: Int64? = nil) {
        self.sensor = sensor
        self.fromNs = fromNs
        self.toNs = toNs
    }

    /// Whether a detection of `sensor` arriving at `arrivalNs` is lost.
    public func silences(sensor: SensorIndex, arrivalNs: Int64) -> Bool {
        sensor == self.sensor && arrivalNs >= fromNs && arrivalNs < (toNs ?? .max)
    }
}

extension SensorFeed {
    /// The same feed without what `outages` silence. A batch is one
    /// datagram of one sensor, so a silenced sensor loses whole datagrams;
    /// the revisit periods stay as configured (the node does not know a
    /// sensor is dead until it stops hearing from it).
    public func silencing(_ outages: [SensorOutage]) -> SensorFeed {
        guard !outages.isEmpty else { return self }
        var copy = self
        copy.batches = batches.compactMap { batch in
            let kept = batch.detections.filter { d in
                !outages.contains { $0.silences(sensor: d.measurement.sensor, arrivalNs: batch.arrivalNs) }
            }
            return kept.isEmpty ? nil : Batch(arrivalNs: batch.arrivalNs, detections: kept)
        }
        return copy
    }
}
