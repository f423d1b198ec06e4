import Foundation

/// Tells JSON value kinds apart in what `JSONSerialization` returns.
///
/// On Linux every JSON number and boolean arrives as an `NSNumber`, and
/// `NSNumber(1) is Bool` is true, so `is`/`as?` cannot tell `1` from `true`.
/// Booleans are the only ones whose Objective-C type encoding is `c`.
enum JSONKind {
    static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    static func isNumberOrBool(_ value: Any) -> Bool { value is NSNumber }

    /// The value as a Double if it is a JSON number (not a boolean).
    static func number(_ value: Any) -> Double? {
        guard let number = value as? NSNumber, !isBool(value) else { return nil }
        return number.doubleValue
    }

    /// A short name for the kind of `value`, for messages.
    static func describe(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if isBool(value) { return (value as? Bool) == true ? "true" : "false" }
        if let number = number(value) { return "the number \(format(number))" }
        if let text = value as? String { return "the string \"\(text)\"" }
        if value is [Any] { return "an array" }
        if value is [String: Any] { return "an object" }
        return "\(type(of: value))"
    }

    /// A number as a crew wrote it: `91`, not `91.0`.
    static func format(_ x: Double) -> String {
        x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
