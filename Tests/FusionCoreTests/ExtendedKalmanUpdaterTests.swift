import FusionCore
import FusionMath
import Simulation
import Testing

@Suite struct ExtendedKalmanUpdaterTests {
    /// A random measurement of any kind and flag combination of truth `x`.
    static func randomMeasurement(of x: StateVector, timeNs: Int64, _ rng: inout SeededGenerator) -> Measurement {
        let pose = TestSupport.randomPose(&rng)
        let z = TestSupport.trueRadar(x, pose)
        let sr = rng.uniform(2, 50), sa = rng.uniform(0.001, 0.05), se = rng.uniform(0.001, 0.05)
        let srr = rng.uniform(0.1, 2)
        switch Int(rng.uniform(0, 4)) {
        case 0:
            let withEl = rng.uniform() < 0.5, withRr = rng.uniform() < 0.5
            return Measurement.radar(
                timeNs: timeNs, sensor: 1, pose: pose, rangeM: z[0] + sr * rng.normal(),
                azimuthRad: z[1] + sa * rng.normal(), elevationRad: withEl ? z[2] + se * rng.normal() : nil,
                rangeRateMps: withRr ? z[3] + srr * rng.normal() : nil, sigmaRangeM: sr, sigmaAzimuthRad: sa,
                sigmaElevationRad: se, sigmaRangeRateMps: srr)
        case 1, 2:
            let withEl = rng.uniform() < 0.5
            return Measurement.bearing(
                timeNs: timeNs, sensor: 2, pose: pose, azimuthRad: z[1] + sa * rng.normal(),
                elevationRad: withEl ? z[2] + se * rng.normal() : nil, sigmaAzimuthRad: sa, sigmaElevationRad: se)
        default:
            return Measurement.position(
                timeNs: timeNs, sensor: 3,
                enu: Vector3(x[0] + 10 * rng.normal(), x[1] + 10 * rng.normal(), x[2] + 15 * rng.normal()),
                sigmaHorizontalM: 10, sigmaVerticalM: 15)
        }
    }

    /// Property: whatever the order of predicts and updates, the geometry
    /// and the kind of sensor, the covariance stays symmetric positive
    /// definite and the estimate finite, for the EKF and the IMM alike.
    @Test func covarianceStaysSymmetricPositiveDefinite() throws {
        var rng = SeededGenerator(seed: 21)
        var immPrototype = StandardIMM.standard(state: GaussianState(
            mean: .zero, covariance: .identity, timeNs: TestSupport.t0Ns - TestSupport.secondNs))
        // Leave the prototype's probabilities away from their initial values.
        try immPrototype.update(with: Measurement.position(
            timeNs: TestSupport.t0Ns - 1, sensor: 0, enu: Vector3(3, 0, 0), sigmaHorizontalM: 1, sigmaVerticalM: 1))
        for _ in 0..<60 {
            var truth = TestSupport.randomState(near: SensorPose(positionENU: .zero), &rng)
            let start = GaussianState(
                mean: truth + Vector<6>([50, -50, 30, 5, -5, 1]), covariance: TestSupport.randomCovariance(&rng),
                timeNs: TestSupport.t0Ns)
            // New tracks are made from configured prototypes, as the tracker will.
            var ekf = ExtendedKalmanFilter(model: NearlyConstantVelocity.droneDefault, state: start)
            var imm = immPrototype.restarted(from: start)
            #expect(imm.probabilities[0] == immPrototype.initialProbabilities[0])
            var t = TestSupport.t0Ns
            for _ in 0..<80 {
                let dt = rng.uniform(0, 3)
                t += Int64(dt * 1e9)
                truth = TestSupport.cvTruthStep(truth, dt: dt, qh: 1, qv: 0.5, &rng)
                if rng.uniform() < 0.2 {
                    ekf.predict(to: t)
                    imm.predict(to: t)
                } else {
                    let m = Self.randomMeasurement(of: truth, timeNs: t, &rng)
                    _ = try ekf.update(with: m)
                    _ = try imm.update(with: m)
                }
                #expect(TestSupport.isSymmetricPositiveDefinite(ekf.state.covariance))
                #expect(TestSupport.isSymmetricPositiveDefinite(imm.state.covariance))
                #expect(ekf.state.mean.isFinite && imm.state.mean.isFinite)
                #expect(ekf.state.timeNs == t && imm.state.timeNs == t)
            }
        }
    }

