import FusionMath

/// A position fixed from the bearings of several acoustic sensors, with its
/// covariance from the intersection geometry and the consistency statistic
/// of the bearings with it.
@frozen
public struct TriangulatedFix: Sendable, BitwiseCopyable {
    /// Tracking-frame ENU position, metres, at `timeNs`.
    public var position: Vector3
    /// Its covariance, m^2: `(sum_i H_i^T R_i^-1 H_i + prior)^-1`.
    public var covariance: Matrix3
    /// Normalised squared residual of the bearings (and the altitude prior).
    public var chiSquare: Double
    /// Observations minus unknowns (azimuths, elevations and the prior, less 3).
    public var degreesOfFreedom: Int
    /// The newest bearing's time, ns since the Unix epoch: with sound's
    /// travel compensated, its emission time at the fix (the time the
    /// fix's position is of).
    public var timeNs: Int64
}

/// Up to `capacity` bearings from distinct sensors and the maximum-likelihood
/// point they cross at: Gauss-Newton on
///
///     min_x  sum_i [ (az_i - az_i(x))^2 / s_az,i^2 + (el_i - el_i(x))^2 / s_el,i^2 ]
///            + (x_up - h0)^2 / s_h^2
///
/// with `az_i(x)`, `el_i(x)` the bearing model of `SensorRelativeGeometry`
/// in each sensor's own axes. This is the closest approach of the rays
/// weighted by each bearing's own accuracy: with elevations it is a 3D fix
/// (azimuth, usually the sharper angle, sets the horizontal position;
/// elevations set the height); without them the height comes from the
/// assumed altitude band (`h0`, `s_h`), a 2D intersection. Bearings taken at
/// different times see a moving target: each angle's variance gets
/// `(v dt / range)^2` added, `v` the motion sigma and `dt` its age against
/// the newest bearing. With `delayNsPerM` above 0, times are emission
/// times at `x`, `t_i - |x - s_i| / c` (`SoundPropagation`): two arrays
/// at different ranges hear one instant of the target's path at times
/// seconds apart.
@frozen
public struct BearingTriangulation: Sendable, BitwiseCopyable {
    public static var capacity: Int { 6 }
    public private(set) var bearings: InlineArray<6, Measurement>
    public private(set) var count: Int

    public init(_ first: Measurement, _ second: Measurement) {
        bearings = InlineArray(repeating: first)
        bearings[1] = second
        count = 2
    }

    /// Adds a bearing; false when full.
    public mutating func append(_ m: Measurement) -> Bool {
        guard count < Self.capacity else { return false }
        bearings[count] = m
        count += 1
        return true
    }

    public mutating func removeLast() { count = Swift.max(2, count - 1) }

    /// True when a bearing of `sensor` is already in the set.
    public func contains(sensor: SensorIndex) -> Bool {
        for i in 0..<count where bearings[i].sensor == sensor { return true }
        return false
    }

    /// The newest emission time of the bearings' sound from `x`
    /// (`delayNsPerM` 0: the newest detection time).
    public func newestEmissionNs(at x: Vector3, delayNsPerM: Double) -> Int64 {
        var t = Self.emissionNs(of: bearings[0], from: x, delayNsPerM: delayNsPerM)
        for i in 1..<count { t = Swift.max(t, Self.emissionNs(of: bearings[i], from: x, delayNsPerM: delayNsPerM)) }
        return t
    }

    /// When the sound of bearing `m` left a source at `x`: its detection
    /// time less the travel time (a still source's: a fix has no velocity).
    @inlinable public static func emissionNs(of m: Measurement, from x: Vector3, delayNsPerM: Double) -> Int64 {
        guard delayNsPerM > 0 else { return m.timeNs }
        let travel = (x - m.pose.positionENU).norm * delayNsPerM
        guard travel.isFinite, travel < 1e12 else { return m.timeNs }
        return m.timeNs &- Int64(travel.rounded())
    }

