import FusionMath
import Simulation
import Testing

@Suite struct MatrixTests {
    @Test func productAndTranspose() {
        let a = Matrix<2, 3>(rows: [[1, 2, 3], [4, 5, 6]])
        let b = a * a.transposed
        #expect(b[0, 0] == 14)
        #expect(b[0, 1] == 32)
        #expect(b[1, 1] == 77)
    }

    @Test func choleskySolvesAndRejectsIndefinite() throws {
        let a = Matrix<3, 3>(rows: [[4, 12, -16], [12, 37, -43], [-16, -43, 98]])
        let c = try Cholesky(a)
        #expect(c.lower.isApproximatelyEqual(
            to: Matrix(rows: [[2, 0, 0], [6, 1, 0], [-8, 5, 3]]), absoluteTolerance: 1e-12))
        let x = c.solve(Vector<3>(1, 2, 3))
        #expect((a * x).isApproximatelyEqual(to: Vector<3>(1, 2, 3), absoluteTolerance: 1e-9))
        #expect(throws: LinearAlgebraError.notPositiveDefinite(column: 1)) {
            try Cholesky(Matrix<2, 2>(rows: [[1, 2], [2, 1]]))
        }
    }
}

@Suite struct CholeskyPropertyTests {
    /// Random SPD matrices A = B B^T + eps I: L L^T reproduces A, the inverse
    /// is an inverse, and the Mahalanobis length equals v^T A^-1 v.
    @Test func factorisationIdentitiesHold() throws {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<2_000 {
            var b = Matrix<6, 6>.zero
            for i in 0..<6 { for j in 0..<6 { b[i, j] = rng.normal() } }
            let a = Matrix<6, 6>.timesTransposed(b, b) + 1e-3 * Matrix<6, 6>.identity
            let c = try Cholesky(a)
            let llt = Matrix<6, 6>.timesTransposed(c.lower, c.lower)
            #expect(llt.isApproximatelyEqual(to: a, absoluteTolerance: 1e-9))
            #expect((a * c.inverse).isApproximatelyEqual(to: .identity, absoluteTolerance: 1e-6))
            var v = Vector<6>.zero
            for i in 0..<6 { v[i] = rng.normal() }
            let direct = v.dot(c.inverse * v)
            #expect(abs(c.mahalanobisSquared(v) - direct) <= 1e-6 * max(1, direct))
        }
    }
}
