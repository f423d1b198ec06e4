import FusionCore
import FusionMath
import Simulation
import Testing

/// The structure-exploiting kernels against the general forms they stand
/// for, bit for bit: the EKF innovation and update for a Jacobian whose
/// leading rows are zero in the velocity columns, and the coordinated
/// turn's written-out prediction.
@Suite struct KalmanStructureTests {
    /// A Jacobian whose rows are position-only (a range's scale, 1, or an
    /// angle's, 1e-3 .. 1e-5 per metre) up to row `positionRows`, then full
    /// (a range rate's: 1e-2 per metre, 1 per m/s), with every fifth row
    /// after the first full one position-only again (not counted: only
    /// leading rows are); `R` diagonal, or full in a third of the trials
    /// (the kernels take any `R`).
    static func problem<let M: Int>(_ rng: inout SeededGenerator, trial: Int, positionRows: Int)
        -> (MeasurementPrediction<M>, Vector<M>, Matrix<M, M>)
    {
        var h = Matrix<M, 6>.zero
        for i in 0..<M {
            let scale = i == 0 ? 1 : [1e-3, 1e-4, 1e-5][min(2, Int(rng.uniform(0, 3)))]
            let full = i >= positionRows && (i == positionRows || Int(rng.uniform(0, 5)) != 0)
            for j in 0..<3 { h[i, j] = (full ? 1e-2 : scale) * rng.normal() }
            if full { for j in 3..<6 { h[i, j] = rng.normal() } }
        }
        var r = Matrix<M, M>.zero
        for i in 0..<M { r[i, i] = rng.uniform(1e-6, 4) }
        if trial % 3 == 1 {
            var b = Matrix<M, M>.zero
            for i in 0..<M { for j in 0..<M { b[i, j] = 0.1 * rng.normal() } }
            r = (r + Matrix<M, M>.timesTransposed(b, b)).symmetrized
        }
        var value = Vector<M>.zero, z = Vector<M>.zero
        var isAngle = InlineArray<M, Bool>(repeating: false)
        for i in 0..<M {
            value[i] = rng.normal()
            z[i] = value[i] + rng.normal()
            isAngle[i] = i > 0
        }
        return (MeasurementPrediction(value: value, jacobian: h, isAngle: isAngle), z, r)
    }

    static func identical<let R: Int, let C: Int>(_ a: Matrix<R, C>, _ b: Matrix<R, C>) -> Bool {
        for i in 0..<R { for j in 0..<C where a[i, j] != b[i, j] { return false } }
        return true
    }

    static func identical<let N: Int>(_ a: Vector<N>, _ b: Vector<N>) -> Bool {
        for i in 0..<N where a[i] != b[i] { return false }
        return true
    }

    /// Innovation and update through the structured kernels and through the
    /// general ones: whether every output is equal to the last bit.
    static func structuredEqualsGeneral<let M: Int>(
        _ state: GaussianState, _ rng: inout SeededGenerator, trial: Int, dimension: Vector<M>.Type
    ) -> Bool {
        let positionRows = min(M, Int(rng.uniform(0, Double(M) + 1)))
        let problem: (MeasurementPrediction<M>, Vector<M>, Matrix<M, M>) =
            Self.problem(&rng, trial: trial, positionRows: positionRows)
        let (prediction, z, r) = problem
        #expect(prediction.positionOnlyRows == positionRows)
        let updater = ExtendedKalmanUpdater()
        let consider = trial % 4 == 0
        let fast = try? updater.innovation(of: state, prediction: prediction, measured: z, noise: r)
        let general = try? updater.innovation(of: state, prediction: prediction, measured: z, noise: r, structured: false)
        guard let fast, let general else { return fast == nil && general == nil }
        guard identical(fast.covariance, general.covariance), identical(fast.crossCovariance, general.crossCovariance),
            identical(fast.residual, general.residual), fast.normalisedSquared == general.normalisedSquared
        else { return false }
        let a = try? updater.update(state, innovation: fast, prediction: prediction, noise: r, considerVertical: consider)
        let b = try? updater.update(
            state, innovation: general, prediction: prediction, noise: r, considerVertical: consider, structured: false)
        guard let a, let b else { return a == nil && b == nil }
        return KalmanKernelTests.same(a, b)
    }

