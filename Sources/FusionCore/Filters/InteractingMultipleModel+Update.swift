import FusionMath

extension InteractingMultipleModel {
    /// The filter predicted to one measurement's time, and that
    /// measurement's innovation against the combined prediction: what the
    /// gate computes, kept so that the update of the track the measurement
    /// is assigned to starts from it instead of mixing and predicting the
    /// K models again (one IMM prediction and one innovation per detection).
    @frozen
    public struct Prediction: Sendable, BitwiseCopyable {
        /// Model-conditioned states at the measurement's time.
        public var states: InlineArray<K, GaussianState>
        /// Model probabilities after the Markov switching, before the update.
        public var probabilities: Vector<K>
        /// The combined (moment-matched) predicted estimate.
        public var prior: GaussianState
        /// NIS and dimension of the measurement against `prior`; no log-
        /// likelihood (NaN: the gate needs only the NIS, and the update
        /// computes the mixture's from the models').
        public var innovation: InnovationSummary

        @inlinable public init(
            states: InlineArray<K, GaussianState>, probabilities: Vector<K>, prior: GaussianState,
            innovation: InnovationSummary
        ) {
            self.states = states
            self.probabilities = probabilities
            self.prior = prior
            self.innovation = innovation
        }
    }

    /// The prediction to `measurement`'s time and its innovation there.
    /// A measurement not after the state is compared with the state as it is.
    @inlinable public func prediction(for measurement: Measurement) throws(FilterError) -> Prediction {
        var p = Prediction(
            states: modelStates, probabilities: probabilities, prior: state,
            innovation: InnovationSummary(normalisedSquared: 0, logLikelihood: 0, dimension: 0))
        try prediction(for: measurement, into: &p)
        return p
    }

    /// The same, written into `p` (the engine's scratch): no 1.8 KB value
    /// built and copied per gated track. Always inlined: the gate calls it
    /// on filters in the track table, and a call made it copy the filter.
    @inlinable @inline(__always)
    public func prediction(for measurement: Measurement, into p: inout Prediction) throws(FilterError) {
        if measurement.timeNs > state.timeNs {
            predictModels(to: measurement.timeNs, into: &p.states, probabilities: &p.probabilities)
            let mu = p.probabilities
            var prior = p.prior
            p.states.withUnsafeElementPointer { Self.combine($0, mu, into: &prior) }
            p.prior = prior
        } else {
            p.states = modelStates
            p.probabilities = probabilities
            p.prior = state
        }
        p.innovation = try updater.gateStatistics(of: p.prior, for: measurement)
    }

    /// What a gate needs and no more: NIS of `measurement` against the
    /// combined estimate predicted to its time (log-likelihood NaN).
    /// `innovation(for:)` also computes the K per-model likelihoods of the
    /// mixture, which the gate throws away (one gate test: 9.1 us -> see
    /// Benchmarks/README.md).
    @inlinable public func gateInnovation(for measurement: Measurement) throws(FilterError) -> InnovationSummary {
        try updater.gateStatistics(of: predictedState(to: measurement.timeNs), for: measurement)
    }

    @inlinable @discardableResult
    public mutating func update(with measurement: Measurement) throws(FilterError) -> InnovationSummary {
        var p = try prediction(for: measurement)
        return try update(with: measurement, from: &p)
    }

    /// Updates with `measurement` starting from `prediction`, which must be
    /// `prediction(for: measurement)` of this filter as it is now (the
    /// engine keeps the gate's): the same result as `update(with:)`, bit
    /// for bit, without predicting again. On error the filter is unchanged.
    @inlinable @discardableResult
    public mutating func update(with measurement: Measurement, from prediction: Prediction) throws(FilterError)
        -> InnovationSummary
    {
        var p = prediction
        return try update(with: measurement, from: &p)
    }

    /// The same, updating the model states of `prediction` in place and
    /// then taking them (it is used up: on error it holds partly updated
    /// states, and the filter is unchanged).
    @inlinable @discardableResult
    public mutating func update(with measurement: Measurement, from prediction: inout Prediction) throws(FilterError)
        -> InnovationSummary
    {
        var summary = prediction.innovation
        // Each model's innovation serves both its likelihood and its update.
        var logWeights = Vector<K>.zero
        let u = updater
        let prior = prediction.probabilities
        var failure: FilterError? = nil
        prediction.states.withUnsafeMutableElementPointer { states in
            for j in 0..<K {
                do throws(FilterError) {
                    let nu = try u.update(&states[j], with: measurement)
                    logWeights[j] = Math.log(prior[j]) + nu.logLikelihood
                } catch {
                    failure = error
                    return
                }
            }
        }
        if let failure { throw failure }
        let total = InteractingMultipleModel.logSumExp(logWeights)
        summary.logLikelihood = total
        var mu = prior
        for j in 0..<K { mu[j] = Math.exp(logWeights[j] - total) }
        modelStates = prediction.states
        probabilities = mu
        combine()
        return summary
    }
}
