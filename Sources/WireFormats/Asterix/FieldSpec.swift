/// An FSPEC (or a compound item's primary subfield): octets of seven
/// presence bits and an FX bit (EUROCONTROL Part 1, 4.3.2). Bit `i`
/// (0-based) is FRN `i + 1`, i.e. the MSB of the first octet.
public struct FieldSpec: Sendable, BitwiseCopyable, Equatable {
    /// Presence bits, FRN 1 in bit 0. Up to 9 octets (63 FRNs).
    public var bits: UInt64 = 0
    /// Octets the FSPEC occupied.
    public var octets: Int = 0

    public init() {}

    /// Builds a spec from FRNs (1-based); for encoders and tests.
    public init(frns: some Sequence<Int>) {
        for f in frns where f >= 1 && f <= 63 { bits |= 1 << UInt64(f - 1) }
        octets = bits == 0 ? 1 : (64 - bits.leadingZeroBitCount + 6) / 7
    }

    /// Reads the FX-chained octets; `.fspecOverrun` when more than
    /// `maxOctets` are chained, `.truncated` when the bytes end first.
    public mutating func read(from reader: inout ByteReader, maxOctets: Int) -> AsterixRejection? {
        bits = 0
        octets = 0
        while true {
            guard let b = reader.readUInt8() else { return .truncated }
            guard octets < maxOctets, octets < 9 else { return .fspecOverrun }
            for k in 0..<7 where b & (0x80 >> UInt8(k)) != 0 {
                bits |= 1 << UInt64(octets * 7 + k)
            }
            octets += 1
            if b & 1 == 0 { return nil }
        }
    }

    /// True when FRN `frn` (1-based) is present.
    @inlinable public func has(_ frn: Int) -> Bool {
        frn >= 1 && frn <= 63 && bits & (1 << UInt64(frn - 1)) != 0
    }

    /// The next present bit index strictly after `index` (0-based), or nil.
    @inlinable public func next(after index: Int) -> Int? {
        let from = index + 1
        guard from < 64 else { return nil }
        let rest = bits >> UInt64(from)
        guard rest != 0 else { return nil }
        return from + rest.trailingZeroBitCount
    }

    /// Appends the FSPEC octets to `out` (FX set on all but the last).
    public func write(to out: inout [UInt8]) {
        let n = max(1, octets)
        for o in 0..<n {
            var b: UInt8 = 0
            for k in 0..<7 where bits & (1 << UInt64(o * 7 + k)) != 0 { b |= 0x80 >> UInt8(k) }
            if o < n - 1 { b |= 1 }
            out.append(b)
        }
    }
}
