/// Number and text formatting for the reports, independent of locale and of
/// Foundation's formatters, so that the same figures always print the same
/// bytes (golden files, byte-identical SVGs).
enum ReportText {
    /// `x` rounded to `digits` decimals, e.g. `fixed(-1.25, 1) == "-1.3"`;
    /// "nan" or "inf" for a non-finite value.
    static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        // Beyond 2^53 the digits are noise anyway; print the integer part.
        guard scaled < 9e15 else { return (x < 0 ? "-" : "") + String(Int64(abs(x))) }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        let frac = units % Int64(scale)
        let sign = x < 0 && units != 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        let fracText = String(frac)
        return "\(sign)\(whole).\(String(repeating: "0", count: digits - fracText.count))\(fracText)"
    }

    /// `s` padded with spaces on the left to `width` (right-aligned).
    static func right(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }

    /// `s` padded with spaces on the right to `width` (left-aligned).
    static func left(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    /// `s` escaped for XML text and attribute values.
    static func xmlEscaped(_ s: String) -> String {
        // Path data and numbers never need escaping: skip the per-character
        // walk, which dominated drawing a picture of hundreds of tracks.
        if !s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) { return s }
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }
}
