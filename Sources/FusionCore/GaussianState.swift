import FusionMath

/// Kinematic state of one target in the node's local ENU frame (see
/// `FusionMath.LocalFrame`): `[east, north, up, vEast, vNorth, vUp]`, metres
/// and metres per second.
public typealias StateVector = Vector<6>

/// Covariance of a `StateVector`, same units squared.
public typealias StateCovariance = Matrix<6, 6>

/// A Gaussian estimate of a target's state at an absolute time.
@frozen
public struct GaussianState: Sendable, BitwiseCopyable {
    public var mean: StateVector
    public var covariance: StateCovariance
    /// Time of validity, nanoseconds since the Unix epoch (UTC).
    public var timeNs: Int64

    @inlinable public init(mean: StateVector, covariance: StateCovariance, timeNs: Int64) {
        self.mean = mean
        self.covariance = covariance
        self.timeNs = timeNs
    }

    @inlinable public var position: Vector3 { Vector3(mean[0], mean[1], mean[2]) }
    @inlinable public var velocity: Vector3 { Vector3(mean[3], mean[4], mean[5]) }

    /// 1-sigma horizontal position uncertainty, metres: the root of the mean
    /// of the two horizontal variances (the radius of a circle of equal area
    /// would differ by a constant; this is the convention of ICD 2.4).
    @inlinable public var horizontalSigmaM: Double {
        (0.5 * (covariance[0, 0] + covariance[1, 1])).squareRoot()
    }
}

/// Seconds between two absolute times in nanoseconds.
@inlinable public func secondsBetween(_ fromNs: Int64, _ toNs: Int64) -> Double {
    Double(toNs &- fromNs) * 1e-9
}
