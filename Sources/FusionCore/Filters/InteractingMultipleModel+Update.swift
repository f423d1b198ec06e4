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
        /// NIS and dimension of the measurement against `prior` (the log-
        /// likelihood field is the combined estimate's, not the mixture's).
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
        var states = modelStates
        var mu = probabilities
        var prior = state
        if measurement.timeNs > state.timeNs {
            (states, mu) = predicted(to: measurement.timeNs)
            prior = Self.combined(states, mu)
        }
        let innovation = try updater.innovation(of: prior, for: measurement)
        return Prediction(states: states, probabilities: mu, prior: prior, innovation: innovation)
    }

    /// What a gate needs and no more: NIS of `measurement` against the
    /// combined estimate predicted to its time. `innovation(for:)` also
    /// computes the K per-model likelihoods of the mixture, which the gate
    /// throws away (one gate test: 9.1 us -> see Benchmarks/README.md).
    @inlinable public func gateInnovation(for measurement: Measurement) throws(FilterError) -> InnovationSummary {
        try updater.innovation(of: predictedState(to: measurement.timeNs), for: measurement)
    }

    @inlinable @discardableResult
    public mutating func update(with measurement: Measurement) throws(FilterError) -> InnovationSummary {
        try update(with: measurement, from: prediction(for: measurement))
    }

    /// Updates with `measurement` starting from `prediction`, which must be
    /// `prediction(for: measurement)` of this filter as it is now (the
    /// engine keeps the gate's): the same result as `update(with:)`, bit
    /// for bit, without predicting again. On error the filter is unchanged:
    /// it works on locals and writes back only on success.
    @inlinable @discardableResult
    public mutating func update(with measurement: Measurement, from prediction: Prediction) throws(FilterError)
        -> InnovationSummary
    {
        var states = prediction.states
        var mu = prediction.probabilities
        var summary = prediction.innovation
        // Each model's innovation serves both its likelihood and its update.
        var logWeights = Vector<K>.zero
        for j in 0..<K {
            let result = try updater.update(states[j], with: measurement)
            logWeights[j] = Math.log(mu[j]) + result.innovation.logLikelihood
            states[j] = result.state
        }
        let total = InteractingMultipleModel.logSumExp(logWeights)
        summary.logLikelihood = total
        for j in 0..<K { mu[j] = Math.exp(logWeights[j] - total) }
        modelStates = states
        probabilities = mu
        combinedState = Self.combined(states, mu)
        return summary
    }
}
