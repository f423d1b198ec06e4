import FusionCore

/// How some plots are delivered late, out of order (a congested link, a
/// sensor that buffers).
public struct LateDelivery: Sendable {
    /// Share of plots delayed.
    public var fraction: Double
    /// Extra delay of a delayed plot, seconds.
    public var delayS: ClosedRange<Double>

    public init(fraction: Double, delayS: ClosedRange<Double>) {
        self.fraction = fraction
        self.delayS = delayS
    }
}

/// Everything a scenario's sensors deliver, as the batches a node receives
/// (one datagram each), in arrival order.
///
/// A radar delivers each scan in azimuth sectors, each sent when the antenna
/// has swept it; acoustic reports arrive after their delivery delay; ADS-B
/// reports one per datagram. With `late`, a share of radar plots is pulled
/// out of its sector and delivered alone, later.
public struct SensorFeed: Sendable {
    public struct Batch: Sendable {
        public var arrivalNs: Int64
        public var detections: [SimulatedDetection]
    }

    public var batches: [Batch]
    /// Radar revisit periods by sensor index, for the tracker.
    public var revisits: [(sensor: SensorIndex, periodNs: Int64)]

    public init(
        scenario: Scenario, radars: [RadarSensorModel], acoustic: [AcousticSensorModel] = [],
        adsb: ADSBModel? = nil, sectorsPerScan: Int = 8, late: LateDelivery? = nil, seed: UInt64
    ) {
        var g = SeededGenerator(seed: seed)
        var batches: [Batch] = []
        var revisits: [(sensor: SensorIndex, periodNs: Int64)] = []
        for radar in radars {
            revisits.append((radar.sensor, radar.scanPeriodNs))
            for scan in radar.scans(of: scenario, generator: &g) {
                let sectorNs = max(1, radar.scanPeriodNs / Int64(max(1, sectorsPerScan)))
                var sectors = [[SimulatedDetection]](repeating: [], count: max(1, sectorsPerScan))
                for d in scan.detections {
                    if let late, g.uniform() < late.fraction {
                        let delay = Int64(g.uniform(late.delayS.lowerBound, late.delayS.upperBound) * 1e9)
                        batches.append(Batch(arrivalNs: d.measurement.timeNs + delay, detections: [d]))
                        continue
                    }
                    let k = Int((d.measurement.timeNs - scan.startNs) / sectorNs)
                    sectors[min(sectors.count - 1, max(0, k))].append(d)
                }
                for (k, plots) in sectors.enumerated() where !plots.isEmpty {
                    let sectorEnd = scan.startNs + Int64(k + 1) * sectorNs
                    let newest = plots.map(\.measurement.timeNs).max() ?? sectorEnd
                    batches.append(Batch(arrivalNs: max(sectorEnd, newest), detections: plots))
                }
            }
        }
        for sensor in acoustic {
            revisits.append((sensor.sensor, sensor.reportPeriodNs))
            for report in sensor.reports(of: scenario, generator: &g) where !report.detections.isEmpty {
                batches.append(Batch(arrivalNs: report.arrivalNs, detections: report.detections))
            }
        }
        if let adsb {
            for d in adsb.reports(of: scenario, generator: &g) {
                batches.append(Batch(arrivalNs: d.measurement.timeNs, detections: [d]))
            }
        }
        self.batches = Self.inArrivalOrder(batches)
        self.revisits = revisits
    }

    public var detectionCount: Int { batches.reduce(0) { $0 + $1.detections.count } }

    /// Sorted by arrival; stable, so equal arrival times keep their generation order.
    static func inArrivalOrder(_ batches: [Batch]) -> [Batch] {
        batches.enumerated().sorted {
            ($0.element.arrivalNs, $0.offset) < ($1.element.arrivalNs, $1.offset)
        }.map(\.element)
    }
}

extension SensorFeed {
    /// The same detections, with a share of them pulled out of their batch
    /// and delivered alone, later: the out-of-order stream a congested link
    /// gives. Only radar plots are delayed.
    public func delaying(_ late: LateDelivery, seed: UInt64) -> SensorFeed {
        var g = SeededGenerator(seed: seed)
        var out: [Batch] = []
        for batch in batches {
            var kept: [SimulatedDetection] = []
            for d in batch.detections {
                if d.measurement.kind == .radar && g.uniform() < late.fraction {
                    let delay = Int64(g.uniform(late.delayS.lowerBound, late.delayS.upperBound) * 1e9)
                    out.append(Batch(arrivalNs: batch.arrivalNs + delay, detections: [d]))
                } else {
                    kept.append(d)
                }
            }
            if !kept.isEmpty { out.append(Batch(arrivalNs: batch.arrivalNs, detections: kept)) }
        }
        var copy = self
        copy.batches = Self.inArrivalOrder(out)
        return copy
    }
}
