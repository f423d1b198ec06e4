import Foundation

/// A line-by-line comparison of a report file against its committed golden
/// copy, summarised for a test failure: line counts, the first differing
/// line of each side and how many lines differ in all, so that a failing
/// golden test says what changed without a diff tool.
struct GoldenDiff: Equatable {
    var name: String
    var expectedLines: Int
    var actualLines: Int
    /// 1-based number of the first line that differs (or that one side lacks).
    var firstLine: Int
    var expected: String?
    var actual: String?
    /// Lines at the same position that differ, over the longer file.
    var differingLines: Int

    /// The comparison of `actual` with `expected`, or nil when they are
    /// byte for byte equal.
    static func compare(name: String, expected: Data, actual: Data) -> GoldenDiff? {
        guard expected != actual else { return nil }
        let e = lines(expected), a = lines(actual)
        var first: Int?
        var differing = 0
        for k in 0..<max(e.count, a.count) {
            let x = k < e.count ? e[k] : nil, y = k < a.count ? a[k] : nil
            if x != y {
                differing += 1
                if first == nil { first = k }
            }
        }
        // Equal lines but unequal bytes: only a trailing newline differs.
        let k = first ?? max(e.count, a.count)
        return GoldenDiff(
            name: name, expectedLines: e.count, actualLines: a.count, firstLine: k + 1,
            expected: k < e.count ? e[k] : nil, actual: k < a.count ? a[k] : nil, differingLines: max(1, differing))
    }

    /// The lines of a file; a final newline ends the last line rather
    /// than starting an empty one.
    static func lines(_ data: Data) -> [String] {
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines.map(String.init)
    }

    /// The failure message.
    var summary: String {
        """
        \(name): \(differingLines) of \(max(expectedLines, actualLines)) lines differ \
        (expected \(expectedLines) lines, got \(actualLines)); first at line \(firstLine):
          expected: \(expected.map { Self.clip($0) } ?? "<no line>")
          actual:   \(actual.map { Self.clip($0) } ?? "<no line>")\(expected == nil && actual == nil ? " (only the final newline differs)" : "")
        If the change is intended, regenerate with Tools/regen-golden.sh and commit the new files.
        """
    }

    static func clip(_ line: String) -> String { line.count > 400 ? String(line.prefix(400)) + " ..." : line }

    /// `summary.json` with its one run-dependent figure (`processing_time_s`,
    /// wall-clock time) replaced by null, so that two replays compare equal.
    static func maskingProcessingTime(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        let key = "\"processing_time_s\": "
        guard let start = text.range(of: key) else { return data }
        let rest = text[start.upperBound...]
        if rest.hasPrefix("null") { return data }
        let end = rest.firstIndex { !"0123456789.-+eE".contains($0) } ?? rest.endIndex
        return Data((text[..<start.upperBound] + "null" + text[end...]).utf8)
    }
}