    /// Where the horizontal rays of `a` and `b` cross, as a starting point:
    /// nil when they cross behind either sensor, beyond `maxRangeM`, or at
    /// less than `minAngleRad` (a fix long along the rays).
    public static func horizontalCrossing(
        _ a: Measurement, _ b: Measurement, minAngleRad: Double, maxRangeM: Double
    ) -> (east: Double, north: Double, rangeA: Double, rangeB: Double)? {
        let da = horizontalDirection(a), db = horizontalDirection(b)
        // a + s da = b + t db:  [da, -db] (s, t) = b - a
        let det = -da.x * db.y + db.x * da.y
        guard abs(det) >= Math.sin(minAngleRad) else { return nil }
        let wx = b.pose.positionENU.x - a.pose.positionENU.x, wy = b.pose.positionENU.y - a.pose.positionENU.y
        let s = (-wx * db.y + db.x * wy) / det
        let t = (da.x * wy - da.y * wx) / det
        guard s > 0, t > 0, s <= maxRangeM, t <= maxRangeM else { return nil }
        return (a.pose.positionENU.x + s * da.x, a.pose.positionENU.y + s * da.y, s, t)
    }

    /// The bearing's horizontal direction in the tracking frame.
    static func horizontalDirection(_ m: Measurement) -> Vector3 {
        let az = m.values[0]
        return m.pose.rotation.transposed * Vector3(Math.sin(az), Math.cos(az), 0)
    }

    /// The fix, by Gauss-Newton from the first two bearings' crossing; nil
    /// when they do not cross usefully or the normal equations are singular.
    public func solve(
        configuration c: CrossFixConfiguration, maxRangeM: Double, delayNsPerM: Double = 0
    ) -> TriangulatedFix? {
        guard let start = Self.horizontalCrossing(
            bearings[0], bearings[1], minAngleRad: c.minCrossingAngleRad, maxRangeM: maxRangeM)
        else { return nil }
        // Height: the mean of what each elevation says at its ground range.
        var height = c.assumedAltitudeM
        if bearings[0].hasElevation && bearings[1].hasElevation {
            let h0 = bearings[0].pose.positionENU.z + start.rangeA * Math.tan(bearings[0].values[1])
            let h1 = bearings[1].pose.positionENU.z + start.rangeB * Math.tan(bearings[1].values[1])
            height = 0.5 * (h0 + h1)
        }
        var x = Vector3(start.east, start.north, height)
        for _ in 0..<8 {
            guard let (normal, gradient, _) = normalEquations(at: x, configuration: c, delayNsPerM: delayNsPerM),
                let factor = try? Cholesky(normal)
            else { return nil }
            var step = factor.solve(gradient)
            let length = step.norm
            // Damped: a long first step from a poor start must not jump behind a sensor.
            if length > 2_000 { step = (2_000 / length) * step }
            x += step
            guard x.isFinite else { return nil }
            if length < 0.5 { break }
        }
        guard let (normal, _, chi) = normalEquations(at: x, configuration: c, delayNsPerM: delayNsPerM),
            let factor = try? Cholesky(normal)
        else { return nil }
        var observations = 1
        for i in 0..<count { observations += bearings[i].hasElevation ? 2 : 1 }
        return TriangulatedFix(
            position: x, covariance: factor.inverse, chiSquare: chi, degreesOfFreedom: observations - 3,
            timeNs: newestEmissionNs(at: x, delayNsPerM: delayNsPerM))
    }

