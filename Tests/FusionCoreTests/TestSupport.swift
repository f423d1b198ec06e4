import FusionCore
import FusionMath
import Simulation

/// Shared helpers for the filter tests: random geometries, a small truth
/// generator and chi-square quantiles. Nothing here is taken from the code
/// under test except the types.
enum TestSupport {
    static let secondNs: Int64 = 1_000_000_000
    static let t0Ns: Int64 = 1_700_000_000 * 1_000_000_000

    /// A rotation from yaw (about up), pitch (about east) and roll (about north).
    static func rotation(yaw: Double, pitch: Double, roll: Double) -> Matrix3 {
        let cy = Math.cos(yaw), sy = Math.sin(yaw)
        let cp = Math.cos(pitch), sp = Math.sin(pitch)
        let cr = Math.cos(roll), sr = Math.sin(roll)
        let rz = Matrix3(rows: [[cy, -sy, 0], [sy, cy, 0], [0, 0, 1]])
        let rx = Matrix3(rows: [[1, 0, 0], [0, cp, -sp], [0, sp, cp]])
        let ry = Matrix3(rows: [[cr, 0, sr], [0, 1, 0], [-sr, 0, cr]])
        return rz * rx * ry
    }

    /// A sensor somewhere within 20 km of the origin, turned arbitrarily
    /// (larger turns than any real site, so the rotation is really exercised).
    static func randomPose(_ rng: inout SeededGenerator) -> SensorPose {
        SensorPose(
            positionENU: Vector3(rng.uniform(-20_000, 20_000), rng.uniform(-20_000, 20_000), rng.uniform(-50, 300)),
            rotation: rotation(yaw: rng.uniform(-0.5, 0.5), pitch: rng.uniform(-0.2, 0.2), roll: rng.uniform(-0.2, 0.2)))
    }

    /// A target state 1-20 km from `pose`, 50-2000 m up, 0-80 m/s.
    static func randomState(near pose: SensorPose, _ rng: inout SeededGenerator) -> StateVector {
        let r = rng.uniform(1000, 20_000), az = rng.uniform(-Double.pi, Double.pi)
        let speed = rng.uniform(0, 80), heading = rng.uniform(-Double.pi, Double.pi)
        return StateVector([
            pose.positionENU.x + r * Math.sin(az), pose.positionENU.y + r * Math.cos(az), rng.uniform(50, 2000),
            speed * Math.sin(heading), speed * Math.cos(heading), rng.uniform(-10, 10),
        ])
    }

    /// A random symmetric positive-definite covariance with position sigmas
    /// 5-200 m and velocity sigmas 1-30 m/s and random correlations.
    static func randomCovariance(_ rng: inout SeededGenerator) -> StateCovariance {
        var a = StateCovariance.zero
        for i in 0..<6 { for j in 0..<6 { a[i, j] = rng.normal() * 0.3 } }
        var sigmas = Vector<6>.zero
        for i in 0..<3 { sigmas[i] = rng.uniform(5, 200) }
        for i in 3..<6 { sigmas[i] = rng.uniform(1, 30) }
        let d = StateCovariance.diagonal(sigmas)
        let core = Matrix.timesTransposed(a, a) + StateCovariance.identity
        return (d * core * d).symmetrized
    }

    /// Exact range, azimuth, elevation, range-rate of `x` from `pose`,
    /// written independently of the library's geometry.
    static func trueRadar(_ x: StateVector, _ pose: SensorPose) -> Vector<4> {
        let rel = pose.rotation * (Vector3(x[0], x[1], x[2]) - pose.positionENU)
        let vel = pose.rotation * Vector3(x[3], x[4], x[5])
        let r = rel.norm
        return Vector<4>([
            r, Math.atan2(rel.x, rel.y), Math.asin(rel.z / r), rel.dot(vel) / r,
        ])
    }

    /// A noisy 3D radar plot of truth `x` at `timeNs`.
    static func radarPlot(
        _ x: StateVector, pose: SensorPose, timeNs: Int64, sigmaRangeM: Double, sigmaAzRad: Double,
        sigmaElRad: Double, _ rng: inout SeededGenerator
    ) -> Measurement {
        let z = trueRadar(x, pose)
        return Measurement.radar(
            timeNs: timeNs, sensor: 1, pose: pose, rangeM: z[0] + sigmaRangeM * rng.normal(),
            azimuthRad: Angle.wrapPositive(z[1] + sigmaAzRad * rng.normal()),
            elevationRad: z[2] + sigmaElRad * rng.normal(), rangeRateMps: nil, sigmaRangeM: sigmaRangeM,
            sigmaAzimuthRad: sigmaAzRad, sigmaElevationRad: sigmaElRad, sigmaRangeRateMps: 0)
    }

    /// One step of a nearly-constant-velocity truth with white-noise
    /// acceleration of density `qh` (east, north) and `qv` (up): the exact
    /// discrete noise, drawn through the 2x2 Cholesky factor of
    /// `q [[T^3/3, T^2/2], [T^2/2, T]]` per axis.
    static func cvTruthStep(_ x: StateVector, dt: Double, qh: Double, qv: Double, _ rng: inout SeededGenerator)
        -> StateVector
    {
        var next = x
        for axis in 0..<3 {
            let q = axis < 2 ? qh : qv
            let a = q * dt * dt * dt / 3, b = q * dt * dt / 2, c = q * dt
            let l11 = a.squareRoot(), l21 = b / l11, l22 = (c - l21 * l21).squareRoot()
            let n1 = rng.normal(), n2 = rng.normal()
            next[axis] = x[axis] + dt * x[axis + 3] + l11 * n1
            next[axis + 3] = x[axis + 3] + l21 * n1 + l22 * n2
        }
        return next
    }

    /// Upper `p` quantile of the standard normal for the two values the
    /// tests use (tabulated, Abramowitz and Stegun 26.2).
    static func normalQuantile(_ p: Double) -> Double {
        switch p {
        case 0.975: return 1.959_963_985
        case 0.025: return -1.959_963_985
        case 0.995: return 2.575_829_304
        case 0.005: return -2.575_829_304
        default: fatalError("quantile not tabulated")
        }
    }

    /// Chi-square quantile with `k` dof by Wilson and Hilferty (1931):
    /// `k (1 - 2/(9k) + z sqrt(2/(9k)))^3`, accurate to a fraction of a
    /// percent for k in the hundreds.
    static func chiSquareQuantile(_ p: Double, dof k: Double) -> Double {
        let c = 2 / (9 * k)
        let t = 1 - c + normalQuantile(p) * c.squareRoot()
        return k * t * t * t
    }

    /// `e^T P^-1 e`.
    static func nees(_ state: GaussianState, truth: StateVector) throws -> Double {
        try Cholesky(state.covariance).mahalanobisSquared(state.mean - truth)
    }

    static func isSymmetricPositiveDefinite(_ p: StateCovariance) -> Bool {
        for i in 0..<6 {
            for j in 0..<6 where abs(p[i, j] - p[j, i]) > 1e-9 * (abs(p[i, j]) + 1e-12) { return false }
        }
        return (try? Cholesky(p)) != nil && p.isFinite
    }
}
