/// Finds keys given twice in one JSON object.
///
/// `JSONSerialization` silently keeps the last of two equal keys, so a crew
/// that pastes a line and edits the wrong copy would fly with the other
/// value. This walks the raw text (already known to be valid JSON) and
/// reports every repeat with its path and line. Keys are compared as written
/// (escapes not decoded), which only matters for keys no section accepts.
struct DuplicateKeyScanner {
    private let bytes: [UInt8]
    private var at = 0
    private var line = 1
    private(set) var issues: [ConfigurationIssue] = []

    static func issues(in bytes: [UInt8]) -> [ConfigurationIssue] {
        var scanner = DuplicateKeyScanner(bytes: bytes)
        scanner.value(path: "", depth: 0)
        return scanner.issues
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var current: UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func advance() {
        if current == UInt8(ascii: "\n") { line += 1 }
        at += 1
    }

    private mutating func skipSpace() {
        while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { advance() }
    }

    private mutating func value(path: String, depth: Int) {
        // Foundation rejects deeper nesting than this anyway; never recurse
        // without bound on a hostile file.
        guard depth < 512 else { return }
        skipSpace()
        switch current {
        case UInt8(ascii: "{"): object(path: path, depth: depth)
        case UInt8(ascii: "["): array(path: path, depth: depth)
        case UInt8(ascii: "\""): _ = string()
        default:
            while let c = current, ![UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(c) {
                advance()
            }
        }
    }

    private mutating func object(path: String, depth: Int) {
        advance()  // {
        var lines: [[UInt8]: Int] = [:]
        while true {
            skipSpace()
            guard let c = current else { return }
            if c == UInt8(ascii: "}") {
                advance()
                return
            }
            if c == UInt8(ascii: ",") {
                advance()
                continue
            }
            let keyLine = line
            let key = string()
            let name = String(decoding: key, as: UTF8.self)
            let keyPath = path.isEmpty ? name : "\(path).\(name)"
            if let first = lines[key] {
                issues.append(
                    ConfigurationIssue(
                        path: keyPath, message: "duplicate key (line \(keyLine); first on line \(first))"))
            } else {
                lines[key] = keyLine
            }
            skipSpace()
            if current == UInt8(ascii: ":") { advance() }
            value(path: keyPath, depth: depth + 1)
        }
    }

    private mutating func array(path: String, depth: Int) {
        advance()  // [
        var index = 0
        while true {
            skipSpace()
            guard let c = current else { return }
            if c == UInt8(ascii: "]") {
                advance()
                return
            }
            if c == UInt8(ascii: ",") {
                advance()
                index += 1
                continue
            }
            value(path: "\(path)[\(index)]", depth: depth + 1)
        }
    }

    /// The raw bytes between the quotes of a string, escapes left as written.
    private mutating func string() -> [UInt8] {
        advance()  // opening quote
        var out: [UInt8] = []
        while let c = current, c != UInt8(ascii: "\"") {
            out.append(c)
            advance()
            if c == UInt8(ascii: "\\"), let escaped = current {
                out.append(escaped)
                advance()
            }
        }
        advance()  // closing quote
        return out
    }
}
