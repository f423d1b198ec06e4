/// Quantisation and framing shared by the ASTERIX encoders (CAT048, CAT034,
/// CAT021): rounding to the item's LSB, clamping to its field width (never
/// wrapping, so an out-of-range value reads as the nearest representable
/// one), big-endian appends, and block framing (`CAT LEN records`,
/// EUROCONTROL Part 1, 4.2).
///
/// Everything appends to a caller-owned array: with its capacity reserved,
/// nothing here allocates.
public enum AsterixFieldWriter {
    /// `value` rounded to nearest, clamped to a `bits`-bit two's complement
    /// field, as the field's raw bits (NaN writes 0).
    @inlinable public static func signed(_ value: Double, bits: Int) -> UInt64 {
        let hi = Double((Int64(1) << (bits - 1)) - 1)
        let lo = -hi - 1
        let v = value.isNaN ? 0 : min(max(value.rounded(), lo), hi)
        return UInt64(bitPattern: Int64(v)) & ((1 << UInt64(bits)) - 1)
    }

    /// `value` rounded to nearest, clamped to `0 ... 2^bits - 1` (NaN writes 0).
    @inlinable public static func unsigned(_ value: Double, bits: Int) -> UInt64 {
        let hi = Double((UInt64(1) << UInt64(bits)) - 1)
        return UInt64(value.isNaN ? 0 : min(max(value.rounded(), 0), hi))
    }

    /// An angle in degrees as a `bits`-bit fraction of a full turn, rounded
    /// to nearest and wrapped (angles wrap, they are not clamped: 360 deg is 0).
    @inlinable public static func turn(_ degrees: Double, bits: Int) -> UInt64 {
        guard degrees.isFinite else { return 0 }
        let full = Double(UInt64(1) << UInt64(bits))
        var x = (degrees / 360 * full).rounded()
        x = x.truncatingRemainder(dividingBy: full)
        if x < 0 { x += full }
        return UInt64(x) & ((1 << UInt64(bits)) - 1)
    }

    /// Appends the low `n` octets of `v`, most significant first.
    @inlinable public static func put(_ v: UInt64, _ n: Int, _ out: inout [UInt8]) {
        for k in stride(from: n - 1, through: 0, by: -1) { out.append(UInt8(truncatingIfNeeded: v >> UInt64(8 * k))) }
    }

    /// Starts a data block of `category`: appends CAT and a LEN placeholder,
    /// returns where the block starts (for `finishBlock`).
    @inlinable public static func beginBlock(category: UInt8, _ out: inout [UInt8]) -> Int {
        let start = out.count
        out.append(category)
        out.append(0)
        out.append(0)
        return start
    }

    /// Writes LEN (the whole block, CAT and LEN included) of the block begun
    /// at `start`. A block over 65 535 octets is a caller error: LEN cannot
    /// say it, so it traps rather than write a block no one can frame.
    @inlinable public static func finishBlock(start: Int, _ out: inout [UInt8]) {
        let length = out.count - start
        precondition(length <= 65_535, "ASTERIX block longer than LEN can hold")
        out[start + 1] = UInt8(length >> 8)
        out[start + 2] = UInt8(length & 0xFF)
    }

    /// A FieldSpec with the FRNs whose bits are set in `mask` (bit 0 = FRN 1),
    /// without the array `FieldSpec(frns:)` would need.
    @inlinable public static func fieldSpec(mask: UInt64) -> FieldSpec {
        var spec = FieldSpec()
        spec.bits = mask
        spec.octets = mask == 0 ? 1 : (64 - mask.leadingZeroBitCount + 6) / 7
        return spec
    }
}
