import FusionMath

/// Ready-made flight patterns. Bearings are clockwise from north, radians;
/// positions and heights ENU metres in the tracking frame.
extension Trajectory {
    /// A straight run-in toward `aimPoint` from `rangeM` out on `bearingRad`
    /// (the bearing from the aim point to the start), level at `altitudeM`,
    /// then, when `terminalAltitudeM` is given, descending over the last
    /// `diveFraction` of the run to that height at the aim point.
    public static func runIn(
        toward aimPoint: Vector3, fromBearingRad bearingRad: Double, rangeM: Double, altitudeM: Double,
        terminalAltitudeM: Double? = nil, diveFraction: Double = 0.2,
        speedMps: Double, maxTurnRateRadPerS: Double, startNs: Int64
    ) -> Trajectory {
        let se = Math.sin(bearingRad), sn = Math.cos(bearingRad)
        let start = Vector3(aimPoint.x + rangeM * se, aimPoint.y + rangeM * sn, altitudeM)
        var waypoints = [start]
        if let terminal = terminalAltitudeM {
            let r = rangeM * diveFraction
            waypoints.append(Vector3(aimPoint.x + r * se, aimPoint.y + r * sn, altitudeM))
            waypoints.append(Vector3(aimPoint.x, aimPoint.y, terminal))
        } else {
            waypoints.append(Vector3(aimPoint.x, aimPoint.y, altitudeM))
        }
        return Trajectory(
            waypoints: waypoints, speedMps: speedMps, maxTurnRateRadPerS: maxTurnRateRadPerS, startNs: startNs)
    }

    /// A level orbit (loiter) of `turns` laps around `centre` at `radiusM`,
    /// starting on the circle at `startBearingRad` from the centre. The turn
    /// rate is `speed / radius` throughout.
    public static func orbit(
        centre: Vector3, radiusM: Double, altitudeM: Double, startBearingRad: Double, turns: Double,
        clockwise: Bool = true, speedMps: Double, startNs: Int64
    ) -> Trajectory {
        precondition(radiusM > 0 && turns > 0 && speedMps > 0)
        // Math angle (CCW from east) of the start point as seen from the centre.
        let angle0 = Double.pi / 2 - startBearingRad
        let length = 2 * Double.pi * radiusM * turns
        let segment = PathSegment.arc(
            startS: 0, centre: (centre.x, centre.y), radius: radiusM, angle0: angle0,
            sign: clockwise ? -1 : 1, length: length)
        let rate = speedMps / radiusM
        return Trajectory(
            segments: [segment], profile: AltitudeProfile(s: [0, length], z: [altitudeM, altitudeM], halfWidth: [0, 0]),
            lengthM: length, speedMps: speedMps, maxTurnRateRadPerS: rate, peakTurnRateRadPerS: rate, startNs: startNs)
    }

    /// A random wander of `legs` legs inside the ENU box `[minCorner,
    /// maxCorner]` (heights from the boxes' z), starting at `start`. Each leg is
    /// at least four turn radii long and turns by at most 120 degrees, so the
    /// turn-rate bound holds everywhere; climbs and descents are limited to
    /// `maxClimbGradient` metres per metre flown.
    public static func wander(
        from start: Vector3, in minCorner: Vector3, _ maxCorner: Vector3, legs: Int,
        speedMps: Double, maxTurnRateRadPerS: Double, maxClimbGradient: Double = 0.15, startNs: Int64,
        generator: inout SeededGenerator
    ) -> Trajectory {
        precondition(legs >= 1)
        let radius = speedMps / maxTurnRateRadPerS
        let minLeg = 4 * radius
        var waypoints = [start]
        var heading: Double? = nil
        for _ in 0..<legs {
            let from = waypoints[waypoints.count - 1]
            var candidate = from
            // Rejection sampling with a bounded number of tries; the last
            // candidate stands if none qualifies (a tiny box), so this never loops.
            for _ in 0..<64 {
                candidate = Vector3(
                    generator.uniform(minCorner.x, maxCorner.x), generator.uniform(minCorner.y, maxCorner.y),
                    generator.uniform(minCorner.z, maxCorner.z))
                let de = candidate.x - from.x, dn = candidate.y - from.y
                guard Math.hypot(de, dn) >= minLeg else { continue }
                if let h = heading, abs(Angle.wrapSigned(Math.atan2(dn, de) - h)) > 2 * Double.pi / 3 { continue }
                break
            }
            let de = candidate.x - from.x, dn = candidate.y - from.y
            let turnTooSharp = heading.map { abs(Angle.wrapSigned(Math.atan2(dn, de) - $0)) > 2 * Double.pi / 3 } ?? false
            if Math.hypot(de, dn) < minLeg || turnTooSharp {
                // No random point qualified (a small box, or the target at its
                // edge): head for the box centre as far as the turn bound allows.
                let centre = 0.5 * (minCorner + maxCorner)
                var toward = Math.atan2(centre.y - from.y, centre.x - from.x)
                if let h = heading {
                    toward = h + min(max(Angle.wrapSigned(toward - h), -2 * Double.pi / 3), 2 * Double.pi / 3)
                }
                candidate = Vector3(from.x + minLeg * Math.cos(toward), from.y + minLeg * Math.sin(toward), candidate.z)
            }
            let climbLimit = maxClimbGradient * Math.hypot(candidate.x - from.x, candidate.y - from.y)
            candidate.z = from.z + min(max(candidate.z - from.z, -climbLimit), climbLimit)
            heading = Math.atan2(candidate.y - from.y, candidate.x - from.x)
            waypoints.append(candidate)
        }
        return Trajectory(
            waypoints: waypoints, speedMps: speedMps, maxTurnRateRadPerS: maxTurnRateRadPerS, startNs: startNs)
    }

    /// A zig-zag from `start` to `end`: turning points every `legLengthM`
    /// along the track, alternately `amplitudeM` left and right of it.
    public static func zigzag(
        from start: Vector3, to end: Vector3, amplitudeM: Double, legLengthM: Double,
        speedMps: Double, maxTurnRateRadPerS: Double, startNs: Int64
    ) -> Trajectory {
        let de = end.x - start.x, dn = end.y - start.y
        let total = Math.hypot(de, dn)
        precondition(total > 1 && legLengthM > 0)
        let ue = de / total, un = dn / total
        let count = max(1, Int((total / legLengthM).rounded(.down)))
        var waypoints = [start]
        var side = 1.0
        for k in 1..<count {
            let along = Double(k) * total / Double(count)
            let frac = along / total
            waypoints.append(
                Vector3(
                    start.x + along * ue - side * amplitudeM * un, start.y + along * un + side * amplitudeM * ue,
                    start.z + frac * (end.z - start.z)))
            side = -side
        }
        waypoints.append(end)
        return Trajectory(
            waypoints: waypoints, speedMps: speedMps, maxTurnRateRadPerS: maxTurnRateRadPerS, startNs: startNs)
    }
}
