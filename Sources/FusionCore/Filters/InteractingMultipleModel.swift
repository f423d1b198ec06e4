import FusionMath

/// Interacting multiple model filter (Blom and Bar-Shalom 1988; Bar-Shalom,
/// Li and Kirubarajan 2001, 11.6.6) over `K` motion models of one type,
/// on the 6-state ENU estimate.
///
/// The target's motion mode is a Markov chain. Since measurements arrive at
/// irregular times (radar scans, acoustic reports, ADS-B), the switching
/// probabilities are derived from each mode's mean sojourn time `tau_i`
/// rather than fixed per step:
///
///     p_ii(dt) = exp(-dt / tau_i),  p_ij(dt) = (1 - p_ii) / (K - 1)
///
/// One cycle: mixing (`c_j = sum_i p_ij mu_i`, `mu_i|j = p_ij mu_i / c_j`,
/// moment-matched mixed initial state per model), model-conditioned EKF
/// prediction and update, model probabilities `mu_j ∝ L_j c_j` (in logs,
/// so they never underflow to 0/0), and the combined estimate
/// `x = sum mu_j x_j`, `P = sum mu_j (P_j + (x_j - x)(x_j - x)^T)`.
@frozen
public struct InteractingMultipleModel<let K: Int, Model: MotionModel>: TrackFilter {
    public var models: InlineArray<K, Model>
    /// Mean time the target stays in each mode, seconds.
    public var meanSojournS: Vector<K>
    /// Model-conditioned estimates.
    public var modelStates: InlineArray<K, GaussianState>
    /// Model probabilities `mu`, summing to 1.
    public var probabilities: Vector<K>
    /// The probabilities a new track starts with (normalised).
    public var initialProbabilities: Vector<K>
    public var updater: ExtendedKalmanUpdater
    /// The combined estimate, kept in step with the model states.
    @inlinable public var state: GaussianState { combinedState }
    @usableFromInline var combinedState: GaussianState

    /// All models start from `state`, with `initialProbabilities` (normalised here).
    @inlinable public init(
        models: InlineArray<K, Model>, meanSojournS: Vector<K>, initialProbabilities: Vector<K>,
        state: GaussianState
    ) {
        self.models = models
        self.meanSojournS = meanSojournS
        modelStates = InlineArray(repeating: state)
        var total = 0.0
        for i in 0..<K { total += initialProbabilities[i] }
        probabilities = (1 / total) * initialProbabilities
        self.initialProbabilities = probabilities
        updater = ExtendedKalmanUpdater()
        combinedState = state
    }

    @inlinable public func restarted(from state: GaussianState) -> InteractingMultipleModel<K, Model> {
        var filter = self
        filter.modelStates = InlineArray(repeating: state)
        filter.probabilities = initialProbabilities
        filter.combinedState = state
        return filter
    }

    /// The model states and probabilities: everything that differs between
    /// two tracks' filters (the combined estimate is recomputed from them).
    /// The model covariances are kept as their lower triangles
    /// (`PackedGaussianState`, exact: they are symmetric) and the models'
    /// common time once (every model is predicted to the same time): 904
    /// bytes against the filter's 1,944 for `StandardIMM`, so a track can
    /// keep two (`FixedLagHistory`'s checkpoint and pending snapshot).
    @frozen
    public struct Snapshot: Sendable, BitwiseCopyable {
        /// Each model's mean and `PackedGaussianState.lowerTriangle`.
        public var means: InlineArray<K, StateVector>
        public var lowerTriangles: InlineArray<K, InlineArray<21, Double>>
        /// The time of every model state (ns since the Unix epoch).
        public var timeNs: Int64
        public var probabilities: Vector<K>

        @inlinable public init(modelStates: InlineArray<K, GaussianState>, probabilities: Vector<K>) {
            means = InlineArray { modelStates[$0].mean }
            lowerTriangles = InlineArray { PackedGaussianState(modelStates[$0]).lowerTriangle }
            timeNs = modelStates[0].timeNs
            self.probabilities = probabilities
        }

        /// Model `j`'s state again, bit for bit.
        @inlinable public func modelState(_ j: Int) -> GaussianState {
            PackedGaussianState(mean: means[j], lowerTriangle: lowerTriangles[j], timeNs: timeNs).unpacked
        }
    }

    @inlinable public var snapshot: Snapshot { Snapshot(modelStates: modelStates, probabilities: probabilities) }

    @inlinable public func resumed(from snapshot: Snapshot) -> InteractingMultipleModel<K, Model> {
        var filter = self
        filter.modelStates = InlineArray { snapshot.modelState($0) }
        filter.probabilities = snapshot.probabilities
        filter.combine()
        return filter
    }

    @inlinable public static func timeNs(of snapshot: Snapshot) -> Int64 { snapshot.timeNs }

