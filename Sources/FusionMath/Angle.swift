/// A plane angle in radians that knows how to wrap.
///
/// Azimuths and bearings are clockwise from true north; elevations are above
/// the local horizontal (see Hardware/ICD.md). Differences of angles, which is
/// what a filter innovation is, must wrap to (-pi, pi] or a target crossing
/// north looks like a 360 degree jump.
@frozen
public struct Angle: Sendable, BitwiseCopyable, Equatable, Comparable {
    public var radians: Double

    @inlinable public init(radians: Double) { self.radians = radians }
    @inlinable public init(degrees: Double) { self.radians = degrees * Math.radiansPerDegree }

    @inlinable public var degrees: Double { radians * Math.degreesPerRadian }

    /// The same direction in (-pi, pi].
    @inlinable public var wrappedSigned: Angle { Angle(radians: Angle.wrapSigned(radians)) }

    /// The same direction in [0, 2 pi).
    @inlinable public var wrappedPositive: Angle { Angle(radians: Angle.wrapPositive(radians)) }

    /// `a - b` wrapped to (-pi, pi].
    @inlinable public static func - (a: Angle, b: Angle) -> Angle { Angle(radians: wrapSigned(a.radians - b.radians)) }

    @inlinable public static func + (a: Angle, b: Angle) -> Angle { Angle(radians: a.radians + b.radians) }

    @inlinable public static func < (a: Angle, b: Angle) -> Bool { a.radians < b.radians }

    /// Wraps `x` radians into (-pi, pi].
    ///
    /// An `x` already in (-pi, pi] (every angle innovation but a few) is
    /// returned as it is, without the libm `remainder` call: IEEE
    /// `remainder(x, 2 pi)` is `x - n 2 pi` with `n` the integer nearest to
    /// the exact `x / 2 pi`, ties to even, so `n = 0` there and the result is
    /// `x` itself, bit for bit (`AngleTests`). The call and its wrapper
    /// were 1.9 % of the benchmark's instructions (Benchmarks/README.md,
    /// session 9).
    @inlinable public static func wrapSigned(_ x: Double) -> Double {
        if x > -Double.pi && x <= Double.pi { return x }
        guard x.isFinite else { return x }
        var r = x.remainder(dividingBy: 2 * Double.pi)  // [-pi, pi]
        if r <= -Double.pi { r += 2 * Double.pi }
        return r
    }

    /// Wraps `x` radians into [0, 2 pi).
    @inlinable public static func wrapPositive(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        var r = x.truncatingRemainder(dividingBy: 2 * Double.pi)
        if r < 0 { r += 2 * Double.pi }
        if r >= 2 * Double.pi { r = 0 }
        return r
    }
}
