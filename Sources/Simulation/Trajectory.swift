import FusionCore
import FusionMath

/// Position and velocity of a truth target at one instant, in the scenario's
/// tracking ENU frame: metres and metres per second.
@frozen
public struct TruthState: Sendable, BitwiseCopyable {
    public var positionENU: Vector3
    public var velocityENU: Vector3

    @inlinable public init(positionENU: Vector3, velocityENU: Vector3) {
        self.positionENU = positionENU
        self.velocityENU = velocityENU
    }
}

/// A flight path through waypoints in the tracking ENU frame (metres), flown
/// at a constant horizontal ground speed, with coordinated turns between legs.
///
/// Horizontally the path is straight legs joined by circular arcs of radius
/// `speed / maxTurnRate` tangent to both legs ("fly-by" waypoints), so the
/// heading, and with it the velocity, is continuous and the turn rate never
/// exceeds the bound. The one exception is a leg too short to hold the arcs
/// at both its ends: there the arc tightens so that the path still fits, and
/// `peakTurnRateRadPerS` says how far the bound was exceeded.
///
/// Vertically the height is a function of horizontal path length `s` that is
/// piecewise linear between the waypoints' heights (knots at the waypoints'
/// arc midpoints), with each corner of the profile replaced by a parabola
/// over the turn (over `verticalBlendS` seconds of flight at least), so the
/// climb rate is continuous too. A knot's height is therefore met only
/// approximately, as a fly-by waypoint's position is.
///
/// Heights are the up coordinate of the flat tracking frame (see
/// `FusionMath.LocalFrame`), not heights above the ellipsoid: within the
/// tens of kilometres of one node the difference is the frame's curvature,
/// which the sensor models account for because they use the same frame.
public struct Trajectory: Sendable {
    /// Time the target is at the first waypoint, ns since the Unix epoch.
    public let startNs: Int64
    /// Horizontal ground speed, m/s.
    public let speedMps: Double
    /// The commanded bound on the turn rate, rad/s.
    public let maxTurnRateRadPerS: Double
    /// The largest turn rate actually flown, rad/s (above the bound only where
    /// legs were too short for the commanded radius).
    public let peakTurnRateRadPerS: Double
    /// Horizontal path length, metres.
    public let lengthM: Double

    @usableFromInline let segments: [PathSegment]
    @usableFromInline let profile: AltitudeProfile
    /// Set when the path is a recording rather than planned legs; then it
    /// alone gives the state.
    @usableFromInline let recorded: RecordedPath?
    /// A swing of the ground speed about `speedMps` along the path (nil:
    /// constant speed).
    public var speedSwing: SpeedSwing? = nil

    /// A sinusoidal swing of the ground speed, `amplitudeMps` over
    /// `periodS`, starting at phase `phaseRad`: a glider flying its
    /// speed-to-fly through lift and sink. Its mean is zero, so the path
    /// takes about as long as at constant speed; the distance it adds at
    /// time t is (A / w) (cos(phase) - cos(w t + phase)).
    public struct SpeedSwing: Sendable {
        public var amplitudeMps: Double
        public var periodS: Double
        public var phaseRad: Double

        public init(amplitudeMps: Double, periodS: Double, phaseRad: Double) {
            self.amplitudeMps = amplitudeMps
            self.periodS = periodS
            self.phaseRad = phaseRad
        }

        /// Speed added and path length added at `t` seconds, m/s and m.
        func offset(atS t: Double) -> (speedMps: Double, lengthM: Double) {
            let w = 2 * Double.pi / periodS
            return (
                amplitudeMps * Math.sin(w * t + phaseRad),
                amplitudeMps / w * (Math.cos(phaseRad) - Math.cos(w * t + phaseRad))
            )
        }
    }

    /// Seconds spent over the vertical blend at a corner without a turn, so a
    /// change of climb gradient on a straight leg is not a step in climb rate.
    public static let verticalBlendS = 10.0

    /// Duration of the flight, seconds.
    public var durationS: Double { lengthM / speedMps }

    /// Time the target reaches the end of its path, ns since the Unix epoch.
    public var endNs: Int64 { recorded?.endNs ?? startNs + Int64((durationS * 1e9).rounded(.down)) }

