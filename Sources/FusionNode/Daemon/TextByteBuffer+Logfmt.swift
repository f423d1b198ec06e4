import WireFormats

extension TextByteBuffer {
    /// Appends a logfmt value: as is, or, when it is empty or holds a space,
    /// `"`, `=` or a line feed, in double quotes with `\`, `"` and line feed
    /// escaped (`\\`, `\"`, `\n`). Works on UTF-8 bytes, so a CR LF in a
    /// value is quoted like a lone LF. The one quoting rule of the daemon's
    /// journal lines (`DaemonLog.line`, `CueLogfmtLines`).
    mutating func appendLogfmtValue(_ value: String) {
        let utf8 = value.utf8
        let needsQuotes =
            utf8.isEmpty
            || utf8.contains { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "=") || $0 == 0x0A }
        guard needsQuotes else {
            for b in utf8 { append(byte: b) }
            return
        }
        append(byte: UInt8(ascii: "\""))
        for b in utf8 {
            switch b {
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\""): append("\\\"")
            case 0x0A: append("\\n")
            default: append(byte: b)
            }
        }
        append(byte: UInt8(ascii: "\""))
    }

    /// Appends ` key=value`, the value quoted as `appendLogfmtValue` says.
    mutating func appendLogfmtField(_ key: String, _ value: String) {
        append(byte: UInt8(ascii: " "))
        appendRaw(key)
        append(byte: UInt8(ascii: "="))
        appendLogfmtValue(value)
    }
}
