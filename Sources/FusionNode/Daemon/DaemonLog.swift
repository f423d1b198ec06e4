import CLinux
import Glibc

/// Structured log lines on standard output for the journal: logfmt
/// (`level=info event=start key=value ...`), one line per event, flushed at
/// once. Values with spaces or quotes are quoted. Events, not datagrams,
/// are logged: nothing here runs per datagram.
struct DaemonLog {
    enum Level: String { case info, warning, error }

    /// Writes one line: `event` plus `fields` in order.
    func write(_ level: Level, _ event: String, _ fields: KeyValuePairs<String, String> = [:]) {
        var line = "level=\(level.rawValue) event=\(event)"
        for (key, value) in fields { line += " \(key)=\(Self.quoted(value))" }
        line += "\n"
        // One write(2) per line: whole lines even if another process shares the journal stream.
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(1, $0.baseAddress, $0.count) }
    }

    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\n" }) else {
            return value
        }
        let escaped = value.replacingAll("\\", "\\\\").replacingAll("\"", "\\\"").replacingAll("\n", "\\n")
        return "\"\(escaped)\""
    }
}

extension String {
    /// Every `target` replaced by `replacement` (no Foundation needed).
    func replacingAll(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
