import FusionCore
import FusionMath
import Simulation
import Testing

/// A drone flying legs and 20 deg/s turns, seen by a 3D radar every second:
/// the IMM must follow the turns much better than a quiet CV filter.
@Suite struct ManoeuvreTests {
    static let sigmaRangeM = 8.0
    static let sigmaAzRad = 0.35 * Math.radiansPerDegree
    static let sigmaElRad = 0.6 * Math.radiansPerDegree

    /// Truth sampled every second: 30-50 m/s at 100-400 m, 5-15 km from the
    /// radar, alternating straight legs of 6-15 s and turns of 90-270 deg
    /// at 20 deg/s, left or right at random. Integrated exactly (the
    /// velocity rotates at the turn rate) in 0.1 s substeps.
    static func turningTruth(
        seconds: Int, speedMps: ClosedRange<Double> = 30...50, turnRateDeg: Double = 20, _ rng: inout SeededGenerator
    ) -> [StateVector] {
        let range = rng.uniform(8000, 11_000), bearing = rng.uniform(-Double.pi, Double.pi)
        let speed = rng.uniform(speedMps.lowerBound, speedMps.upperBound), heading = rng.uniform(-Double.pi, Double.pi)
        var x = StateVector([
            range * Math.sin(bearing), range * Math.cos(bearing), rng.uniform(100, 400),
            speed * Math.sin(heading), speed * Math.cos(heading), 0,
        ])
        var out = [x]
        var turning = false
        var remaining = rng.uniform(6, 15)
        var rate = 0.0
        let substep = 0.1
        for _ in 0..<(seconds * 10) {
            if remaining <= 0 {
                turning.toggle()
                if turning {
                    rate = (rng.uniform() < 0.5 ? -1 : 1) * turnRateDeg * Math.radiansPerDegree
                    remaining = rng.uniform(90, 270) * Math.radiansPerDegree / abs(rate)
                } else {
                    rate = 0
                    remaining = rng.uniform(6, 15)
                }
            }
            let c = Math.cos(rate * substep), s = Math.sin(rate * substep)
            let ve = x[3], vn = x[4]
            if rate == 0 {
                x[0] += ve * substep
                x[1] += vn * substep
            } else {
                x[0] += (s * ve - (1 - c) * vn) / rate
                x[1] += ((1 - c) * ve + s * vn) / rate
            }
            x[3] = c * ve - s * vn
            x[4] = s * ve + c * vn
            remaining -= substep
            out.append(x)
        }
        // Keep one sample per second.
        var perSecond: [StateVector] = []
        for i in stride(from: 0, to: out.count, by: 10) { perSecond.append(out[i]) }
        return perSecond
    }

    /// Position RMS error (m) of `filter` over a run, from the 10th scan on.
    static func rmsError<F: TrackFilter>(
        _ make: (GaussianState) -> F, truth: [StateVector], plots: [Measurement]
    ) throws -> Double {
        let start = try MeasurementStateInitializer().state(from: plots[0], then: plots[1])
        var filter = make(start)
        var sum = 0.0
        var n = 0
        for k in 2..<plots.count {
            try filter.update(with: plots[k])
            if k >= 10 {
                let e = filter.state.position - Vector3(truth[k][0], truth[k][1], truth[k][2])
                sum += e.squaredNorm
                n += 1
            }
        }
        return (sum / Double(n)).squareRoot()
    }

    @Test func immFollowsTurnsBetterThanQuietConstantVelocity() throws {
        for seed in UInt64(1)...8 {
            var rng = SeededGenerator(seed: 100 + seed)
            let truth = Self.turningTruth(seconds: 180, &rng)
            let pose = SensorPose(positionENU: Vector3(0, 0, 10))
            var plots: [Measurement] = []
            for (k, x) in truth.enumerated() {
                plots.append(
                    TestSupport.radarPlot(
                        x, pose: pose, timeNs: TestSupport.t0Ns + Int64(k) * TestSupport.secondNs,
                        sigmaRangeM: Self.sigmaRangeM, sigmaAzRad: Self.sigmaAzRad, sigmaElRad: Self.sigmaElRad,
                        &rng))
            }
            let cv = try Self.rmsError(
                { ExtendedKalmanFilter(model: NearlyConstantVelocity.droneDefault, state: $0) }, truth: truth,
                plots: plots)
            let imm = try Self.rmsError(
                { StandardIMM.standard(state: $0) }, truth: truth, plots: plots)
            #expect(imm <= 0.7 * cv, "seed \(seed): IMM RMS \(imm) m, CV RMS \(cv) m")
        }
    }

    /// The model probabilities follow the flight: a drone at 40 m/s flies
    /// 30 s straight, turns left 180 deg at 20 deg/s, 30 s straight, turns
    /// right. Averaged over 10 seeds, the CV model dominates late in the
    /// straight legs and the matching turn model in the second half of
    /// each turn.
    @Test func modelProbabilitiesFollowTheManoeuvre() throws {
        let rate = 20 * Math.radiansPerDegree
        // (start second, end second, turn rate)
        let legs: [(Int, Int, Double)] = [(0, 30, 0), (30, 39, rate), (39, 69, 0), (69, 78, -rate), (78, 100, 0)]
        func rateAt(_ t: Int) -> Double { legs.first { t >= $0.0 && t < $0.1 }?.2 ?? 0 }
        var straightCV = 0.0, leftInLeft = 0.0, rightInRight = 0.0
        var nStraight = 0.0, nLeft = 0.0, nRight = 0.0
        for seed in UInt64(1)...10 {
            var rng = SeededGenerator(seed: 200 + seed)
            var x = StateVector([-2000, 8000, 200, 40, 0, 0])
            let pose = SensorPose(positionENU: .zero)
            var plots: [Measurement] = []
            for t in 0..<100 {
                plots.append(
                    TestSupport.radarPlot(
                        x, pose: pose, timeNs: TestSupport.t0Ns + Int64(t) * TestSupport.secondNs,
                        sigmaRangeM: Self.sigmaRangeM, sigmaAzRad: Self.sigmaAzRad, sigmaElRad: Self.sigmaElRad, &rng))
                x = CoordinatedTurn(turnRateRadPerS: rateAt(t), horizontalNoiseDensity: 0, verticalNoiseDensity: 0)
                    .propagate(x, dt: 1)
            }
            var imm = StandardIMM.standard(
                state: try MeasurementStateInitializer().state(from: plots[0], then: plots[1]))
            for t in 2..<100 {
                try imm.update(with: plots[t])
                let mu = imm.probabilities
                if t >= 55 && t < 69 || t >= 90 {
                    straightCV += mu[0]
                    nStraight += 1
                } else if t >= 35 && t < 39 {
                    leftInLeft += mu[1]
                    nLeft += 1
                } else if t >= 74 && t < 78 {
                    rightInRight += mu[2]
                    nRight += 1
                }
            }
        }
        #expect(straightCV / nStraight > 0.6)
        #expect(leftInLeft / nLeft > 0.6)
        #expect(rightInRight / nRight > 0.6)
    }
}
