import FusionCore
import FusionMath
import Simulation
import Testing

/// Monte-Carlo consistency of the CV EKF with a 3D radar: when the truth
/// moves exactly as the model says, the normalised estimation error squared
/// (NEES, 6 dof) averaged over runs must sit in its chi-square band.
@Suite struct ConsistencyTests {
    static let runs = 200
    static let scans = 60
    static let checkedScans = [20, 30, 40, 50, 60]

    /// Average NEES after each scan over `runs` Monte-Carlo runs: a target
    /// 6-12 km out (so that 60 s at up to 50 m/s stays in 5-15 km), CV truth
    /// with the model's own process noise, 3D radar every second with
    /// 8 m, 0.35 deg, 0.6 deg; the filter starts from the first plot.
    static func averageNEES(seed: UInt64) throws -> [Double] {
        let model = NearlyConstantVelocity.droneDefault
        let pose = SensorPose(positionENU: Vector3(0, 0, 15))
        let sigmaAz = 0.35 * Math.radiansPerDegree, sigmaEl = 0.6 * Math.radiansPerDegree
        var neesSum = [Double](repeating: 0, count: Self.scans + 1)
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<Self.runs {
            let r = rng.uniform(6000, 12_000), az = rng.uniform(-Double.pi, Double.pi)
            let speed = rng.uniform(0, 50), heading = rng.uniform(-Double.pi, Double.pi)
            var truth = StateVector([
                r * Math.sin(az), r * Math.cos(az), rng.uniform(100, 1500),
                speed * Math.sin(heading), speed * Math.cos(heading), rng.uniform(-5, 5),
            ])
            let first = TestSupport.radarPlot(
                truth, pose: pose, timeNs: TestSupport.t0Ns, sigmaRangeM: 8, sigmaAzRad: sigmaAz, sigmaElRad: sigmaEl,
                &rng)
            var filter = ExtendedKalmanFilter(model: model, state: try MeasurementStateInitializer().state(from: first))
            for k in 1...Self.scans {
                truth = TestSupport.cvTruthStep(
                    truth, dt: 1, qh: model.horizontalNoiseDensity, qv: model.verticalNoiseDensity, &rng)
                let plot = TestSupport.radarPlot(
                    truth, pose: pose, timeNs: TestSupport.t0Ns + Int64(k) * TestSupport.secondNs, sigmaRangeM: 8,
                    sigmaAzRad: sigmaAz, sigmaElRad: sigmaEl, &rng)
                try filter.update(with: plot)
                neesSum[k] += try TestSupport.nees(filter.state, truth: truth)
            }
        }
        return neesSum.map { $0 / Double(Self.runs) }
    }

    @Test func extendedKalmanFilterNEESInChiSquareBand() throws {
        let nees = try Self.averageNEES(seed: 31)
        let dof = Double(6 * Self.runs)
        let lower = TestSupport.chiSquareQuantile(0.025, dof: dof) / Double(Self.runs)
        let upper = TestSupport.chiSquareQuantile(0.975, dof: dof) / Double(Self.runs)
        for k in Self.checkedScans {
            let average = nees[k]
            #expect(average >= lower && average <= upper, "scan \(k): average NEES \(average) not in [\(lower), \(upper)]")
        }
    }
}
