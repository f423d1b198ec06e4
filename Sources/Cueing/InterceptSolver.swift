import FusionMath

/// A predicted engagement: when, seconds from now, and where (ENU, metres).
@frozen
public struct InterceptSolution: Sendable, BitwiseCopyable {
    public var timeS: Double
    public var point: Vector3

    @inlinable public init(timeS: Double, point: Vector3) {
        self.timeS = timeS
        self.point = point
    }
}

/// Closed-form earliest intercepts of a constant-velocity target
/// `p(t) = p + v t` (local ENU, metres, m/s), for each kind of interceptor
/// of ICD 3. All quadratics are solved in the cancellation-free form
/// `q = -(b + sign(b) sqrt(disc)) / 2`, roots `q / a` and `c / q`.
public enum InterceptSolver {
    /// A static weapon (gun team) at `site` reaching `rangeM`: the earliest
    /// `t` in `0 ... horizonS` with `|p + v t - site| <= rangeM`, which is 0
    /// when already in range, else the smaller root of
    /// `|v|^2 t^2 + 2 (d . v) t + |d|^2 - R^2 = 0` with `d = p - site`.
    /// The intercept point is where the target enters the range sphere.
    public static func staticWeapon(
        site: Vector3, rangeM: Double, targetPosition p: Vector3, targetVelocity v: Vector3, horizonS: Double
    ) -> InterceptSolution? {
        guard p.isFinite && v.isFinite && rangeM >= 0 && horizonS >= 0 else { return nil }
        let d = p - site
        let c = d.squaredNorm - rangeM * rangeM
        if c <= 0 { return InterceptSolution(timeS: 0, point: p) }
        let a = v.squaredNorm, b = 2 * d.dot(v)
        // Outside and not closing: never in range.
        guard a > 0 && b < 0 else { return nil }
        let disc = b * b - 4 * a * c
        guard disc >= 0 else { return nil }
        let t = c / (0.5 * (-b + disc.squareRoot()))
        guard t <= horizonS else { return nil }
        return InterceptSolution(timeS: t, point: p + t * v)
    }

    /// A launched interceptor (drone, missile) leaving `site` at once and
    /// flying straight at `speedMps` up to `rangeM`: the earliest `t >= 0`
    /// with `|p + v t - site| = s t`, i.e. the smallest non-negative root of
    /// `(|v|^2 - s^2) t^2 + 2 (d . v) t + |d|^2 = 0`, provided the intercept
    /// point is within range (`s t <= rangeM`) and `t <= horizonS`. A later
    /// root is never useful: it lies farther along the same range limit.
    /// Nil when the target outruns the interceptor, moves away faster than
    /// it closes, or is met out of range or after the horizon.
    public static func pursuit(
        site: Vector3, speedMps s: Double, rangeM: Double, targetPosition p: Vector3, targetVelocity v: Vector3,
        horizonS: Double
    ) -> InterceptSolution? {
        guard p.isFinite && v.isFinite && s > 0 && rangeM >= 0 && horizonS >= 0 else { return nil }
        let d = p - site
        let c = d.squaredNorm
        if c == 0 { return InterceptSolution(timeS: 0, point: p) }
        let a = v.squaredNorm - s * s, b = 2 * d.dot(v)
        let disc = b * b - 4 * a * c
        guard disc >= 0 else { return nil }
        let q = -0.5 * (b + (b >= 0 ? 1.0 : -1.0) * disc.squareRoot())
        // q == 0 needs b == 0 and a == 0: a target as fast as the interceptor
        // crossing at right angles keeps its distance forever.
        guard q != 0 else { return nil }
        var t = Double.infinity
        let r1 = q / a, r2 = c / q
        if r1.isFinite && r1 >= 0 { t = r1 }
        if r2.isFinite && r2 >= 0 && r2 < t { t = r2 }
        guard t.isFinite && t <= horizonS && s * t <= rangeM else { return nil }
        return InterceptSolution(timeS: t, point: p + t * v)
    }
}
