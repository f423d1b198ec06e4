/// The flags byte of an SKAC header (ICD 1.3, offset 5). Bits 3-7 are
/// undefined in version 1 and make a datagram malformed.
public struct SKACFlags: OptionSet, Sendable, BitwiseCopyable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// bit0: the detections' elevation fields are valid.
    public static let elevationValid = SKACFlags(rawValue: 1 << 0)
    /// bit1: fundamental frequency and harmonic count are valid.
    public static let harmonicsValid = SKACFlags(rawValue: 1 << 1)
    /// bit2: a 32-byte `crypto_auth` tag ends the datagram.
    public static let authenticated = SKACFlags(rawValue: 1 << 2)

    /// Every bit version 1 defines.
    public static let defined: SKACFlags = [.elevationValid, .harmonicsValid, .authenticated]
}