    /// The Markov switching matrix over `dt` seconds, `p[i, j] = P(j now | i before)`.
    @inlinable public func transitionMatrix(dt: Double) -> Matrix<K, K> {
        var p = Matrix<K, K>.zero
        for i in 0..<K {
            let stay = K == 1 ? 1 : Math.exp(-Swift.max(0, dt) / meanSojournS[i])
            for j in 0..<K { p[i, j] = i == j ? stay : (1 - stay) / Double(K - 1) }
        }
        return p
    }

    @inlinable public mutating func predict(to timeNs: Int64) {
        guard timeNs > state.timeNs else { return }
        var states = modelStates
        var mu = probabilities
        predictModels(to: timeNs, into: &states, probabilities: &mu)
        modelStates = states
        probabilities = mu
        combine()
    }

    /// The combined estimate predicted to `timeNs` (the state itself when
    /// `timeNs` is not after it).
    @inlinable public func predictedState(to timeNs: Int64) -> GaussianState {
        guard timeNs > state.timeNs else { return state }
        var states = modelStates
        var mu = probabilities
        predictModels(to: timeNs, into: &states, probabilities: &mu)
        var out = state
        states.withUnsafeElementPointer { Self.combine($0, mu, into: &out) }
        return out
    }

    /// The combined estimate carried to `timeNs` by constant velocity, with
    /// the models' process noise weighted by their probabilities: one 6x6
    /// prediction instead of the mixing and K model predictions of
    /// `predictedState(to:)`. What the tracker's once-a-second ageing needs
    /// (grid position, sigma limit, kinematic classification), where the
    /// models' few metres of disagreement over a second do not matter; no
    /// filter is changed by it. Per track: ~4.4 us -> see Benchmarks/README.md.
    @inlinable public func coarselyPredictedState(to timeNs: Int64) -> GaussianState {
        withUnsafePointer(to: self) { Self.coarselyPredictedState(of: $0, to: timeNs) }
    }

    /// The same, reading the filter through a pointer: `maintain` calls it
    /// on every filter in the track table, and the method form, even
    /// always inlined, copied the 1.9 KB filter first (`objdump`).
    @inlinable @inline(__always)
    public static func coarselyPredictedState(of filter: UnsafePointer<Self>, to timeNs: Int64) -> GaussianState {
        let startNs = filter.pointee.combinedState.timeNs
        guard timeNs > startNs else { return filter.pointee.combinedState }
        let dt = secondsBetween(startNs, timeNs)
        var q = StateCovariance.zero
        for j in 0..<K { q += filter.pointee.probabilities[j] * filter.pointee.models[j].processNoise(dt: dt) }
        let cv = NearlyConstantVelocity(horizontalNoiseDensity: 0, verticalNoiseDensity: 0)
        var predicted = cv.predict(filter.pointee.combinedState, to: timeNs)
        predicted.covariance = (predicted.covariance + q).symmetrized
        return predicted
    }

    @inlinable public func innovation(for measurement: Measurement) throws(FilterError) -> InnovationSummary {
        var filter = self
        filter.predict(to: measurement.timeNs)
        return try filter.innovationAtMeasurementTime(measurement).summary
    }

    /// The IMM's view of a measurement at the current time: NIS against the
    /// combined estimate (what a gate sees), and the mixture log-likelihood
    /// `ln sum_j mu_j L_j` (what association and track scoring need); plus
    /// the per-model `ln mu_j + ln L_j` for the probability update.
    @inlinable func innovationAtMeasurementTime(_ m: Measurement) throws(FilterError)
        -> (summary: InnovationSummary, logWeights: Vector<K>)
    {
        // The combined estimate's own likelihood would be replaced.
        var combinedSummary = try updater.gateStatistics(of: state, for: m)
        var logWeights = Vector<K>.zero
        for j in 0..<K {
            let s = try updater.innovation(of: modelStates[j], for: m)
            logWeights[j] = Math.log(probabilities[j]) + s.logLikelihood
        }
        combinedSummary.logLikelihood = InteractingMultipleModel.logSumExp(logWeights)
        return (combinedSummary, logWeights)
    }

    /// Mixture weights below this are skipped. The weights sum to 1, so
    /// one of them is at least 1/K and a term 10^-20 times smaller is far
    /// below the rounding of the sum. A guard: a model the data has ruled
    /// out can reach probabilities near 10^-300, whose products are
    /// subnormal numbers that x86 computes in microcode. (It did not change
    /// the benchmark measurably; the mixing's cost was row copies, see
    /// `Matrix.withUnsafeElements`.)
    @inlinable static var negligibleWeight: Double { 1e-20 }

    @inlinable static func logSumExp(_ v: Vector<K>) -> Double {
        var top = -Double.infinity
        for i in 0..<K { top = Swift.max(top, v[i]) }
        guard top.isFinite else { return top }
        var s = 0.0
        for i in 0..<K { s += Math.exp(v[i] - top) }
        return top + Math.log(s)
    }
}

// Plain values all the way down: the tracker stores filters inline in its
// fixed-size table and copies them to try predictions.
extension InteractingMultipleModel: BitwiseCopyable where Model: BitwiseCopyable {}
