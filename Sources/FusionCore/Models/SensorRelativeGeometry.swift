import FusionMath

/// Range, azimuth, elevation and range-rate of a state seen from a sensor,
/// with their gradients with respect to the 6-state, all in the sensor's
/// own local ENU axes.
///
/// With `d = R (p - s)` and `w = R v` (`R` = `pose.rotation`, tracking ENU
/// to sensor ENU; `s` = sensor position):
///
///     range     r   = |d|
///     azimuth   az  = atan2(d_e, d_n)            clockwise from north
///     elevation el  = atan2(d_u, hypot(d_e, d_n))
///     rangeRate rr  = d . w / r                   positive opening
///
/// Gradients with respect to the tracking-frame position are `R^T` times
/// those with respect to `d` (and likewise for velocity and `w`). Directly
/// overhead (`hypot(d_e, d_n)` -> 0) azimuth is undefined; the horizontal
/// distance is floored at 1 mm so the Jacobian stays finite.
@frozen
public struct SensorRelativeGeometry: Sendable, BitwiseCopyable {
    public var rangeM: Double
    public var azimuthRad: Double
    public var elevationRad: Double
    public var rangeRateMps: Double
    public var rangeGradient: Vector<6>
    public var azimuthGradient: Vector<6>
    public var elevationGradient: Vector<6>
    public var rangeRateGradient: Vector<6>

    @inlinable public init(state x: StateVector, pose: SensorPose) {
        let rot = pose.rotation
        let d = rot * Vector3(x[0] - pose.positionENU.x, x[1] - pose.positionENU.y, x[2] - pose.positionENU.z)
        let w = rot * Vector3(x[3], x[4], x[5])
        let rho2 = Swift.max(d.x * d.x + d.y * d.y, 1e-6)
        let rho = rho2.squareRoot()
        let r2 = rho2 + d.z * d.z
        let r = r2.squareRoot()
        rangeM = r
        azimuthRad = Math.atan2(d.x, d.y)
        elevationRad = Math.atan2(d.z, rho)
        let rr = d.dot(w) / r
        rangeRateMps = rr

        let rt = rot.transposed
        let gRange = rt * ((1 / r) * d)
        let gAz = rt * Vector3(d.y / rho2, -d.x / rho2, 0)
        let gEl = rt * Vector3(-d.z * d.x / (rho * r2), -d.z * d.y / (rho * r2), rho / r2)
        let gRrPos = rt * ((1 / r) * (w - (rr / r) * d))
        rangeGradient = SensorRelativeGeometry.stack(gRange, .zero)
        azimuthGradient = SensorRelativeGeometry.stack(gAz, .zero)
        elevationGradient = SensorRelativeGeometry.stack(gEl, .zero)
        // d rr / d v = R^T d / r = the range gradient's position part.
        rangeRateGradient = SensorRelativeGeometry.stack(gRrPos, gRange)
    }

    @inlinable static func stack(_ a: Vector3, _ b: Vector3) -> Vector<6> {
        Vector<6>([a.x, a.y, a.z, b.x, b.y, b.z])
    }
}

extension Matrix where C == 6 {
    /// Sets row `i` to `g`.
    @inlinable mutating func setRow(_ i: Int, _ g: Vector<6>) {
        for j in 0..<6 { self[i, j] = g[j] }
    }
}