    /// Thousands of random states and measurement problems of each
    /// dimension the models have (1 to 4), with every count of leading
    /// position-only rows, with and without the consider states: the
    /// structured kernels equal the general ones bit for bit.
    @Test func structuredUpdateEqualsGeneralForm() {
        let mismatches = Self.mismatches(seed: 41, trials: 8_000) { trial, state, rng in
            switch trial % 4 {
            case 0: Self.structuredEqualsGeneral(state, &rng, trial: trial / 4, dimension: Vector<1>.self)
            case 1: Self.structuredEqualsGeneral(state, &rng, trial: trial / 4, dimension: Vector<2>.self)
            case 2: Self.structuredEqualsGeneral(state, &rng, trial: trial / 4, dimension: Vector<3>.self)
            default: Self.structuredEqualsGeneral(state, &rng, trial: trial / 4, dimension: Vector<4>.self)
            }
        }
        #expect(mismatches == 0)
    }

    /// How many of `trials` random states `same` finds the fast and the
    /// general form to differ on.
    static func mismatches(
        seed: UInt64, trials: Int, _ same: (Int, GaussianState, inout SeededGenerator) -> Bool
    ) -> Int {
        var rng = SeededGenerator(seed: seed)
        var count = 0
        for trial in 0..<trials where !same(trial, KalmanKernelTests.randomState(&rng), &rng) { count += 1 }
        return count
    }

    /// Which rows the structured kernels treat as position-only, at random
    /// states and poses: all of the range, angle and position models', all
    /// but the range-rate row of the Doppler models'.
    @Test func positionOnlyRowsOfEachModel() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<1_000 {
            let x = KalmanKernelTests.randomState(&rng).mean
            let pose = TestSupport.randomPose(&rng)
            #expect(CartesianToElevationBearingRange(pose: pose).predict(x).positionOnlyRows == 3)
            #expect(CartesianToBearingRange(pose: pose).predict(x).positionOnlyRows == 2)
            #expect(CartesianToElevationBearing(pose: pose).predict(x).positionOnlyRows == 2)
            #expect(CartesianToBearing(pose: pose).predict(x).positionOnlyRows == 1)
            #expect(CartesianToPosition().predict(x).positionOnlyRows == 3)
            #expect(CartesianToElevationBearingRangeRate(pose: pose).predict(x).positionOnlyRows == 3)
            #expect(CartesianToBearingRangeRate(pose: pose).predict(x).positionOnlyRows == 2)
        }
    }

    /// The coordinated turn's written-out prediction is the general
    /// `congruence` prediction with `F` formed, bit for bit: turn rates
    /// either way up to 1 rad/s (57 deg/s), exactly zero and tiny (the series
    /// branch), intervals from a millisecond to ten seconds.
    @Test func coordinatedTurnPredictionEqualsGeneralForm() {
        let mismatches = Self.mismatches(seed: 43, trials: 6_000) { trial, state, rng in
            let omega = trial % 5 == 0 ? 0 : trial % 5 == 1 ? 1e-9 * rng.normal() : rng.uniform(-1, 1)
            let model = CoordinatedTurn(
                turnRateRadPerS: omega, horizontalNoiseDensity: rng.uniform(0.1, 50),
                verticalNoiseDensity: rng.uniform(0.1, 10))
            let toNs = state.timeNs + Int64(rng.uniform(1e6, 1e10))
            var fast = state
            model.predict(&fast, to: toNs)
            return KalmanKernelTests.same(fast, KalmanKernelTests.generalPrediction(model, state, to: toNs))
        }
        #expect(mismatches == 0)
    }
}
