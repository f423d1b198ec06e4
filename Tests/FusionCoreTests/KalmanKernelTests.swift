import FusionCore
import FusionMath
import Simulation
import Testing

/// The pointer-loop EKF update (gain by Cholesky solves, one triangle of
/// the Joseph form) and the in-place prediction and IMM paths against the
/// operator forms they replaced, on random states and measurement models.
@Suite struct KalmanKernelTests {
    static func randomState(_ rng: inout SeededGenerator) -> GaussianState {
        var b = StateCovariance.zero
        for i in 0..<6 { for j in 0..<6 { b[i, j] = rng.normal() } }
        var s = StateCovariance.zero
        for i in 0..<6 { s[i, i] = i < 3 ? rng.uniform(5, 200) : rng.uniform(0.5, 20) }
        let p = (s * StateCovariance.timesTransposed(b, b) * s).symmetrized + 1e-2 * .identity
        var x = StateVector.zero
        for i in 0..<6 { x[i] = (i < 3 ? 3_000 : 40) * rng.normal() }
        return GaussianState(mean: x, covariance: p, timeNs: 1_000_000_000)
    }

    static func same(_ a: GaussianState, _ b: GaussianState) -> Bool {
        for i in 0..<6 where a.mean[i] != b.mean[i] { return false }
        for i in 0..<6 { for j in 0..<6 where a.covariance[i, j] != b.covariance[i, j] { return false } }
        return a.timeNs == b.timeNs
    }

    static func relativeDifference(_ a: StateCovariance, _ b: StateCovariance) -> Double {
        var top = 0.0, diff = 0.0
        for i in 0..<6 {
            for j in 0..<6 {
                top = max(top, abs(a[i, j]))
                diff = max(diff, abs(a[i, j] - b[i, j]))
            }
        }
        return diff / top
    }

    /// `K = P H^T S^-1`, `P+ = ((I - K H) P (I - K H)^T + K R K^T)` symmetrised,
    /// with `S^-1` from the factor's inverse: the textbook operator form.
    @Test func updateEqualsOperatorJosephForm() throws {
        var rng = SeededGenerator(seed: 31)
        let updater = ExtendedKalmanUpdater()
        for trial in 0..<1_000 {
            let state = Self.randomState(&rng)
            var h = Matrix<4, 6>.zero
            for i in 0..<4 { for j in 0..<6 where i == 3 || j < 3 { h[i, j] = rng.normal() * (j < 3 ? 1e-3 : 1) } }
            var r = Matrix<4, 4>.zero
            for i in 0..<4 { r[i, i] = rng.uniform(0.01, 4) }
            var value = Vector<4>.zero, z = Vector<4>.zero
            for i in 0..<4 {
                value[i] = rng.normal()
                z[i] = value[i] + rng.normal()
            }
            let prediction = MeasurementPrediction(value: value, jacobian: h, isAngle: [false, true, true, false])
            let consider = trial % 3 == 0
            let nu = try updater.innovation(of: state, prediction: prediction, measured: z, noise: r)
            let fast = try updater.update(
                state, innovation: nu, prediction: prediction, noise: r, considerVertical: consider)

            let pht = state.covariance * h.transposed
            let s = (h * pht + r).symmetrized
            var gain = pht * (try Cholesky(s)).inverse
            if consider { for j in 0..<4 { gain[2, j] = 0; gain[5, j] = 0 } }
            let ikh = StateCovariance.identity - gain * h
            let reference = (ikh * state.covariance * ikh.transposed + gain * r * gain.transposed).symmetrized
            #expect(Self.relativeDifference(fast.covariance, reference) < 1e-9)
            let mean = state.mean + gain * nu.residual
            #expect(fast.mean.isApproximatelyEqual(to: mean, absoluteTolerance: 1e-9 * (1 + mean.norm)))
            #expect(nu.covariance.isApproximatelyEqual(to: s, absoluteTolerance: 1e-12 * s.trace))
            if consider {
                #expect(fast.mean[2] == state.mean[2] && fast.mean[5] == state.mean[5])
            }
            for i in 0..<6 { for j in 0..<i { #expect(fast.covariance[i, j] == fast.covariance[j, i]) } }
        }
    }

    /// Constant velocity's own prediction (no `F` formed) is the general
    /// `congruence` prediction bit for bit.
    @Test func constantVelocityPredictionEqualsGeneralForm() {
        var rng = SeededGenerator(seed: 33)
        for _ in 0..<1_000 {
            let state = Self.randomState(&rng)
            let model = NearlyConstantVelocity(
                horizontalNoiseDensity: rng.uniform(0.1, 50), verticalNoiseDensity: rng.uniform(0.1, 10))
            let toNs = state.timeNs + Int64(rng.uniform(1e6, 5e9))
            var fast = state
            model.predict(&fast, to: toNs)
            #expect(Self.same(fast, Self.generalPrediction(model, state, to: toNs)))
        }
    }

    /// The general EKF prediction with `F` formed: `F P F^T + Q` by
    /// `congruence`, the mean by `propagate`.
    static func generalPrediction<Model: MotionModel>(_ model: Model, _ state: GaussianState, to toNs: Int64)
        -> GaussianState
    {
        let dt = secondsBetween(state.timeNs, toNs)
        let p = StateCovariance.congruence(
            model.transition(at: state.mean, dt: dt), state.covariance, plus: model.processNoise(dt: dt))
        return GaussianState(mean: model.propagate(state.mean, dt: dt), covariance: p, timeNs: toNs)
    }

    /// The in-place forms give the value forms' results bit for bit, and
    /// the IMM update from the gate's prediction equals the plain update.
    @Test func inPlaceFormsEqualValueForms() throws {
        var rng = SeededGenerator(seed: 32)
        let updater = ExtendedKalmanUpdater()
        for _ in 0..<300 {
            let state = Self.randomState(&rng)
            let m = ExtendedKalmanUpdaterTests.randomMeasurement(
                of: state.mean, timeNs: state.timeNs + 900_000_000, &rng)
            let model = KinematicModel.coordinatedTurn(
                CoordinatedTurn(turnRateRadPerS: 0.2, horizontalNoiseDensity: 5, verticalNoiseDensity: 1))
            var inPlace = state
            model.predict(&inPlace, to: m.timeNs)
            let predicted = model.predict(state, to: m.timeNs)
            #expect(Self.same(inPlace, predicted))
            guard let byValue = try? updater.update(predicted, with: m) else { continue }
            let summary = try updater.update(&inPlace, with: m)
            #expect(summary == byValue.innovation)
            #expect(Self.same(inPlace, byValue.state))

            var imm = StandardIMM.standard(state: state)
            var other = imm
            let p = try imm.prediction(for: m)
            let a = try imm.update(with: m, from: p)
            let b = try other.update(with: m)
            #expect(a == b)
            #expect(Self.same(imm.state, other.state))
        }
    }
}
