/// A column vector of `N` doubles with its dimension in the type.
///
/// Stored inline (no heap), so vectors and the matrices built from them are
/// plain values that never allocate. Every operation is `@inlinable` so that
/// client modules specialise it for their concrete `N`: without that, code
/// generic over an integer parameter runs through runtime metadata, which is
/// orders of magnitude slower and not allowed in Embedded Swift.
@frozen
public struct Vector<let N: Int>: Sendable, BitwiseCopyable {
    public var elements: InlineArray<N, Double>

    @inlinable public init(_ elements: InlineArray<N, Double>) { self.elements = elements }

    @inlinable public init(repeating value: Double) { elements = InlineArray(repeating: value) }

    @inlinable public static var zero: Vector<N> { Vector(repeating: 0) }

    @inlinable public static var count: Int { N }

    @inlinable public subscript(_ i: Int) -> Double {
        _read { yield elements[i] }
        _modify { yield &elements[i] }
    }

    @inlinable public static func + (a: Vector<N>, b: Vector<N>) -> Vector<N> {
        var r = a
        for i in 0..<N { r[i] += b[i] }
        return r
    }

    @inlinable public static func - (a: Vector<N>, b: Vector<N>) -> Vector<N> {
        var r = a
        for i in 0..<N { r[i] -= b[i] }
        return r
    }

    @inlinable public static prefix func - (a: Vector<N>) -> Vector<N> {
        var r = a
        for i in 0..<N { r[i] = -r[i] }
        return r
    }

    @inlinable public static func * (s: Double, a: Vector<N>) -> Vector<N> {
        var r = a
        for i in 0..<N { r[i] *= s }
        return r
    }

    @inlinable public static func += (a: inout Vector<N>, b: Vector<N>) { a = a + b }
    @inlinable public static func -= (a: inout Vector<N>, b: Vector<N>) { a = a - b }

    @inlinable public func dot(_ other: Vector<N>) -> Double {
        var s = 0.0
        for i in 0..<N { s += self[i] * other[i] }
        return s
    }

    @inlinable public var squaredNorm: Double { dot(self) }

    @inlinable public var norm: Double { squaredNorm.squareRoot() }

    /// True when every element is finite (no NaN or infinity).
    @inlinable public var isFinite: Bool {
        for i in 0..<N where !self[i].isFinite { return false }
        return true
    }

    /// Elementwise comparison within an absolute tolerance.
    @inlinable public func isApproximatelyEqual(to other: Vector<N>, absoluteTolerance: Double) -> Bool {
        for i in 0..<N where !(abs(self[i] - other[i]) <= absoluteTolerance) { return false }
        return true
    }
}

/// Three-vectors: positions and velocities in ECEF or a local ENU frame, metres.
public typealias Vector3 = Vector<3>

extension Vector where N == 3 {
    @inlinable public init(_ x: Double, _ y: Double, _ z: Double) { self.init([x, y, z]) }

    @inlinable public var x: Double { get { self[0] } set { self[0] = newValue } }
    @inlinable public var y: Double { get { self[1] } set { self[1] = newValue } }
    @inlinable public var z: Double { get { self[2] } set { self[2] = newValue } }

    @inlinable public func cross(_ b: Vector<3>) -> Vector<3> {
        Vector<3>(self[1] * b[2] - self[2] * b[1], self[2] * b[0] - self[0] * b[2], self[0] * b[1] - self[1] * b[0])
    }
}
