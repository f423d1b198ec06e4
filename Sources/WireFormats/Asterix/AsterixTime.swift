/// ASTERIX time of day made absolute (ICD conventions): ASTERIX carries only
/// the time since UTC midnight in 1/128 s; the date comes from a reference
/// absolute time (the node's clock, or capture time in replay).
public enum AsterixTime {
    /// Nanoseconds per day and per 1/128 s tick (exact: 10^9 / 128 = 7 812 500).
    public static let dayNs: Int64 = 86_400_000_000_000
    public static let tickNs: Int64 = 7_812_500

    /// The absolute time (ns since the Unix epoch, UTC, no leap seconds) whose
    /// time of day is `timeOfDay128` and which lies nearest `referenceNs`:
    /// within half a day of it, so that a time of day just past midnight
    /// while the clock is just before it belongs to the next day, and the
    /// reverse. Nil when `timeOfDay128` is not a time of day (≥ 24 h).
    public static func absoluteNs(timeOfDay128: UInt32, referenceNs: Int64) -> Int64? {
        guard timeOfDay128 < 86_400 * 128 else { return nil }
        // Keep the arithmetic two days from Int64's ends (±292 years around
        // 1970), so that nothing below can overflow.
        let reference = min(max(referenceNs, Int64.min + 2 * dayNs), Int64.max - 2 * dayNs)
        var dayStart = reference / dayNs * dayNs
        if dayStart > reference { dayStart -= dayNs }  // floor for times before 1970
        var t = dayStart + Int64(timeOfDay128) * tickNs
        let offset = t - reference
        if offset > dayNs / 2 { t -= dayNs } else if offset <= -dayNs / 2 { t += dayNs }
        return t
    }

    /// The time of day of an absolute time, in 1/128 s, rounded to the
    /// nearest tick (for encoders; 86 400 s wraps to 0).
    public static func timeOfDay128(ofNs ns: Int64) -> UInt32 {
        var ofDay = ns % dayNs
        if ofDay < 0 { ofDay += dayNs }
        let ticks = (ofDay + tickNs / 2) / tickNs
        return UInt32(ticks % (86_400 * 128))
    }
}
