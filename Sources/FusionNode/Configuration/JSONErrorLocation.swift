import Foundation

/// Turns a `JSONSerialization` error into an issue with a line and column.
///
/// Foundation reports the place as "around character N" (a byte offset) in
/// its debug description; a crew editing with a text editor wants lines.
enum JSONErrorLocation {
    static func issue(for error: any Error, in data: Data) -> ConfigurationIssue {
        let info = (error as NSError).userInfo
        let detail = (info[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        var message = "not valid JSON: \(detail)"
        if let offset = characterOffset(in: detail) {
            let (line, column) = lineAndColumn(of: offset, in: data)
            message = "not valid JSON at line \(line), column \(column): \(detail)"
        }
        return ConfigurationIssue(path: "", message: message)
    }

    /// N in "... around character N." or "... at character N", if present.
    static func characterOffset(in detail: String) -> Int? {
        guard let range = detail.range(of: "character ") else { return nil }
        let digits = detail[range.upperBound...].prefix(while: \.isNumber)
        return Int(digits)
    }

    /// 1-based line and column (in bytes) of a byte offset.
    static func lineAndColumn(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in data.prefix(max(0, offset)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
