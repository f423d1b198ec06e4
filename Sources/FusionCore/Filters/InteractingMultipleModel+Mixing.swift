import FusionMath

/// The IMM's mixing, model predictions and combination, writing into the
/// caller's storage: the value-returning form (`InlineArray`s of
/// `GaussianState` built in closures and returned, 1.4 KB each for four
/// models) spent more time in `memmove` than in arithmetic.
extension InteractingMultipleModel {
    /// The model states and probabilities predicted to `timeNs` (after the
    /// state's time), written into `states` and `predicted` (which must not
    /// be this filter's own `modelStates`): mixing (`c_j = sum_i p_ij mu_i`,
    /// moment-matched mixed initial state per model) and each model's
    /// prediction, in place.
    @inlinable func predictModels(
        to timeNs: Int64, into states: inout InlineArray<K, GaussianState>, probabilities predicted: inout Vector<K>
    ) {
        let p = transitionMatrix(dt: secondsBetween(state.timeNs, timeNs))
        predicted = .zero
        for j in 0..<K {
            for i in 0..<K { predicted[j] += p[i, j] * probabilities[i] }
        }
        let startNs = state.timeNs
        modelStates.withUnsafeElementPointer { x in
            states.withUnsafeMutableElementPointer { out in
                for j in 0..<K {
                    // Mixed initial condition for model j: the moment-matched
                    // mixture of all model states weighted by mu_i|j.
                    var mean = StateVector.zero
                    for i in 0..<K {
                        let w = p[i, j] * probabilities[i] / predicted[j]
                        if w < Self.negligibleWeight { continue }
                        mean += w * x[i].mean
                    }
                    out[j].mean = mean
                    out[j].covariance = .zero
                    out[j].timeNs = startNs
                    for i in 0..<K {
                        let w = p[i, j] * probabilities[i] / predicted[j]
                        if w < Self.negligibleWeight { continue }
                        Self.accumulate(&out[j].covariance, weight: w, x + i, about: mean)
                    }
                    // `accumulate` leaves the covariance exactly symmetric.
                    models[j].predict(&out[j], to: timeNs)
                }
            }
        }
    }

    /// Recomputes the combined estimate from the model states.
    @inlinable mutating func combine() {
        let mu = probabilities
        var out = combinedState
        modelStates.withUnsafeElementPointer { Self.combine($0, mu, into: &out) }
        combinedState = out
    }

    /// The moment-matched combination of the `K` model states at `x` with
    /// probabilities `mu`, into `out`.
    @inlinable static func combine(_ x: UnsafePointer<GaussianState>, _ mu: Vector<K>, into out: inout GaussianState) {
        var mean = StateVector.zero
        for j in 0..<K where mu[j] >= negligibleWeight { mean += mu[j] * x[j].mean }
        out.mean = mean
        out.covariance = .zero
        out.timeNs = x[0].timeNs
        for j in 0..<K where mu[j] >= negligibleWeight { accumulate(&out.covariance, weight: mu[j], x + j, about: mean) }
    }

    /// `cov += w (P + d d^T)`, `d = x.mean - mean`, over whole rows: with
    /// `cov` and `P` exactly symmetric (they are: every covariance here is
    /// built mirrored) each upper element comes out bit for bit equal to
    /// its lower mirror, and whole rows vectorise where the triangle with
    /// mirrored stores did not (this was a fifth of an IMM cycle).
    @inlinable static func accumulate(
        _ cov: inout StateCovariance, weight w: Double, _ x: UnsafePointer<GaussianState>, about mean: StateVector
    ) {
        let d = x.pointee.mean - mean
        x.pointee.covariance.withUnsafeElements { p in
            cov.withUnsafeMutableElements { c in
                for a in 0..<6 {
                    let da = d[a]
                    for b in 0..<6 { c[a * 6 + b] += w * (p[a * 6 + b] + da * d[b]) }
                }
            }
        }
    }
}
