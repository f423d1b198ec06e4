/// A dense `R`x`C` matrix of doubles with its shape in the type, row-major,
/// stored inline: building, multiplying and factoring never allocates.
///
/// Products only type-check when the inner dimensions agree, so a Kalman gain
/// of the wrong shape is a compile error, not a runtime one.
@frozen
public struct Matrix<let R: Int, let C: Int>: Sendable, BitwiseCopyable {
    public var rows: InlineArray<R, InlineArray<C, Double>>

    @inlinable public init(repeating value: Double) {
        rows = InlineArray(repeating: InlineArray(repeating: value))
    }

    @inlinable public init(rows: InlineArray<R, InlineArray<C, Double>>) { self.rows = rows }

    @inlinable public static var zero: Matrix<R, C> { Matrix(repeating: 0) }

    /// The identity when square; for a rectangular shape, ones on the leading diagonal.
    @inlinable public static var identity: Matrix<R, C> {
        var m = Matrix<R, C>.zero
        m.withUnsafeMutableElements { p in for i in 0..<min(R, C) { p[i * C + i] = 1 } }
        return m
    }

    /// A diagonal matrix (square or not) with `d` on the leading diagonal.
    @inlinable public static func diagonal(_ d: Vector<R>) -> Matrix<R, C> {
        var m = Matrix<R, C>.zero
        for i in 0..<min(R, C) { m[i, i] = d[i] }
        return m
    }

    /// Accessors rather than get/set: a plain getter copies the whole row
    /// out of the inline storage before indexing it, which made a 6x6
    /// product 12 times slower (4.2 us -> 0.35 us, release, this machine).
    @inlinable public subscript(_ i: Int, _ j: Int) -> Double {
        _read { yield rows[i][j] }
        _modify { yield &rows[i][j] }
    }

