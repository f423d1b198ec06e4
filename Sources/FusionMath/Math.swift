import CLibm

/// The libm functions the core needs, in one namespace so that every module
/// of the core (which must also compile in Embedded Swift, where Glibc is not
/// importable) reaches them the same way.
public enum Math {
    @inlinable public static func sin(_ x: Double) -> Double { CLibm.sin(x) }
    @inlinable public static func cos(_ x: Double) -> Double { CLibm.cos(x) }
    @inlinable public static func tan(_ x: Double) -> Double { CLibm.tan(x) }
    @inlinable public static func asin(_ x: Double) -> Double { CLibm.asin(Swift.min(1, Swift.max(-1, x))) }
    @inlinable public static func acos(_ x: Double) -> Double { CLibm.acos(Swift.min(1, Swift.max(-1, x))) }
    @inlinable public static func atan(_ x: Double) -> Double { CLibm.atan(x) }
    @inlinable public static func atan2(_ y: Double, _ x: Double) -> Double { CLibm.atan2(y, x) }
    @inlinable public static func exp(_ x: Double) -> Double { CLibm.exp(x) }
    @inlinable public static func log(_ x: Double) -> Double { CLibm.log(x) }
    @inlinable public static func log10(_ x: Double) -> Double { CLibm.log10(x) }
    @inlinable public static func pow(_ x: Double, _ y: Double) -> Double { CLibm.pow(x, y) }
    @inlinable public static func hypot(_ x: Double, _ y: Double) -> Double { CLibm.hypot(x, y) }
    @inlinable public static func cbrt(_ x: Double) -> Double { CLibm.cbrt(x) }

    public static let pi = Double.pi
    public static let degreesPerRadian = 180.0 / Double.pi
    public static let radiansPerDegree = Double.pi / 180.0
}
