/// Why a linear-algebra step could not be done.
public enum LinearAlgebraError: Error, Sendable, Equatable {
    /// The matrix is not (numerically) symmetric positive definite: a pivot was
    /// zero, negative or not a number at this column.
    case notPositiveDefinite(column: Int)
}

/// The Cholesky factor `L` (lower triangular, `A = L L^T`) of a symmetric
/// positive-definite matrix, with the solves a Kalman filter needs.
///
/// Construction fails with `LinearAlgebraError.notPositiveDefinite` instead of
/// producing NaN: a covariance that lost definiteness is an error the caller
/// handles (reset or drop the track), never a silent poison.
@frozen
public struct Cholesky<let N: Int>: Sendable, BitwiseCopyable {
    public var lower: Matrix<N, N>

    /// Reads and writes through element pointers (no row copies); the
    /// loops have compile-time bounds once specialised for `N`, so the
    /// small factorisations a filter needs (N = 1...6) unroll.
    @inlinable public init(_ a: Matrix<N, N>) throws(LinearAlgebraError) {
        var l = Matrix<N, N>.zero
        let failed: Int = a.withUnsafeElements { pa in
            l.withUnsafeMutableElements { pl in
                for j in 0..<N {
                    var d = pa[j * N + j]
                    for k in 0..<j { d -= pl[j * N + k] * pl[j * N + k] }
                    guard d > 0, d.isFinite else { return j }
                    let s = d.squareRoot()
                    pl[j * N + j] = s
                    for i in (j + 1)..<N {
                        var v = pa[i * N + j]
                        for k in 0..<j { v -= pl[i * N + k] * pl[j * N + k] }
                        pl[i * N + j] = v / s
                    }
                }
                return -1
            }
        }
        if failed >= 0 { throw .notPositiveDefinite(column: failed) }
        lower = l
    }

    /// Whether `a` is (numerically) positive definite: the factorisation
    /// without keeping the factor (what a filter checks its covariance with).
    @inlinable public static func isPositiveDefinite(_ a: Matrix<N, N>) -> Bool {
        (try? Cholesky(a)) != nil
    }

    /// Solves `L y = b` (forward substitution).
    @inlinable public func solveLower(_ b: Vector<N>) -> Vector<N> {
        var y = b
        lower.withUnsafeElements { pl in
            for i in 0..<N {
                var s = y[i]
                for k in 0..<i { s -= pl[i * N + k] * y[k] }
                y[i] = s / pl[i * N + i]
            }
        }
        return y
    }

    /// Solves `L^T x = y` (back substitution).
    @inlinable public func solveUpper(_ y: Vector<N>) -> Vector<N> {
        var x = y
        lower.withUnsafeElements { pl in
            var i = N - 1
            while i >= 0 {
                var s = x[i]
                for k in (i + 1)..<N { s -= pl[k * N + i] * x[k] }
                x[i] = s / pl[i * N + i]
                i -= 1
            }
        }
        return x
    }

    /// Solves `A x = b`.
    @inlinable public func solve(_ b: Vector<N>) -> Vector<N> { solveUpper(solveLower(b)) }

    /// Solves `A X = B` column by column.
    @inlinable public func solve<let K: Int>(_ b: Matrix<N, K>) -> Matrix<N, K> {
        var x = Matrix<N, K>.zero
        for j in 0..<K {
            var col = Vector<N>.zero
            for i in 0..<N { col[i] = b[i, j] }
            let s = solve(col)
            for i in 0..<N { x[i, j] = s[i] }
        }
        return x
    }

    /// `A^-1`, symmetric.
    @inlinable public var inverse: Matrix<N, N> { solve(Matrix<N, N>.identity).symmetrized }

    /// The squared Mahalanobis length `v^T A^-1 v`.
    @inlinable public func mahalanobisSquared(_ v: Vector<N>) -> Double { solveLower(v).squaredNorm }

    /// `ln det A = 2 ln prod L_ii`: one logarithm instead of `N` (the
    /// logarithms were a tenth of an EKF innovation). The product is used
    /// only while it stays a normal number (`N` <= 6 factors between about
    /// 1e-50 and 1e50 always do); otherwise the sum of logarithms, which
    /// cannot overflow. The two differ by rounding only.
    @inlinable public var logDeterminant: Double {
        var product = 1.0
        lower.withUnsafeElements { pl in for i in 0..<N { product *= pl[i * N + i] } }
        if product.isNormal && product > 0 { return 2 * Math.log(product) }
        var s = 0.0
        for i in 0..<N { s += Math.log(lower[i, i]) }
        return 2 * s
    }
}