    /// The elements, row-major, through a pointer. The hot kernels below
    /// use these rather than the subscript: in some contexts (an element
    /// read from a matrix held in a parameter, inside a loop) the optimiser
    /// copied a whole row per element read, and those copies were a quarter
    /// of the engine's profile (`memmove`, Benchmarks/README.md).
    @inlinable @inline(__always)
    public func withUnsafeElements<T>(_ body: (UnsafePointer<Double>) -> T) -> T {
        withUnsafeBytes(of: rows) { body($0.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: Double.self)) }
    }

    @inlinable @inline(__always)
    public mutating func withUnsafeMutableElements<T>(_ body: (UnsafeMutablePointer<Double>) -> T) -> T {
        withUnsafeMutableBytes(of: &rows) {
            body($0.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: Double.self))
        }
    }

    @inlinable public var transposed: Matrix<C, R> {
        var t = Matrix<C, R>.zero
        withUnsafeElements { a in
            t.withUnsafeMutableElements { r in
                for i in 0..<R { for j in 0..<C { r[j * R + i] = a[i * C + j] } }
            }
        }
        return t
    }

    @inlinable public static func + (a: Matrix<R, C>, b: Matrix<R, C>) -> Matrix<R, C> {
        var r = a
        b.withUnsafeElements { pb in r.withUnsafeMutableElements { pr in for k in 0..<(R * C) { pr[k] += pb[k] } } }
        return r
    }

    @inlinable public static func - (a: Matrix<R, C>, b: Matrix<R, C>) -> Matrix<R, C> {
        var r = a
        b.withUnsafeElements { pb in r.withUnsafeMutableElements { pr in for k in 0..<(R * C) { pr[k] -= pb[k] } } }
        return r
    }

    @inlinable public static func * (s: Double, a: Matrix<R, C>) -> Matrix<R, C> {
        var r = a
        r.withUnsafeMutableElements { pr in for k in 0..<(R * C) { pr[k] *= s } }
        return r
    }

    @inlinable public static func += (a: inout Matrix<R, C>, b: Matrix<R, C>) { a = a + b }

    @inlinable public static func * <let K: Int>(a: Matrix<R, K>, b: Matrix<K, C>) -> Matrix<R, C> {
        var r = Matrix<R, C>.zero
        a.withUnsafeElements { pa in
            b.withUnsafeElements { pb in
                r.withUnsafeMutableElements { pr in
                    for i in 0..<R {
                        for k in 0..<K {
                            let aik = pa[i * K + k]
                            if aik == 0 { continue }
                            for j in 0..<C { pr[i * C + j] += aik * pb[k * C + j] }
                        }
                    }
                }
            }
        }
        return r
    }

    @inlinable public static func * (a: Matrix<R, C>, v: Vector<C>) -> Vector<R> {
        var r = Vector<R>.zero
        for i in 0..<R {
            var s = 0.0
            for j in 0..<C { s += a[i, j] * v[j] }
            r[i] = s
        }
        return r
    }

    /// `a * b^T` without forming the transpose.
    @inlinable public static func timesTransposed<let K: Int>(_ a: Matrix<R, K>, _ b: Matrix<C, K>) -> Matrix<R, C> {
        var r = Matrix<R, C>.zero
        a.withUnsafeElements { pa in
            b.withUnsafeElements { pb in
                r.withUnsafeMutableElements { pr in
                    for i in 0..<R {
                        for j in 0..<C {
                            var s = 0.0
                            for k in 0..<K { s += pa[i * K + k] * pb[j * K + k] }
                            pr[i * C + j] = s
                        }
                    }
                }
            }
        }
        return r
    }

    /// `(M + M^T) / 2`: removes the asymmetry that rounding leaves in a covariance.
    @inlinable public var symmetrized: Matrix<R, C> {
        var r = self
        r.withUnsafeMutableElements { p in
            for i in 0..<min(R, C) {
                for j in (i + 1)..<min(R, C) {
                    let m = 0.5 * (p[i * C + j] + p[j * C + i])
                    p[i * C + j] = m
                    p[j * C + i] = m
                }
            }
        }
        return r
    }

    @inlinable public var trace: Double {
        var s = 0.0
        for i in 0..<min(R, C) { s += self[i, i] }
        return s
    }

    @inlinable public var isFinite: Bool {
        for i in 0..<R { for j in 0..<C where !self[i, j].isFinite { return false } }
        return true
    }

    /// Elementwise comparison within an absolute tolerance.
    @inlinable public func isApproximatelyEqual(to other: Matrix<R, C>, absoluteTolerance: Double) -> Bool {
        for i in 0..<R { for j in 0..<C where !(abs(self[i, j] - other[i, j]) <= absoluteTolerance) { return false } }
        return true
    }

    /// The sub-block of shape `BR`x`BC` whose top-left element is (`row`, `column`).
    @inlinable public func block<let BR: Int, let BC: Int>(row: Int, column: Int) -> Matrix<BR, BC> {
        var b = Matrix<BR, BC>.zero
        for i in 0..<BR { for j in 0..<BC { b[i, j] = self[row + i, column + j] } }
        return b
    }

    /// Writes `b` into this matrix with its top-left element at (`row`, `column`).
    @inlinable public mutating func setBlock<let BR: Int, let BC: Int>(_ b: Matrix<BR, BC>, row: Int, column: Int) {
        for i in 0..<BR { for j in 0..<BC { self[row + i, column + j] = b[i, j] } }
    }

    /// The outer product `u v^T`.
    @inlinable public static func outer(_ u: Vector<R>, _ v: Vector<C>) -> Matrix<R, C> {
        var m = Matrix<R, C>.zero
        m.withUnsafeMutableElements { p in for i in 0..<R { for j in 0..<C { p[i * C + j] = u[i] * v[j] } } }
        return m
    }
}

extension Matrix where R == C {
    /// The leading diagonal as a vector.
    @inlinable public var diagonalVector: Vector<R> {
        var d = Vector<R>.zero
        for i in 0..<R { d[i] = self[i, i] }
        return d
    }
}

/// 3x3 matrices: rotations between ECEF and local frames, position covariances.
public typealias Matrix3 = Matrix<3, 3>
