import FusionMath

/// One piece of a trajectory's horizontal path in the tracking ENU plane,
/// metres: a straight line, or a circular arc flown at constant turn rate.
@usableFromInline
enum PathSegment: Sendable {
    /// From `from` along the unit `direction` for `length` metres.
    case line(startS: Double, from: (e: Double, n: Double), direction: (e: Double, n: Double), length: Double)
    /// Around `centre` at `radius`, starting at math angle `angle0` (radians,
    /// counter-clockwise from east), `sign` +1 turning left (CCW), -1 right.
    case arc(startS: Double, centre: (e: Double, n: Double), radius: Double, angle0: Double, sign: Double, length: Double)

    /// Path length at the start of the segment, metres.
    var startS: Double {
        switch self {
        case .line(let s, _, _, _), .arc(let s, _, _, _, _, _): s
        }
    }

    var length: Double {
        switch self {
        case .line(_, _, _, let l), .arc(_, _, _, _, _, let l): l
        }
    }

    /// Position and unit tangent at path length `s` (clamped to the segment).
    func point(atS s: Double) -> (e: Double, n: Double, de: Double, dn: Double) {
        switch self {
        case .line(let s0, let p, let d, let l):
            let u = min(max(s - s0, 0), l)
            return (p.e + u * d.e, p.n + u * d.n, d.e, d.n)
        case .arc(let s0, let c, let r, let a0, let sign, let l):
            let u = min(max(s - s0, 0), l)
            let a = a0 + sign * u / r
            let ca = Math.cos(a), sa = Math.sin(a)
            return (c.e + r * ca, c.n + r * sa, -sign * sa, sign * ca)
        }
    }
}
