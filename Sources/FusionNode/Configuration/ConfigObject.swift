import Foundation

/// A JSON object of the configuration tree being read, with its path.
///
/// Section readers ask it for typed fields; every key asked for is marked
/// known, and `finish()` reports the rest as unknown keys. Getters never
/// fail: a missing or bad value is logged and a placeholder returned, so a
/// reader always walks the whole section and every issue is collected. The
/// placeholders never escape, because loading throws when the log is not
/// empty.
final class ConfigObject {
    let path: String
    let log: IssueLog
    private let fields: [String: Any]
    private var known: Set<String> = []

    /// Wraps `value` if it is a JSON object, else logs why not.
    init?(_ value: Any, path: String, log: IssueLog) {
        guard let fields = value as? [String: Any] else {
            let what = path.isEmpty ? "the file must hold a JSON object" : "must be an object"
            log.add(path, "\(what), not \(JSONKind.describe(value))")
            return nil
        }
        self.fields = fields
        self.path = path
        self.log = log
    }

    /// The path of a field of this object.
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The raw value of `key`, marking it known; logs a missing required key.
    func raw(_ key: String, required: Bool) -> Any? {
        known.insert(key)
        guard let value = fields[key] else {
            if required { log.add(path(key), "missing required key") }
            return nil
        }
        return value
    }

    /// True when the file has `key` (null counts as present).
    func has(_ key: String) -> Bool { fields[key] != nil }

    /// Marks `key` as not allowed here, with the reason, if the file has it.
    func forbid(_ key: String, because reason: String) {
        known.insert(key)
        if fields[key] != nil { log.add(path(key), reason) }
    }

    /// Logs every key that no reader asked for. Call once, after the reads.
    func finish() {
        for key in fields.keys.sorted() where !known.contains(key) {
            log.add(path(key), "unknown key")
        }
    }

    // MARK: Typed fields

    /// A number checked against `rule`; required when `fallback` is nil.
    func number(_ key: String, _ rule: NumberRule = .finite, default fallback: Double? = nil) -> Double {
        guard let value = raw(key, required: fallback == nil) else { return fallback ?? 0 }
        return checkedNumber(value, at: path(key), rule) ?? fallback ?? 0
    }

    /// A number that may be null or absent (nil), else checked against `rule`.
    func nullableNumber(_ key: String, _ rule: NumberRule = .finite) -> Double? {
        guard let value = raw(key, required: false), !(value is NSNull) else { return nil }
        return checkedNumber(value, at: path(key), rule)
    }

    /// A whole number within `range`; required when `fallback` is nil.
    func integer(_ key: String, in range: ClosedRange<Int>, default fallback: Int? = nil) -> Int {
        guard let value = raw(key, required: fallback == nil) else { return fallback ?? range.lowerBound }
        return checkedInteger(value, at: path(key), in: range) ?? fallback ?? range.lowerBound
    }

    /// A whole number within `range`, or nil when absent or null.
    func optionalInteger(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = raw(key, required: false), !(value is NSNull) else { return nil }
        return checkedInteger(value, at: path(key), in: range)
    }

    /// `true` or `false`; required when `fallback` is nil.
    func bool(_ key: String, default fallback: Bool? = nil) -> Bool {
        guard let value = raw(key, required: fallback == nil) else { return fallback ?? false }
        guard JSONKind.isBool(value), let flag = value as? Bool else {
            log.add(path(key), "must be true or false, not \(JSONKind.describe(value))")
            return fallback ?? false
        }
        return flag
    }

    /// A non-empty string; required when `fallback` is nil.
    func string(_ key: String, default fallback: String? = nil) -> String {
        guard let value = raw(key, required: fallback == nil) else { return fallback ?? "" }
        return checkedString(value, at: path(key)) ?? fallback ?? ""
    }

    /// A non-empty string, or nil when absent or null.
    func optionalString(_ key: String) -> String? {
        guard let value = raw(key, required: false), !(value is NSNull) else { return nil }
        return checkedString(value, at: path(key))
    }

    /// One of `choices`; required when `fallback` is nil.
    func choice(_ key: String, _ choices: [String], default fallback: String? = nil) -> String? {
        guard let value = raw(key, required: fallback == nil) else { return fallback }
        guard let text = checkedString(value, at: path(key)) else { return nil }
        guard choices.contains(text) else {
            let list = choices.map { "\"\($0)\"" }.joined(separator: ", ")
            log.add(path(key), "must be one of \(list), not \"\(text)\"")
            return nil
        }
        return text
    }

    /// A nested object; nil (logged if required) when absent or not an object.
    func object(_ key: String, required: Bool = false) -> ConfigObject? {
        guard let value = raw(key, required: required) else { return nil }
        return ConfigObject(value, path: path(key), log: log)
    }

    /// The elements of an array with their paths; nil when absent (logged if
    /// required) or not an array.
    func array(_ key: String, required: Bool = false) -> [(value: Any, path: String)]? {
        guard let value = raw(key, required: required) else { return nil }
        guard let items = value as? [Any] else {
            log.add(path(key), "must be an array, not \(JSONKind.describe(value))")
            return nil
        }
        return items.enumerated().map { ($0.element, "\(path(key))[\($0.offset)]") }
    }

    /// The objects of an array, each read by `read`; non-objects are logged.
    func objects<T>(_ key: String, required: Bool = false, _ read: (ConfigObject) -> T) -> [T] {
        (array(key, required: required) ?? []).compactMap { item in
            ConfigObject(item.value, path: item.path, log: log).map(read)
        }
    }

    // MARK: Checks

    private func checkedNumber(_ value: Any, at path: String, _ rule: NumberRule) -> Double? {
        guard let number = JSONKind.number(value) else {
            log.add(path, "must be a number, not \(JSONKind.describe(value))")
            return nil
        }
        if let why = rule.violation(number) {
            log.add(path, why)
            return nil
        }
        return number
    }

    private func checkedInteger(_ value: Any, at path: String, in range: ClosedRange<Int>) -> Int? {
        guard let number = JSONKind.number(value) else {
            log.add(path, "must be a whole number, not \(JSONKind.describe(value))")
            return nil
        }
        guard number.rounded() == number, let whole = Int(exactly: number) else {
            log.add(path, "must be a whole number, not \(JSONKind.format(number))")
            return nil
        }
        guard range.contains(whole) else {
            log.add(path, "must be between \(range.lowerBound) and \(range.upperBound), not \(whole)")
            return nil
        }
        return whole
    }

    private func checkedString(_ value: Any, at path: String) -> String? {
        guard let text = value as? String, !JSONKind.isNumberOrBool(value) else {
            log.add(path, "must be a string, not \(JSONKind.describe(value))")
            return nil
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            log.add(path, "must not be empty")
            return nil
        }
        return text
    }
}
