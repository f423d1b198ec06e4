/// Products whose result is known to be symmetric (covariances): only the
/// lower triangle is computed, the upper one is its mirror image. That
/// halves the multiply-adds and makes the result exactly symmetric without
/// the `(M + M^T) / 2` pass; it differs from the general product followed by
/// `symmetrized` only by rounding (each upper element is its lower mirror
/// instead of the mean of two sums of the same terms taken in another order).
/// All of them read and write through element pointers, row-major, so no
/// row or matrix is copied (see `Matrix.withUnsafeElements`).
extension Matrix where R == C {
    /// Copies the lower triangle onto the upper one.
    @inlinable public mutating func mirrorLowerTriangle() {
        withUnsafeMutableElements { p in
            for a in 0..<R {
                for b in 0..<a { p[b * R + a] = p[a * R + b] }
            }
        }
    }

    /// `a b^T` for a product known to be symmetric (for instance
    /// `(A P) A^T` with `P` symmetric): the lower triangle computed, the
    /// upper mirrored.
    @inlinable public static func symmetricTimesTransposed<let K: Int>(_ a: Matrix<R, K>, _ b: Matrix<R, K>)
        -> Matrix<R, R>
    {
        var r = Matrix<R, R>.zero
        a.withUnsafeElements { pa in
            b.withUnsafeElements { pb in
                r.withUnsafeMutableElements { pr in
                    for i in 0..<R {
                        for j in 0...i {
                            var s = 0.0
                            for k in 0..<K { s += pa[i * K + k] * pb[j * K + k] }
                            pr[i * R + j] = s
                            pr[j * R + i] = s
                        }
                    }
                }
            }
        }
        return r
    }

    /// `F P F^T + Q` for a symmetric `P` and `Q` (a Kalman prediction):
    /// `F P` skipping the zeros of `F` (transition matrices have at most
    /// three non-zeros per row), then the lower triangle of `(F P) F^T`,
    /// again skipping them, plus `Q`.
    @inlinable public static func congruence(_ f: Matrix<R, R>, _ p: Matrix<R, R>, plus q: Matrix<R, R>)
        -> Matrix<R, R>
    {
        var r = p
        congruence(f, &r, plus: q)
        return r
    }

    /// The same in place, `p = F p F^T + Q`: the prediction overwrites the
    /// caller's covariance instead of returning a 6x6 value to be copied in.
    @inlinable public static func congruence(_ f: Matrix<R, R>, _ p: inout Matrix<R, R>, plus q: Matrix<R, R>) {
        let fp = f * p
        p = q
        fp.withUnsafeElements { pfp in
            f.withUnsafeElements { pf in
                p.withUnsafeMutableElements { pr in
                    for i in 0..<R {
                        for j in 0...i {
                            var s = 0.0
                            for k in 0..<R {
                                let fjk = pf[j * R + k]
                                if fjk == 0 { continue }
                                s += pfp[i * R + k] * fjk
                            }
                            let v = s + pr[i * R + j]
                            pr[i * R + j] = v
                            pr[j * R + i] = v
                        }
                    }
                }
            }
        }
    }
}
