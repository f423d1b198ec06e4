import FusionMath

/// A first state estimate from one measurement (or two), for track
/// initiation.
///
/// Radar plots are converted to Cartesian with a linearised ("converted
/// measurement") covariance: in the sensor's local axes
///
///     p = s + R^T r [cos el sin az, cos el cos az, sin el]
///     C = R^T J diag(sigma_r^2, sigma_az^2, sigma_el^2) J^T R,  J = dp/d(r, az, el)
///
/// A 2D radar has no elevation: the target is put at `assumedAltitudeM`
/// (tracking-frame up) and the elevation that gives it, with
/// `sigma_el = altitudeSigmaM / (r cos el)`. FIXME: the up of a sensor far
/// from the origin differs slightly from the tracking frame's; the prior is
/// applied in the sensor's axes, which its large sigma absorbs.
///
/// Velocity starts at zero with `velocitySigmaMps` horizontally and
/// `verticalVelocitySigmaMps` vertically (at most `unobservedClimbSigmaMps`
/// for a 2D radar, which never observes climb); a Doppler radar's range-rate fixes
/// the radial component (mean `rr u`, sigma `sigma_rr` along the line of
/// sight `u`). ADS-B positions are taken as they are. A lone bearing fixes
/// no position: `FilterError.notObservable`.
@frozen
public struct MeasurementStateInitializer: Sendable, BitwiseCopyable {
    public var velocitySigmaMps: Double
    public var verticalVelocitySigmaMps: Double
    public var assumedAltitudeM: Double
    public var altitudeSigmaM: Double
    /// 1-sigma climb prior of a track started by a 2D radar plot, m/s.
    public var unobservedClimbSigmaMps: Double = 3

    /// Defaults sized for small drones and light aircraft: speeds up to
    /// about 2 sigma = 120 m/s, climb up to 40 m/s, a 2D-radar altitude
    /// prior of 150 m +- 300 m.
    @inlinable public init(
        velocitySigmaMps: Double = 60, verticalVelocitySigmaMps: Double = 20, assumedAltitudeM: Double = 150,
        altitudeSigmaM: Double = 300
    ) {
        self.velocitySigmaMps = velocitySigmaMps
        self.verticalVelocitySigmaMps = verticalVelocitySigmaMps
        self.assumedAltitudeM = assumedAltitudeM
        self.altitudeSigmaM = altitudeSigmaM
    }

    /// The position (tracking frame) and its covariance that `m` alone gives.
    public func position(from m: Measurement) throws(FilterError) -> (mean: Vector3, covariance: Matrix3) {
        for i in 0..<4 where !m.values[i].isFinite || !m.sigmas[i].isFinite { throw .invalidMeasurement }
        switch m.kind {
        case .bearing:
            throw .notObservable
        case .position:
            guard m.sigmas[0] > 0, m.sigmas[1] > 0, m.sigmas[2] > 0 else { throw .invalidMeasurement }
            var c = Matrix3.zero
            for i in 0..<3 { c[i, i] = m.sigmas[i] * m.sigmas[i] }
            return (Vector3(m.values[0], m.values[1], m.values[2]), c)
        case .radar:
            let r = m.values[0], az = m.values[1]
            guard r > 0, m.sigmas[0] > 0, m.sigmas[1] > 0 else { throw .invalidMeasurement }
            let el: Double
            let sigmaEl: Double
            if m.hasElevation {
                guard m.sigmas[2] > 0 else { throw .invalidMeasurement }
                el = m.values[2]
                sigmaEl = m.sigmas[2]
            } else {
                let sine = Swift.min(0.99, Swift.max(-0.99, (assumedAltitudeM - m.pose.positionENU.z) / r))
                el = Math.asin(sine)
                sigmaEl = Swift.min(1.0, altitudeSigmaM / (r * Math.cos(el)))
            }
            let se = Math.sin(el), ce = Math.cos(el), sa = Math.sin(az), ca = Math.cos(az)
            let local = Vector3(r * ce * sa, r * ce * ca, r * se)
            // Columns: d/dr, d/daz, d/del of the local Cartesian position.
            let j = Matrix3(rows: [
                [ce * sa, r * ce * ca, -r * se * sa],
                [ce * ca, -r * ce * sa, -r * se * ca],
                [se, 0, r * ce],
            ])
            let d = Vector3(m.sigmas[0] * m.sigmas[0], m.sigmas[1] * m.sigmas[1], sigmaEl * sigmaEl)
            let localCov = Matrix.timesTransposed(j * Matrix3.diagonal(d), j)
            let rt = m.pose.rotation.transposed
            let cov = (rt * localCov * m.pose.rotation).symmetrized
            return (m.pose.positionENU + rt * local, cov)
        }
    }

