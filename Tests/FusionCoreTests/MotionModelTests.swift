import FusionCore
import FusionMath
import Simulation
import Testing

@Suite struct MotionModelTests {
    /// The white-noise-acceleration discretisation is exact, so predicting
    /// over `a` then `b` seconds equals predicting over `a + b` at once:
    /// `Q(a + b) = F(b) Q(a) F(b)^T + Q(b)`.
    @Test func constantVelocityNoiseComposesOverTime() {
        var rng = SeededGenerator(seed: 51)
        for _ in 0..<50 {
            let model = NearlyConstantVelocity(
                horizontalNoiseDensity: rng.uniform(0.1, 50), verticalNoiseDensity: rng.uniform(0.1, 10))
            let a = rng.uniform(0.01, 5), b = rng.uniform(0.01, 5)
            let x = TestSupport.randomState(near: SensorPose(positionENU: .zero), &rng)
            let fb = model.transition(at: x, dt: b)
            let twoStep = Matrix.timesTransposed(fb * model.processNoise(dt: a), fb) + model.processNoise(dt: b)
            let oneStep = model.processNoise(dt: a + b)
            #expect(twoStep.isApproximatelyEqual(to: oneStep, absoluteTolerance: 1e-9 * (1 + oneStep[0, 0])))
            let xTwo = model.propagate(model.propagate(x, dt: a), dt: b)
            #expect(xTwo.isApproximatelyEqual(to: model.propagate(x, dt: a + b), absoluteTolerance: 1e-9))
        }
    }

    /// A coordinated turn keeps the horizontal speed, turns the heading by
    /// `omega dt`, composes over time, reduces to constant velocity as the
    /// rate goes to zero, and its `F` is the Jacobian of its propagation.
    @Test func coordinatedTurnGeometry() {
        var rng = SeededGenerator(seed: 52)
        for _ in 0..<50 {
            let w = rng.uniform(-0.6, 0.6), dt = rng.uniform(0.1, 5)
            let ct = CoordinatedTurn(turnRateRadPerS: w, horizontalNoiseDensity: 1, verticalNoiseDensity: 1)
            let x = TestSupport.randomState(near: SensorPose(positionENU: .zero), &rng)
            let y = ct.propagate(x, dt: dt)
            #expect(abs(Math.hypot(y[3], y[4]) - Math.hypot(x[3], x[4])) < 1e-9)
            let turned = Angle.wrapSigned(Math.atan2(y[4], y[3]) - Math.atan2(x[4], x[3]))
            #expect(abs(Angle.wrapSigned(turned - w * dt)) < 1e-9)
            #expect(ct.propagate(ct.propagate(x, dt: dt / 2), dt: dt / 2).isApproximatelyEqual(
                to: y, absoluteTolerance: 1e-7))
            // Position moves along the chord of the arc: |chord| = 2 v sin(w dt / 2) / w.
            let v = Math.hypot(x[3], x[4])
            let chord = abs(w) > 1e-9 ? abs(2 * v * Math.sin(w * dt / 2) / w) : v * dt
            #expect(abs(Math.hypot(y[0] - x[0], y[1] - x[1]) - chord) < 1e-6)
            let tiny = CoordinatedTurn(turnRateRadPerS: 1e-12, horizontalNoiseDensity: 1, verticalNoiseDensity: 1)
            #expect(tiny.propagate(x, dt: dt).isApproximatelyEqual(
                to: NearlyConstantVelocity.droneDefault.propagate(x, dt: dt), absoluteTolerance: 1e-9))
            let f = ct.transition(at: x, dt: dt)
            var dx = Vector<6>.zero
            for i in 0..<6 { dx[i] = rng.normal() }
            #expect((ct.propagate(x + dx, dt: dt) - y).isApproximatelyEqual(to: f * dx, absoluteTolerance: 1e-9))
        }
    }

    /// An IMM whose models are all the same CV model is that CV EKF: mixing
    /// and combination must then change nothing.
    @Test func immOfIdenticalModelsIsTheEKF() throws {
        var rng = SeededGenerator(seed: 53)
        let cv = NearlyConstantVelocity.droneDefault
        let pose = SensorPose(positionENU: Vector3(100, -200, 5))
        var x = StateVector([4000, 9000, 500, 20, -30, 1])
        let start = GaussianState(mean: x, covariance: TestSupport.randomCovariance(&rng), timeNs: TestSupport.t0Ns)
        var ekf = ExtendedKalmanFilter(model: cv, state: start)
        var imm = InteractingMultipleModel<2, NearlyConstantVelocity>(
            models: [cv, cv], meanSojournS: Vector<2>([5, 20]), initialProbabilities: Vector<2>([0.3, 0.7]),
            state: start)
        for k in 1...40 {
            x = TestSupport.cvTruthStep(x, dt: 1.5, qh: 1, qv: 0.5, &rng)
            let m = TestSupport.radarPlot(
                x, pose: pose, timeNs: TestSupport.t0Ns + Int64(k) * 1_500_000_000, sigmaRangeM: 8,
                sigmaAzRad: 0.006, sigmaElRad: 0.01, &rng)
            let e = try ekf.update(with: m)
            let i = try imm.update(with: m)
            #expect(abs(e.logLikelihood - i.logLikelihood) < 1e-6)
            #expect(imm.state.mean.isApproximatelyEqual(to: ekf.state.mean, absoluteTolerance: 1e-6))
            #expect(imm.state.covariance.isApproximatelyEqual(to: ekf.state.covariance, absoluteTolerance: 1e-6))
            var total = 0.0
            for j in 0..<2 { total += imm.probabilities[j] }
            #expect(abs(total - 1) < 1e-12)
        }
    }
}
