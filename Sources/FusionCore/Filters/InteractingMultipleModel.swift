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
        let p = transitionMatrix(dt: secondsBetween(state.timeNs, timeNs))
        var predicted = Vector<K>.zero
        for j in 0..<K {
            for i in 0..<K { predicted[j] += p[i, j] * probabilities[i] }
        }
        var mixed = modelStates
        for j in 0..<K {
            // Mixed initial condition for model j: the moment-matched
            // mixture of all model states weighted by mu_i|j.
            var mean = StateVector.zero
            for i in 0..<K { mean += (p[i, j] * probabilities[i] / predicted[j]) * modelStates[i].mean }
            var cov = StateCovariance.zero
            for i in 0..<K {
                let w = p[i, j] * probabilities[i] / predicted[j]
                if w == 0 { continue }
                let d = modelStates[i].mean - mean
                cov += w * (modelStates[i].covariance + Matrix.outer(d, d))
            }
            mixed[j] = models[j].predict(
                GaussianState(mean: mean, covariance: cov.symmetrized, timeNs: state.timeNs), to: timeNs)
        }
        modelStates = mixed
        probabilities = predicted
        combinedState = combined()
    }

    @inlinable public func innovation(for measurement: Measurement) throws(FilterError) -> InnovationSummary {
        var filter = self
        filter.predict(to: measurement.timeNs)
        return try filter.innovationAtMeasurementTime(measurement).summary
    }

    @inlinable @discardableResult
    public mutating func update(with measurement: Measurement) throws(FilterError) -> InnovationSummary {
        var next = self
        next.predict(to: measurement.timeNs)
        let result = try next.innovationAtMeasurementTime(measurement)
        var logWeights = result.logWeights
        for j in 0..<K {
            next.modelStates[j] = try updater.update(next.modelStates[j], with: measurement).state
        }
        let total = InteractingMultipleModel.logSumExp(logWeights)
        for j in 0..<K {
            logWeights[j] -= total
            next.probabilities[j] = Math.exp(logWeights[j])
        }
        next.combinedState = next.combined()
        self = next
        return result.summary
    }

    /// The IMM's view of a measurement at the current time: NIS against the
    /// combined estimate (what a gate sees), and the mixture log-likelihood
    /// `ln sum_j mu_j L_j` (what association and track scoring need); plus
    /// the per-model `ln mu_j + ln L_j` for the probability update.
    @inlinable func innovationAtMeasurementTime(_ m: Measurement) throws(FilterError)
        -> (summary: InnovationSummary, logWeights: Vector<K>)
    {
        var combinedSummary = try updater.innovation(of: state, for: m)
        var logWeights = Vector<K>.zero
        for j in 0..<K {
            let s = try updater.innovation(of: modelStates[j], for: m)
            logWeights[j] = Math.log(probabilities[j]) + s.logLikelihood
        }
        combinedSummary.logLikelihood = InteractingMultipleModel.logSumExp(logWeights)
        return (combinedSummary, logWeights)
    }

    /// The moment-matched combination of the model states.
    @inlinable func combined() -> GaussianState {
        var mean = StateVector.zero
        for j in 0..<K { mean += probabilities[j] * modelStates[j].mean }
        var cov = StateCovariance.zero
        for j in 0..<K {
            let d = modelStates[j].mean - mean
            cov += probabilities[j] * (modelStates[j].covariance + Matrix.outer(d, d))
        }
        return GaussianState(mean: mean, covariance: cov.symmetrized, timeNs: modelStates[0].timeNs)
    }

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
