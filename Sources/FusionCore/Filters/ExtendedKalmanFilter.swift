import FusionMath

/// A single-model extended Kalman filter track: `Model`'s prediction and
/// the `ExtendedKalmanUpdater`'s update, on the 6-state ENU estimate.
@frozen
public struct ExtendedKalmanFilter<Model: MotionModel>: TrackFilter {
    public var model: Model
    public var state: GaussianState
    public var updater: ExtendedKalmanUpdater

    @inlinable public init(model: Model, state: GaussianState) {
        self.model = model
        self.state = state
        updater = ExtendedKalmanUpdater()
    }

    @inlinable public func restarted(from state: GaussianState) -> ExtendedKalmanFilter<Model> {
        var filter = self
        filter.state = state
        return filter
    }

    @inlinable public var snapshot: GaussianState { state }

    @inlinable public func resumed(from snapshot: GaussianState) -> ExtendedKalmanFilter<Model> {
        restarted(from: snapshot)
    }

    @inlinable public static func timeNs(of snapshot: GaussianState) -> Int64 { snapshot.timeNs }

    @inlinable public mutating func predict(to timeNs: Int64) {
        state = model.predict(state, to: timeNs)
    }

    @inlinable public func innovation(for measurement: Measurement) throws(FilterError) -> InnovationSummary {
        try updater.innovation(of: model.predict(state, to: measurement.timeNs), for: measurement)
    }

    @inlinable @discardableResult
    public mutating func update(with measurement: Measurement) throws(FilterError) -> InnovationSummary {
        let result = try updater.update(model.predict(state, to: measurement.timeNs), with: measurement)
        state = result.state
        return result.innovation
    }
}

extension ExtendedKalmanFilter: BitwiseCopyable where Model: BitwiseCopyable {}
