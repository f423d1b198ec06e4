import BenchSimulation
import FusionCore
import FusionMath

/// The cost of the filter operations the engine repeats per detection, on
/// one real track: what the per-detection figures are made of.
struct ComponentFigures {
    /// Thread CPU ns per call.
    var predictNs = 0.0
    var innovationNs = 0.0
    /// `gateInnovation(for:)`: what the engine's gate runs per candidate track.
    var gateNs = 0.0
    var updateNs = 0.0
    var recordBytes = MemoryLayout<TrackRecord<FusionEngine.Filter>>.stride
    var filterBytes = MemoryLayout<FusionEngine.Filter>.stride
    var measurementBytes = MemoryLayout<Measurement>.stride
    var checksum = 0.0
}

enum Components {
    static func measure(iterations: Int = 20_000) -> ComponentFigures {
        var f = ComponentFigures()
        // One piston drone under one radar: its plots from three successive scans.
        let scenario = Scenario.single(kind: .pistonDrone, rangeM: 8_000, durationS: 60, seed: 3)
        var radar = RadarSensorModel(sensor: 1, positionENU: Vector3(0, 0, 20), frame: scenario.frame)
        radar.clutterMeanPerScan = 0
        let feed = SensorFeed(scenario: scenario, radars: [radar], seed: 3)
        let plots = feed.batches.flatMap(\.detections).filter { $0.truthID != nil }.map(\.measurement)
        guard plots.count >= 12 else { return f }
        let (m1, m2, m3) = (plots[9], plots[10], plots[11])
        let engine = FusionEngine()
        guard let start = try? engine.initializer.state(from: m1, then: m2) else { return f }
        var base = StandardIMM.standard(state: start)
        _ = try? base.update(with: m2)

        var sum = 0.0
        var c = cpuNs()
        for _ in 0..<iterations {
            var g = base
            g.predict(to: m3.timeNs)
            sum += g.state.mean[0]
        }
        f.predictNs = Double(cpuNs() - c) / Double(iterations)
        c = cpuNs()
        for _ in 0..<iterations {
            if let s = try? base.innovation(for: m3) { sum += s.normalisedSquared }
        }
        f.innovationNs = Double(cpuNs() - c) / Double(iterations)
        c = cpuNs()
        for _ in 0..<iterations {
            if let s = try? base.gateInnovation(for: m3) { sum += s.normalisedSquared }
        }
        f.gateNs = Double(cpuNs() - c) / Double(iterations)
        c = cpuNs()
        for _ in 0..<iterations {
            var g = base
            _ = try? g.update(with: m3)
            sum += g.state.mean[0]
        }
        f.updateNs = Double(cpuNs() - c) / Double(iterations)
        f.checksum = sum
        return f
    }
}
