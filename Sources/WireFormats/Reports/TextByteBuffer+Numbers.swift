/// Deterministic number and time formatting.
extension TextByteBuffer {
    /// Powers of ten for fixed-decimal formatting, 10^0...10^9.
    private static let powersOfTen: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
    ]

    /// Appends an unsigned integer in decimal.
    public mutating func appendInteger(_ value: UInt64) {
        appendUnsigned(value, minDigits: 1)
    }

    /// Appends a signed integer in decimal (Int64.min included).
    public mutating func appendInteger(_ value: Int64) {
        if value < 0 { append(byte: UInt8(ascii: "-")) }
        appendUnsigned(value.magnitude, minDigits: 1)
    }

    /// Appends `value` with at least `minDigits` digits, zero-padded on the left.
    mutating func appendUnsigned(_ value: UInt64, minDigits: Int) {
        // 20 digits hold UInt64.max; written right to left into a fixed slab.
        var digits = InlineArray<20, UInt8>(repeating: UInt8(ascii: "0"))
        var v = value
        var n = 0
        repeat {
            digits[19 - n] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            n += 1
        } while v != 0
        let width = max(n, min(minDigits, 20))
        for i in (20 - width)..<20 { append(byte: digits[i]) }
    }

    /// Appends `value` rounded half away from zero to exactly `decimals`
    /// digits after the point (0...9; with 0 no point is written), e.g.
    /// `-0.5` with 2 decimals is `-0.50`. A value that rounds to zero is
    /// written unsigned. Returns false, writing nothing, when `value` is not
    /// finite or its magnitude times 10^decimals is 9e18 or more.
    ///
    /// The scaling multiply can be off by one unit in the last place, so a
    /// value exactly halfway in decimal (0.125 to 2 places) may round either
    /// way; it does so identically everywhere, which is what reports need.
    @discardableResult
    public mutating func appendFixed(_ value: Double, decimals: Int) -> Bool {
        guard value.isFinite, decimals >= 0, decimals <= 9 else { return false }
        let scale = TextByteBuffer.powersOfTen[decimals]
        let m = (value.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard m < 9.0e18 else { return false }
        let scaled = UInt64(m)
        if value < 0, scaled != 0 { append(byte: UInt8(ascii: "-")) }
        appendUnsigned(scaled / scale, minDigits: 1)
        if decimals > 0 {
            append(byte: UInt8(ascii: "."))
            appendUnsigned(scaled % scale, minDigits: decimals)
        }
        return true
    }

    /// Appends a JSON number with `decimals` places, or `null` when the value
    /// cannot be written (JSON has no NaN or infinity).
    public mutating func appendJSONNumber(_ value: Double, decimals: Int) {
        if !appendFixed(value, decimals: decimals) { append("null") }
    }

    /// Appends seconds since the Unix epoch with 3 decimals (milliseconds,
    /// floored), computed in integers from ns so no rounding error creeps in.
    public mutating func appendEpochSeconds(ns: Int64) {
        let ms = floorDiv(ns, 1_000_000)
        if ms < 0 { append(byte: UInt8(ascii: "-")) }
        let mag = ms.magnitude
        appendUnsigned(mag / 1000, minDigits: 1)
        append(byte: UInt8(ascii: "."))
        appendUnsigned(mag % 1000, minDigits: 3)
    }

    /// Appends an ISO 8601 / xs:dateTime UTC time with milliseconds,
    /// `YYYY-MM-DDThh:mm:ss.sssZ`, from ns since the Unix epoch (floored to
    /// the millisecond). Int64 ns span 1677...2262, so the year always has
    /// four digits.
    public mutating func appendISO8601(ns: Int64) {
        let ms = floorDiv(ns, 1_000_000)
        let secs = floorDiv(ms, 1000)
        let milli = ms - secs * 1000
        let days = floorDiv(secs, 86_400)
        let sod = secs - days * 86_400
        let (y, m, d) = TextByteBuffer.civil(fromDays: days)
        appendUnsigned(UInt64(y), minDigits: 4)
        append(byte: UInt8(ascii: "-"))
        appendUnsigned(UInt64(m), minDigits: 2)
        append(byte: UInt8(ascii: "-"))
        appendUnsigned(UInt64(d), minDigits: 2)
        append(byte: UInt8(ascii: "T"))
        appendUnsigned(UInt64(sod / 3600), minDigits: 2)
        append(byte: UInt8(ascii: ":"))
        appendUnsigned(UInt64(sod / 60 % 60), minDigits: 2)
        append(byte: UInt8(ascii: ":"))
        appendUnsigned(UInt64(sod % 60), minDigits: 2)
        append(byte: UInt8(ascii: "."))
        appendUnsigned(UInt64(milli), minDigits: 3)
        append(byte: UInt8(ascii: "Z"))
    }

    /// Floor division (rounds toward minus infinity), for times before 1970.
    @inline(__always)
    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Proleptic Gregorian date of a day count from 1970-01-01
    /// (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", civil_from_days).
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d)
    }
}
