/// A name of at most 8 printable ASCII bytes (0x20...0x7E), stored inline,
/// as the binary cue carries zone and interceptor names (Hardware/ICD.md 2.3).
///
/// On the wire it is 8 bytes, NUL-padded on the right. Kept in a `UInt64`
/// (first character in the most significant byte) so a `CueMessage` stays a
/// fixed-size value and decoding never allocates.
public struct ShortName: Sendable, BitwiseCopyable, Hashable {
    /// Bytes on the wire.
    public static let byteCount = 8

    /// The 8 wire bytes, big-endian packed.
    public let packed: UInt64

    /// The empty name (8 NUL bytes).
    public static let empty = ShortName(uncheckedPacked: 0)

    private init(uncheckedPacked: UInt64) { packed = uncheckedPacked }

    /// The name of 8 wire bytes, or nil when they are not printable ASCII
    /// followed only by NUL padding.
    public init?(packed: UInt64) {
        var seenNul = false
        for i in 0..<8 {
            let b = UInt8(truncatingIfNeeded: packed >> UInt64(56 - 8 * i))
            if b == 0 {
                seenNul = true
            } else if seenNul || b < 0x20 || b > 0x7E {
                return nil
            }
        }
        self.packed = packed
    }

    /// The name of `text`, or nil when it is longer than 8 bytes or holds
    /// anything but printable ASCII.
    public init?(_ text: String) {
        var p: UInt64 = 0
        var n = 0
        for b in text.utf8 {
            guard n < 8, b >= 0x20, b <= 0x7E else { return nil }
            p |= UInt64(b) << UInt64(56 - 8 * n)
            n += 1
        }
        packed = p
    }

    /// The first 8 bytes of `text`, with any byte that is not printable
    /// ASCII replaced by `?`: for deriving a short name from a longer
    /// configured one.
    public init(truncating text: String) {
        var p: UInt64 = 0
        var n = 0
        for b in text.utf8 {
            guard n < 8 else { break }
            let c: UInt8 = (b >= 0x20 && b <= 0x7E) ? b : 0x3F
            p |= UInt64(c) << UInt64(56 - 8 * n)
            n += 1
        }
        packed = p
    }

    /// Length in bytes, 0...8.
    public var count: Int {
        var n = 0
        while n < 8, UInt8(truncatingIfNeeded: packed >> UInt64(56 - 8 * n)) != 0 { n += 1 }
        return n
    }

    /// The name as text (allocation-free for names of up to 15 bytes, which
    /// Swift stores inline).
    public var string: String {
        var s = ""
        for i in 0..<count {
            s.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: packed >> UInt64(56 - 8 * i))))
        }
        return s
    }
}
