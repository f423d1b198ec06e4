/// An 8-character aircraft identification (I048/240, I021/170, I062/245),
/// held as ASCII in one integer so that a plot stays a fixed-size value with
/// no heap (first character in the most significant byte).
public struct AsterixCallsign: Sendable, BitwiseCopyable, Hashable {
    /// Eight ASCII bytes, big-endian packed.
    public var packed: UInt64

    public init(packed: UInt64) { self.packed = packed }

    /// From the 48-bit field of eight 6-bit ICAO characters (Annex 10 Vol IV,
    /// table 3-9: 1-26 'A'-'Z', 32 space, 48-57 '0'-'9'). Codes ICAO leaves
    /// undefined (0 included: an unset identification) become spaces, as
    /// Wireshark prints them, never a letter.
    public init(sixBit field: UInt64) {
        var p: UInt64 = 0
        for k in 0..<8 {
            let c = UInt8(truncatingIfNeeded: field >> UInt64(42 - 6 * k)) & 0x3F
            p = p << 8 | UInt64(Self.ascii(ofSixBit: c))
        }
        packed = p
    }

    /// The ICAO 6-bit character set mapped to ASCII.
    public static func ascii(ofSixBit c: UInt8) -> UInt8 {
        switch c {
        case 1...26: 0x40 + c
        case 32: 0x20
        case 48...57: c
        default: 0x20
        }
    }

    /// The 6-bit code of an ASCII character; space for anything not encodable.
    public static func sixBit(ofASCII a: UInt8) -> UInt8 {
        switch a {
        case 0x41...0x5A: a - 0x40
        case 0x61...0x7A: a - 0x60
        case 0x30...0x39: a
        default: 32
        }
    }

    /// The 48-bit 6-bit-character field (for encoders).
    public var sixBitField: UInt64 {
        var f: UInt64 = 0
        for k in 0..<8 {
            f = f << 6 | UInt64(Self.sixBit(ofASCII: UInt8(truncatingIfNeeded: packed >> UInt64(56 - 8 * k))))
        }
        return f
    }

    /// From up to 8 ASCII characters, padded with spaces (tests, tools).
    public init(_ text: String) {
        var p: UInt64 = 0
        var n = 0
        for b in text.utf8.prefix(8) { p = p << 8 | UInt64(b); n += 1 }
        while n < 8 { p = p << 8 | 0x20; n += 1 }
        packed = p
    }

    /// The eight characters, trailing spaces kept (as tshark prints them).
    /// Allocates: for reports and tests, not the hot path.
    public var text: String {
        var s = ""
        for k in 0..<8 {
            s.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: packed >> UInt64(56 - 8 * k))))
        }
        return s
    }
}
