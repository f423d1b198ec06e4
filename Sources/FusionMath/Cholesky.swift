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

    @inlinable public init(_ a: Matrix<N, N>) throws(LinearAlgebraError) {
        var l = Matrix<N, N>.zero
        for j in 0..<N {
            var d = a[j, j]
            for k in 0..<j { d -= l[j, k] * l[j, k] }
            guard d > 0, d.isFinite else { throw .notPositiveDefinite(column: j) }
            let s = d.squareRoot()
            l[j, j] = s
            for i in (j + 1)..<N {
                var v = a[i, j]
                for k in 0..<j { v -= l[i, k] * l[j, k] }
                l[i, j] = v / s
            }
        }
        lower = l
    }

    /// Solves `L y = b` (forward substitution).
    @inlinable public func solveLower(_ b: Vector<N>) -> Vector<N> {
        var y = b
        for i in 0..<N {
            var s = y[i]
            for k in 0..<i { s -= lower[i, k] * y[k] }
            y[i] = s / lower[i, i]
        }
        return y
    }

    /// Solves `L^T x = y` (back substitution).
    @inlinable public func solveUpper(_ y: Vector<N>) -> Vector<N> {
        var x = y
        var i = N - 1
        while i >= 0 {
            var s = x[i]
            for k in (i + 1)..<N { s -= lower[k, i] * x[k] }
            x[i] = s / lower[i, i]
            i -= 1
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

    /// `ln det A = 2 * sum ln L_ii`.
    @inlinable public var logDeterminant: Double {
        var s = 0.0
        for i in 0..<N { s += Math.log(lower[i, i]) }
        return 2 * s
    }
}