    /// The innovation entry point gives the same NIS and likelihood as the
    /// update, and does not change the filter.
    @Test func innovationMatchesUpdate() throws {
        var rng = SeededGenerator(seed: 22)
        for _ in 0..<200 {
            let x = TestSupport.randomState(near: SensorPose(positionENU: .zero), &rng)
            let state = GaussianState(
                mean: x, covariance: TestSupport.randomCovariance(&rng), timeNs: TestSupport.t0Ns)
            let m = Self.randomMeasurement(of: x, timeNs: TestSupport.t0Ns + 500_000_000, &rng)
            let filter = ExtendedKalmanFilter(model: NearlyConstantVelocity.droneDefault, state: state)
            let nu = try filter.innovation(for: m)
            var updated = filter
            let applied = try updated.update(with: m)
            #expect(abs(nu.normalisedSquared - applied.normalisedSquared) <= 1e-9 * (1 + nu.normalisedSquared))
            #expect(abs(nu.logLikelihood - applied.logLikelihood) <= 1e-9 * (1 + abs(nu.logLikelihood)))
            #expect(filter.state.timeNs == TestSupport.t0Ns)
            // ln L + NIS / 2 depends on S only, not on the measured value.
            var moved = m
            moved.values[0] += 0.01
            let nuMoved = try filter.innovation(for: moved)
            #expect(abs(nuMoved.normalisedSquared - nu.normalisedSquared) > 1e-12)
            #expect(
                abs((nu.logLikelihood + 0.5 * nu.normalisedSquared)
                    - (nuMoved.logLikelihood + 0.5 * nuMoved.normalisedSquared)) < 1e-9)
            let expectedDimension =
                switch m.kind {
                case .radar: 2 + (m.hasElevation ? 1 : 0) + (m.hasRangeRate ? 1 : 0)
                case .bearing: m.hasElevation ? 2 : 1
                case .position: 3
                }
            #expect(nu.dimension == expectedDimension)
        }
    }

    /// For a position measurement the likelihood is checked against a
    /// direct evaluation: `S = P_pos + R`.
    @Test func positionLikelihoodMatchesDirectGaussian() throws {
        var rng = SeededGenerator(seed: 23)
        for _ in 0..<100 {
            let x = TestSupport.randomState(near: SensorPose(positionENU: .zero), &rng)
            let p = TestSupport.randomCovariance(&rng)
            let state = GaussianState(mean: x, covariance: p, timeNs: 0)
            let m = Measurement.position(
                timeNs: 0, sensor: 0, enu: Vector3(x[0] + 30, x[1] - 20, x[2] + 5), sigmaHorizontalM: 12,
                sigmaVerticalM: 20)
            var s: Matrix3 = p.block(row: 0, column: 0)
            s[0, 0] += 144
            s[1, 1] += 144
            s[2, 2] += 400
            let c = try Cholesky(s)
            let d = Vector3(30, -20, 5)
            let nis = c.mahalanobisSquared(d)
            let logDet = Math.log(s[0, 0] * (s[1, 1] * s[2, 2] - s[1, 2] * s[2, 1])
                - s[0, 1] * (s[1, 0] * s[2, 2] - s[1, 2] * s[2, 0]) + s[0, 2] * (s[1, 0] * s[2, 1] - s[1, 1] * s[2, 0]))
            let expected = -0.5 * (nis + logDet + 3 * Math.log(2 * Double.pi))
            let nu = try ExtendedKalmanUpdater().innovation(of: state, for: m)
            #expect(abs(nu.normalisedSquared - nis) < 1e-9 * (1 + nis))
            #expect(abs(nu.logLikelihood - expected) < 1e-9 * (1 + abs(expected)))
        }
    }

    /// Bad input is a typed error and leaves the filter as it was.
    @Test func badInputIsATypedError() {
        let state = GaussianState(
            mean: StateVector([1000, 2000, 100, 0, 0, 0]),
            covariance: StateCovariance.diagonal(Vector<6>(repeating: 100)), timeNs: TestSupport.t0Ns)
        var filter = ExtendedKalmanFilter(model: NearlyConstantVelocity.droneDefault, state: state)
        let zeroSigma = Measurement.radar(
            timeNs: TestSupport.t0Ns, sensor: 0, pose: SensorPose(positionENU: .zero), rangeM: 2236,
            azimuthRad: 0.46, elevationRad: nil, rangeRateMps: nil, sigmaRangeM: 0, sigmaAzimuthRad: 0.01,
            sigmaElevationRad: 0, sigmaRangeRateMps: 0)
        #expect(throws: FilterError.invalidMeasurement) { try filter.update(with: zeroSigma) }
        var nan = zeroSigma
        nan.sigmas[0] = 5
        nan.values[1] = .nan
        #expect(throws: FilterError.invalidMeasurement) { try filter.update(with: nan) }
        #expect(filter.state.mean[0] == 1000)
        var broken = filter
        broken.state.covariance[0, 0] = -1e12
        var fine = nan
        fine.values[1] = 0.46
        #expect(throws: FilterError.self) { try broken.update(with: fine) }
    }
}
