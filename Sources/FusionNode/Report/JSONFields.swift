import Foundation

/// Typed access to one parsed JSON Lines object, with errors that name the
/// file, the line and the key.
///
/// JSONSerialization hands numbers back as NSNumber; going through
/// `doubleValue` accepts `17` and `17.0` alike, which a writer may mix.
struct JSONFields {
    let object: [String: Any]
    let path: String
    let line: Int

    func fail(_ reason: String) -> ReportError { .badLine(path: path, line: line, reason: reason) }

    /// A required finite number.
    func number(_ key: String) throws(ReportError) -> Double {
        guard let x = try optionalNumber(key) else { throw fail("missing number \"\(key)\"") }
        return x
    }

    /// A number that may be absent or null.
    func optionalNumber(_ key: String) throws(ReportError) -> Double? {
        guard let raw = object[key], !(raw is NSNull) else { return nil }
        guard let n = raw as? NSNumber, n.doubleValue.isFinite else {
            throw fail("\"\(key)\" is not a finite number")
        }
        return n.doubleValue
    }

    /// A required integer (a number without a fractional part).
    func integer(_ key: String) throws(ReportError) -> Int {
        let x = try number(key)
        guard x == x.rounded(), abs(x) < 9e15 else { throw fail("\"\(key)\" is not an integer") }
        return Int(x)
    }

    func string(_ key: String) throws(ReportError) -> String {
        guard let s = object[key] as? String else { throw fail("missing string \"\(key)\"") }
        return s
    }

    func optionalString(_ key: String) -> String? { object[key] as? String }

    /// An array of strings; absent means empty.
    func strings(_ key: String) throws(ReportError) -> [String] {
        guard let raw = object[key], !(raw is NSNull) else { return [] }
        guard let list = raw as? [Any] else { throw fail("\"\(key)\" is not an array") }
        var result: [String] = []
        for item in list {
            guard let s = item as? String else { throw fail("\"\(key)\" holds a non-string") }
            result.append(s)
        }
        return result
    }

    /// A nested object, or nil when absent or null.
    func optionalObject(_ key: String) throws(ReportError) -> JSONFields? {
        guard let raw = object[key], !(raw is NSNull) else { return nil }
        guard let nested = raw as? [String: Any] else { throw fail("\"\(key)\" is not an object") }
        return JSONFields(object: nested, path: path, line: line)
    }

    /// A class string of the reports.
    func reportClass(_ key: String) throws(ReportError) -> ReportClass {
        let s = try string(key)
        guard let c = ReportClass(rawValue: s) else { throw fail("\"\(key)\" is \"\(s)\", not a known class") }
        return c
    }
}
