import FusionMath

/// Dispatch from a `Measurement` (kind and flags) to its measurement model
/// and dimension:
///
/// | kind      | elevation | range-rate | model                                  | M |
/// |-----------|-----------|------------|----------------------------------------|---|
/// | radar     | yes       | no         | `CartesianToElevationBearingRange`     | 3 |
/// | radar     | yes       | yes        | `CartesianToElevationBearingRangeRate` | 4 |
/// | radar     | no        | no         | `CartesianToBearingRange`              | 2 |
/// | radar     | no        | yes        | `CartesianToBearingRangeRate`          | 3 |
/// | bearing   | yes       | -          | `CartesianToElevationBearing`          | 2 |
/// | bearing   | no        | -          | `CartesianToBearing`                   | 1 |
/// | position  | -         | -          | `CartesianToPosition`                  | 3 |
///
/// `R` is diagonal, from the measurement's `sigmas` squared.
extension ExtendedKalmanUpdater {
    /// NIS and log-likelihood of `measurement` against `state` (which should
    /// already be predicted to the measurement's time), without updating:
    /// what a gate and an association cost need.
    @inlinable public func innovation(of state: GaussianState, for measurement: Measurement) throws(FilterError)
        -> InnovationSummary
    {
        var unchanged = state
        return try dispatch(&unchanged, measurement, updating: false)
    }

    /// NIS and dimension of `measurement` against `state`, without the
    /// log-likelihood (NaN; its logarithm is not computed): what a gate
    /// needs.
    @inlinable public func gateStatistics(of state: GaussianState, for measurement: Measurement) throws(FilterError)
        -> InnovationSummary
    {
        var unchanged = state
        return try dispatch(&unchanged, measurement, updating: false, likelihood: false)
    }

    /// `state` (already predicted to the measurement's time) updated with
    /// `measurement`, and the innovation that did it.
    @inlinable public func update(_ state: GaussianState, with measurement: Measurement) throws(FilterError)
        -> (state: GaussianState, innovation: InnovationSummary)
    {
        var next = state
        let nu = try dispatch(&next, measurement, updating: true)
        return (next, nu)
    }

    /// The same update in place (no copies of the state in and out); on
    /// error `state` is unchanged.
    @inlinable @discardableResult
    public func update(_ state: inout GaussianState, with measurement: Measurement) throws(FilterError)
        -> InnovationSummary
    {
        try dispatch(&state, measurement, updating: true)
    }

    @inlinable func dispatch(
        _ state: inout GaussianState, _ m: Measurement, updating: Bool, likelihood: Bool = true
    ) throws(FilterError) -> InnovationSummary {
        let x = state.mean
        switch m.kind {
        case .radar:
            switch (m.hasElevation, m.hasRangeRate) {
            case (true, false):
                return try run(
                    &state, CartesianToElevationBearingRange(pose: m.pose).predict(x), m, [0, 1, 2], updating, likelihood)
            case (true, true):
                return try run(
                    &state, CartesianToElevationBearingRangeRate(pose: m.pose).predict(x), m, [0, 1, 2, 3], updating, likelihood)
            case (false, false):
                return try run(
                    &state, CartesianToBearingRange(pose: m.pose).predict(x), m, [0, 1], updating, likelihood,
                    considerVertical: true)
            case (false, true):
                return try run(
                    &state, CartesianToBearingRangeRate(pose: m.pose).predict(x), m, [0, 1, 3], updating, likelihood,
                    considerVertical: true)
            }
        case .bearing:
            if m.hasElevation {
                return try run(&state, CartesianToElevationBearing(pose: m.pose).predict(x), m, [0, 1], updating, likelihood)
            }
            return try run(&state, CartesianToBearing(pose: m.pose).predict(x), m, [0], updating, likelihood)
        case .position:
            return try run(&state, CartesianToPosition().predict(x), m, [0, 1, 2], updating, likelihood)
        }
    }

    /// Picks the components `index` of the measurement's values and sigmas,
    /// then computes the innovation and, when `updating`, the update (in
    /// place); the summary's log-likelihood only when `likelihood`. `considerVertical` (a 2D radar) treats altitude and vertical
    /// velocity as consider states, see `update(_:innovation:prediction:noise:considerVertical:)`.
    @inlinable func run<let M: Int>(
        _ state: inout GaussianState, _ prediction: MeasurementPrediction<M>, _ m: Measurement,
        _ index: InlineArray<M, Int>, _ updating: Bool, _ likelihood: Bool, considerVertical: Bool = false
    ) throws(FilterError) -> InnovationSummary {
        var z = Vector<M>.zero
        var r = Matrix<M, M>.zero
        for i in 0..<M {
            let value = m.values[index[i]], sigma = m.sigmas[index[i]]
            guard value.isFinite, sigma.isFinite, sigma > 0 else { throw .invalidMeasurement }
            z[i] = value
            r[i, i] = sigma * sigma
        }
        let nu = try innovation(of: state, prediction: prediction, measured: z, noise: r)
        if updating {
            try update(&state, innovation: nu, prediction: prediction, noise: r, considerVertical: considerVertical)
        }
        return likelihood ? nu.summary : nu.gateSummary
    }
}
