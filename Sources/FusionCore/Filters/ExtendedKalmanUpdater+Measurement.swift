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
    public func innovation(of state: GaussianState, for measurement: Measurement) throws(FilterError)
        -> InnovationSummary
    {
        try dispatch(state, measurement, updating: false).innovation
    }

    /// `state` (already predicted to the measurement's time) updated with
    /// `measurement`, and the innovation that did it.
    public func update(_ state: GaussianState, with measurement: Measurement) throws(FilterError)
        -> (state: GaussianState, innovation: InnovationSummary)
    {
        try dispatch(state, measurement, updating: true)
    }

    @usableFromInline func dispatch(_ state: GaussianState, _ m: Measurement, updating: Bool) throws(FilterError)
        -> (state: GaussianState, innovation: InnovationSummary)
    {
        let x = state.mean
        switch m.kind {
        case .radar:
            switch (m.hasElevation, m.hasRangeRate) {
            case (true, false):
                return try run(
                    state, CartesianToElevationBearingRange(pose: m.pose).predict(x), m, [0, 1, 2], updating)
            case (true, true):
                return try run(
                    state, CartesianToElevationBearingRangeRate(pose: m.pose).predict(x), m, [0, 1, 2, 3], updating)
            case (false, false):
                return try run(
                    state, CartesianToBearingRange(pose: m.pose).predict(x), m, [0, 1], updating,
                    considerVertical: true)
            case (false, true):
                return try run(
                    state, CartesianToBearingRangeRate(pose: m.pose).predict(x), m, [0, 1, 3], updating,
                    considerVertical: true)
            }
        case .bearing:
            if m.hasElevation {
                return try run(state, CartesianToElevationBearing(pose: m.pose).predict(x), m, [0, 1], updating)
            }
            return try run(state, CartesianToBearing(pose: m.pose).predict(x), m, [0], updating)
        case .position:
            return try run(state, CartesianToPosition().predict(x), m, [0, 1, 2], updating)
        }
    }

    /// Picks the components `index` of the measurement's values and sigmas,
    /// then computes the innovation and, when `updating`, the update.
    /// `considerVertical` (a 2D radar) treats altitude and vertical velocity
    /// as consider states, see `update(_:innovation:prediction:noise:considerVertical:)`.
    @inlinable func run<let M: Int>(
        _ state: GaussianState, _ prediction: MeasurementPrediction<M>, _ m: Measurement,
        _ index: InlineArray<M, Int>, _ updating: Bool, considerVertical: Bool = false
    ) throws(FilterError) -> (state: GaussianState, innovation: InnovationSummary) {
        var z = Vector<M>.zero
        var r = Matrix<M, M>.zero
        for i in 0..<M {
            let value = m.values[index[i]], sigma = m.sigmas[index[i]]
            guard value.isFinite, sigma.isFinite, sigma > 0 else { throw .invalidMeasurement }
            z[i] = value
            r[i, i] = sigma * sigma
        }
        let nu = try innovation(of: state, prediction: prediction, measured: z, noise: r)
        guard updating else { return (state, nu.summary) }
        return (
            try update(state, innovation: nu, prediction: prediction, noise: r, considerVertical: considerVertical),
            nu.summary
        )
    }
}
