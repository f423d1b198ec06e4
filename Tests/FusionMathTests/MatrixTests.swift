import FusionMath
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