    /// A path through `waypoints` (ENU metres, at least two, consecutive ones
    /// at least 1 m apart horizontally), starting at `startNs`.
    public init(waypoints: [Vector3], speedMps: Double, maxTurnRateRadPerS: Double, startNs: Int64) {
        precondition(waypoints.count >= 2, "a trajectory needs two waypoints")
        precondition(speedMps > 0 && maxTurnRateRadPerS > 0)
        let n = waypoints.count
        var legLength = [Double](repeating: 0, count: n - 1)
        var legDir = [(e: Double, n: Double)](repeating: (0, 0), count: n - 1)
        for i in 0..<(n - 1) {
            let de = waypoints[i + 1].x - waypoints[i].x, dn = waypoints[i + 1].y - waypoints[i].y
            let l = Math.hypot(de, dn)
            precondition(l >= 1, "consecutive waypoints must be at least 1 m apart horizontally")
            legLength[i] = l
            legDir[i] = (de / l, dn / l)
        }
        let radius = speedMps / maxTurnRateRadPerS
        var segments: [PathSegment] = []
        var knotS: [Double] = [0]
        var knotHalfWidth: [Double] = [0]
        var peak = 0.0
        var s = 0.0
        // Where the current leg's straight part starts (after the previous arc).
        var lineStart = (e: waypoints[0].x, n: waypoints[0].y)
        for i in 1..<(n - 1) {
            let a = legDir[i - 1], b = legDir[i]
            let turn = Math.atan2(a.e * b.n - a.n * b.e, a.e * b.e + a.n * b.n)  // CCW positive
            let half = abs(turn) / 2
            // The tangent distance from the waypoint, limited so that the arcs
            // at both ends of a leg fit on it.
            var d = half > 1e-9 ? radius * Math.tan(half) : 0
            d = min(d, legLength[i - 1] * (i == 1 ? 1 : 0.5), legLength[i] * (i == n - 2 ? 1 : 0.5))
            let w = (e: waypoints[i].x, n: waypoints[i].y)
            let t1 = (e: w.e - d * a.e, n: w.n - d * a.n)
            let straight = Math.hypot(t1.e - lineStart.e, t1.n - lineStart.n)
            if straight > 0 {
                segments.append(.line(startS: s, from: lineStart, direction: a, length: straight))
                s += straight
            }
            if d > 0 {
                let r = d / Math.tan(half)
                let sign: Double = turn > 0 ? 1 : -1
                // The centre lies on the side the target turns to.
                let centre = (e: t1.e - sign * r * a.n, n: t1.n + sign * r * a.e)
                let angle0 = Math.atan2(t1.n - centre.n, t1.e - centre.e)
                let arcLength = r * abs(turn)
                segments.append(.arc(startS: s, centre: centre, radius: r, angle0: angle0, sign: sign, length: arcLength))
                peak = max(peak, speedMps / r)
                knotS.append(s + arcLength / 2)
                knotHalfWidth.append(max(arcLength / 2, speedMps * Trajectory.verticalBlendS / 2))
                s += arcLength
                lineStart = (e: w.e + d * b.e, n: w.n + d * b.n)
            } else {
                knotS.append(s)
                knotHalfWidth.append(speedMps * Trajectory.verticalBlendS / 2)
                lineStart = w
            }
        }
        let last = waypoints[n - 1]
        let finalStraight = Math.hypot(last.x - lineStart.e, last.y - lineStart.n)
        if finalStraight > 0 {
            segments.append(.line(startS: s, from: lineStart, direction: legDir[n - 2], length: finalStraight))
            s += finalStraight
        }
        knotS.append(s)
        knotHalfWidth.append(0)
        self.init(
            segments: segments,
            profile: AltitudeProfile(s: knotS, z: waypoints.map(\.z), halfWidth: knotHalfWidth),
            lengthM: s, speedMps: speedMps, maxTurnRateRadPerS: maxTurnRateRadPerS, peakTurnRateRadPerS: peak,
            startNs: startNs)
    }

    /// A path through geodetic waypoints, converted into `frame`'s ENU.
    public init(
        geodeticWaypoints: [Geodetic], in frame: LocalFrame, speedMps: Double, maxTurnRateRadPerS: Double,
        startNs: Int64
    ) {
        self.init(
            waypoints: geodeticWaypoints.map { frame.enu(from: $0) }, speedMps: speedMps,
            maxTurnRateRadPerS: maxTurnRateRadPerS, startNs: startNs)
    }

    @usableFromInline init(
        segments: [PathSegment], profile: AltitudeProfile, lengthM: Double, speedMps: Double,
        maxTurnRateRadPerS: Double, peakTurnRateRadPerS: Double, startNs: Int64
    ) {
        self.segments = segments
        self.profile = profile
        self.lengthM = lengthM
        self.speedMps = speedMps
        self.maxTurnRateRadPerS = maxTurnRateRadPerS
        self.peakTurnRateRadPerS = peakTurnRateRadPerS
        self.startNs = startNs
        recorded = nil
    }

    /// A recorded flight: `speedMps` is its mean horizontal ground speed,
    /// the turn-rate bounds its peak between samples.
    public init(recorded path: RecordedPath) {
        segments = []
        profile = AltitudeProfile(s: [0, 1], z: [0, 0], halfWidth: [0, 0])  // unused
        lengthM = path.lengthM
        speedMps = max(lengthM, 1) / secondsBetween(path.startNs, path.endNs)
        peakTurnRateRadPerS = path.peakTurnRateRadPerS
        maxTurnRateRadPerS = peakTurnRateRadPerS
        startNs = path.startNs
        recorded = path
    }

    /// Position and velocity at `timeNs`; nil before the start or after the end.
    public func state(atNs timeNs: Int64) -> TruthState? {
        if let recorded { return recorded.state(atNs: timeNs) }
        let t = secondsBetween(startNs, timeNs)
        guard t >= 0 else { return nil }
        guard t * speedMps <= lengthM + 1e-9 else { return nil }
        let swing = speedSwing?.offset(atS: t) ?? (speedMps: 0, lengthM: 0)
        let s = min(max(0, t * speedMps + swing.lengthM), lengthM)
        let v = speedMps + swing.speedMps
        let h = horizontal(atS: s)
        let (z, dzds) = profile.value(atS: s)
        return TruthState(
            positionENU: Vector3(h.e, h.n, z),
            velocityENU: Vector3(h.de * v, h.dn * v, dzds * v))
    }

    /// Whether the target is flying at `timeNs`.
    public func isActive(atNs timeNs: Int64) -> Bool { timeNs >= startNs && timeNs <= endNs }

    /// Horizontal position and unit tangent at path length `s`.
    func horizontal(atS s: Double) -> (e: Double, n: Double, de: Double, dn: Double) {
        // Binary search for the last segment starting at or before s.
        var lo = 0, hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if segments[mid].startS <= s { lo = mid } else { hi = mid - 1 }
        }
        return segments[lo].point(atS: s)
    }
}
