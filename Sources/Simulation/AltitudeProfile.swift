/// Height as a function of horizontal path length, metres: piecewise linear
/// between knots, each interior corner replaced by a parabolic blend so that
/// the gradient (and with it the climb rate) is continuous.
///
/// Over the blend of knot `i`, half-width `h`, with gradients `g0` before and
/// `g1` after: `z(s) = z_i + g0 (s - s_i) + (g1 - g0) (s - s_i + h)^2 / (4 h)`,
/// which meets both lines and their slopes at `s_i -+ h`.
@usableFromInline
struct AltitudeProfile: Sendable {
    let s: [Double]
    let z: [Double]
    let halfWidth: [Double]
    let gradient: [Double]

    init(s: [Double], z: [Double], halfWidth: [Double]) {
        precondition(s.count == z.count && s.count == halfWidth.count && s.count >= 2)
        self.s = s
        self.z = z
        var g = [Double](repeating: 0, count: s.count - 1)
        for k in 0..<(s.count - 1) {
            let ds = s[k + 1] - s[k]
            g[k] = ds > 1e-9 ? (z[k + 1] - z[k]) / ds : 0
        }
        gradient = g
        // A blend may use at most half the spacing to each neighbour, so blends
        // never overlap; the end knots have none.
        var h = halfWidth
        h[0] = 0
        h[s.count - 1] = 0
        for i in 1..<(s.count - 1) {
            h[i] = min(h[i], 0.5 * (s[i] - s[i - 1]), 0.5 * (s[i + 1] - s[i]))
        }
        self.halfWidth = h
    }

    /// Height (m) and its derivative along the path (m/m) at path length `x`.
    func value(atS x: Double) -> (z: Double, dzds: Double) {
        // The knot interval [s_k, s_k+1] holding x.
        var lo = 0, hi = s.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if s[mid] <= x { lo = mid } else { hi = mid - 1 }
        }
        let k = lo
        if k > 0, x < s[k] + halfWidth[k] { return blend(knot: k, x) }
        if k + 1 < s.count - 1, x > s[k + 1] - halfWidth[k + 1] { return blend(knot: k + 1, x) }
        return (z[k] + gradient[k] * (x - s[k]), gradient[k])
    }

    private func blend(knot i: Int, _ x: Double) -> (z: Double, dzds: Double) {
        let h = halfWidth[i], g0 = gradient[i - 1], g1 = gradient[i]
        let u = x - s[i] + h
        return (z[i] + g0 * (x - s[i]) + (g1 - g0) * u * u / (4 * h), g0 + (g1 - g0) * u / (2 * h))
    }
}