    /// A state from one measurement, at the measurement's time.
    public func state(from m: Measurement) throws(FilterError) -> GaussianState {
        let (p, c) = try position(from: m)
        var mean = StateVector.zero
        var cov = StateCovariance.zero
        cov.setBlock(c, row: 0, column: 0)
        for i in 0..<3 { mean[i] = p[i] }
        // A 2D radar never observes climb: with the wide climb prior, its
        // track's altitude variance grows as (t sigma_vz)^2 and altitude and
        // climb become nearly one unknown, so the first elevations (an
        // array's, seconds or minutes later) were read as a climb of 10 m/s
        // and more, carried on between reports. Such a track starts with
        // the climb of a cruising target instead.
        let vz = m.kind == .radar && !m.hasElevation
            ? Swift.min(verticalVelocitySigmaMps, unobservedClimbSigmaMps) : verticalVelocitySigmaMps
        var vCov = Matrix3.diagonal(
            Vector3(velocitySigmaMps * velocitySigmaMps, velocitySigmaMps * velocitySigmaMps, vz * vz))
        if m.kind == .radar, m.hasRangeRate, m.sigmas[3] > 0 {
            // Condition the velocity prior on the measured radial speed
            // (the line of sight treated as exact): Kalman update of the
            // velocity block with H = u^T.
            let los = p - m.pose.positionENU
            let u = (1 / los.norm) * los
            let vu = vCov * u
            let s = u.dot(vu) + m.sigmas[3] * m.sigmas[3]
            let gain = (1 / s) * vu
            let v = m.values[3] * gain
            vCov = (vCov - Matrix.outer(gain, vu)).symmetrized
            for i in 0..<3 { mean[i + 3] = v[i] }
        }
        cov.setBlock(vCov, row: 3, column: 3)
        do { _ = try Cholesky(cov) } catch { throw .stateCovarianceNotPositiveDefinite }
        return GaussianState(mean: mean, covariance: cov, timeNs: m.timeNs)
    }

    /// A state at `second`'s time from two measurements of one target by
    /// differencing (Bar-Shalom two-point initialisation):
    ///
    ///     x = [p2, (p2 - p1) / dt]
    ///     P = [[C2, C2 / dt], [C2 / dt, (C1 + C2) / dt^2]]
    ///
    /// Process noise over `dt` is neglected (short gaps only: the tracker
    /// uses consecutive scans).
    public func state(from first: Measurement, then second: Measurement) throws(FilterError) -> GaussianState {
        guard second.timeNs > first.timeNs else { throw .invalidMeasurement }
        let dt = secondsBetween(first.timeNs, second.timeNs)
        let (p1, c1) = try position(from: first)
        let (p2, c2) = try position(from: second)
        let v = (1 / dt) * (p2 - p1)
        var mean = StateVector.zero
        for i in 0..<3 {
            mean[i] = p2[i]
            mean[i + 3] = v[i]
        }
        var cov = StateCovariance.zero
        cov.setBlock(c2, row: 0, column: 0)
        cov.setBlock((1 / dt) * c2, row: 0, column: 3)
        cov.setBlock((1 / dt) * c2, row: 3, column: 0)
        cov.setBlock((1 / (dt * dt)) * (c1 + c2), row: 3, column: 3)
        do { _ = try Cholesky(cov) } catch { throw .stateCovarianceNotPositiveDefinite }
        return GaussianState(mean: mean, covariance: cov, timeNs: second.timeNs)
    }
}
