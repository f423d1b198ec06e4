import FusionMath

extension Zone {
    /// Earliest time, seconds from now in `0 ... horizonS`, at which the
    /// constant-velocity trajectory `p(t) = p + v t` (ENU) is in the zone;
    /// 0 when `p` is already inside; nil when it does not get there in time.
    ///
    /// Closed form. The prism is the intersection of the slab
    /// `floor <= up <= ceiling` (convex, so the trajectory is in it over one
    /// interval `[ta, tb]`) and the vertical cylinder over the horizontal
    /// shape. If the point at `ta` is horizontally inside, `ta` is the answer;
    /// otherwise the trajectory is outside the closed shape at `ta`, and the
    /// first time it is inside is its first contact with the boundary after
    /// `ta`: the smaller root of `|c - q(t)|^2 = r^2` for a circle, or the
    /// earliest segment crossing over all edges for a polygon (convex or
    /// not: no ordering of edges is needed, only the minimum).
    public func firstEntryS(position p: Vector3, velocity v: Vector3, horizonS: Double) -> Double? {
        guard horizonS >= 0 && p.isFinite && v.isFinite else { return nil }
        var ta = 0.0, tb = horizonS
        if v.z == 0 {
            guard p.z >= floorUpM && p.z <= ceilingUpM else { return nil }
        } else {
            let t1 = (floorUpM - p.z) / v.z, t2 = (ceilingUpM - p.z) / v.z
            ta = Swift.max(ta, Swift.min(t1, t2))
            tb = Swift.min(tb, Swift.max(t1, t2))
        }
        guard ta <= tb else { return nil }
        let x0 = p.x + v.x * ta, y0 = p.y + v.y * ta
        if containsHorizontally(x0, y0) { return ta }
        let contact: Double?
        switch shape {
        case .circle:
            contact = Zone.firstCircleContact(
                dx: x0 - centerEast, dy: y0 - centerNorth, vx: v.x, vy: v.y, radius: radiusM)
        case .polygon:
            contact = firstEdgeContact(x0: x0, y0: y0, vx: v.x, vy: v.y)
        }
        guard let dt = contact, ta + dt <= tb else { return nil }
        return ta + dt
    }

    /// Smaller non-negative root of `|d + v t|^2 = r^2` for a start outside
    /// the circle (`|d| > r`), in the cancellation-free form `t = c / q`.
    static func firstCircleContact(dx: Double, dy: Double, vx: Double, vy: Double, radius: Double) -> Double? {
        let a = vx * vx + vy * vy
        let b = 2 * (dx * vx + dy * vy)
        let c = dx * dx + dy * dy - radius * radius
        // Outside and not closing (b >= 0): both roots are in the past.
        guard a > 0 && b < 0 else { return nil }
        let disc = b * b - 4 * a * c
        guard disc >= 0 else { return nil }
        let q = 0.5 * (-b + disc.squareRoot())
        return c / q
    }

    /// Earliest `t >= 0` at which `(x0, y0) + v t` meets a polygon edge.
    /// For edge `a -> a + e`: `t = (w x e) / (v x e)`, `s = (w x v) / (v x e)`
    /// with `w = a - q0`, `s` in [0, 1]. An edge parallel to the motion is
    /// skipped: it can only be met at its end vertices, which the adjacent
    /// edges report.
    func firstEdgeContact(x0: Double, y0: Double, vx: Double, vy: Double) -> Double? {
        // Element pointers, as in `containsHorizontally`: no vertex list copies.
        let count = vertexCount
        let best = east.withUnsafeElementPointer { east in
            north.withUnsafeElementPointer { north in
                var best = Double.infinity
                var j = count - 1
                for i in 0..<count {
                    let ax = east[j], ay = north[j]
                    let ex = east[i] - ax, ey = north[i] - ay
                    let denom = vx * ey - vy * ex
                    if denom != 0 {
                        let wx = ax - x0, wy = ay - y0
                        let t = (wx * ey - wy * ex) / denom
                        let s = (wx * vy - wy * vx) / denom
                        if s >= 0 && s <= 1 && t >= 0 && t < best { best = t }
                    }
                    j = i
                }
                return best
            }
        }
        return best.isFinite ? best : nil
    }
}