    /// `A = sum H^T W H + prior`, `b = sum H^T W r` and the weighted squared
    /// residual at `x`, each bearing's motion allowance against the newest
    /// (emission) time at `x`.
    func normalEquations(at x: Vector3, configuration c: CrossFixConfiguration, delayNsPerM: Double)
        -> (Matrix3, Vector3, Double)?
    {
        let referenceNs = newestEmissionNs(at: x, delayNsPerM: delayNsPerM)
        var a = Matrix3.zero
        var b = Vector3.zero
        let priorWeight = 1 / (c.altitudeSigmaM * c.altitudeSigmaM)
        let priorResidual = c.assumedAltitudeM - x.z
        a[2, 2] = priorWeight
        b[2] = priorWeight * priorResidual
        var chi = priorWeight * priorResidual * priorResidual
        let state = StateVector([x.x, x.y, x.z, 0, 0, 0])
        for i in 0..<count {
            let m = bearings[i]
            let g = SensorRelativeGeometry(state: state, pose: m.pose)
            guard g.rangeM > 1 else { return nil }
            let drift = c.motionSigmaMps
                * abs(secondsBetween(Self.emissionNs(of: m, from: x, delayNsPerM: delayNsPerM), referenceNs))
            let ground = g.rangeM * Math.cos(g.elevationRad)
            let azVar = m.sigmas[0] * m.sigmas[0] + (drift * drift) / Swift.max(ground * ground, 1)
            let azResidual = Angle.wrapSigned(m.values[0] - g.azimuthRad)
            Self.accumulate(g.azimuthGradient, residual: azResidual, variance: azVar, into: &a, &b, &chi)
            if m.hasElevation {
                let elVar = m.sigmas[1] * m.sigmas[1] + (drift * drift) / (g.rangeM * g.rangeM)
                Self.accumulate(g.elevationGradient, residual: m.values[1] - g.elevationRad, variance: elVar, into: &a, &b, &chi)
            }
        }
        return (a, b, chi)
    }

    static func accumulate(
        _ gradient: Vector<6>, residual: Double, variance: Double, into a: inout Matrix3, _ b: inout Vector3,
        _ chi: inout Double
    ) {
        let h = Vector3(gradient[0], gradient[1], gradient[2])
        let w = 1 / variance
        a += w * Matrix.outer(h, h)
        b += (w * residual) * h
        chi += w * residual * residual
    }

    /// Normalised squared distance of bearing `m` from `fix` (1 or 2
    /// degrees of freedom): the angle residuals against the fix seen from
    /// `m`'s sensor, with the fix's covariance projected and `m`'s motion
    /// allowance added. Nil when the fix sits on the sensor or beyond `maxRangeM`.
    public static func supportDistance(
        of m: Measurement, from fix: TriangulatedFix, configuration c: CrossFixConfiguration, maxRangeM: Double,
        delayNsPerM: Double = 0
    ) -> Double? {
        let state = StateVector([fix.position.x, fix.position.y, fix.position.z, 0, 0, 0])
        let g = SensorRelativeGeometry(state: state, pose: m.pose)
        guard g.rangeM > 1, g.rangeM <= maxRangeM else { return nil }
        let emission = emissionNs(of: m, from: fix.position, delayNsPerM: delayNsPerM)
        let drift = c.motionSigmaMps * abs(secondsBetween(emission, fix.timeNs))
        let ground = g.rangeM * Math.cos(g.elevationRad)
        let hAz = Vector3(g.azimuthGradient[0], g.azimuthGradient[1], g.azimuthGradient[2])
        let azVar = m.sigmas[0] * m.sigmas[0] + drift * drift / Swift.max(ground * ground, 1)
            + hAz.dot(fix.covariance * hAz)
        let azResidual = Angle.wrapSigned(m.values[0] - g.azimuthRad)
        var d2 = azResidual * azResidual / azVar
        if m.hasElevation {
            // The two angles' covariance through the fix is neglected: azimuth
            // and elevation gradients are orthogonal, so it is small.
            let hEl = Vector3(g.elevationGradient[0], g.elevationGradient[1], g.elevationGradient[2])
            let elVar = m.sigmas[1] * m.sigmas[1] + drift * drift / (g.rangeM * g.rangeM)
                + hEl.dot(fix.covariance * hEl)
            let elResidual = m.values[1] - g.elevationRad
            d2 += elResidual * elResidual / elVar
        }
        return d2
    }
}
