/// A reusable UTF-8 output buffer for the text formats (CoT XML, JSON Lines,
/// summary JSON): reserved once, cleared and appended to per message, so a
/// steady 1 Hz output does not build Strings or reallocate.
///
/// Numbers are formatted here, by hand, so the bytes are the same on every
/// machine and toolchain (no Foundation, no locale, no shortest-repr float
/// printing); see `TextByteBuffer+Numbers.swift`.
public struct TextByteBuffer: Sendable {
    /// The text written since the last `clear`.
    public private(set) var bytes: [UInt8]

    /// An empty buffer with room for `capacity` bytes before it must grow.
    public init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer, keeping its storage.
    public mutating func clear() { bytes.removeAll(keepingCapacity: true) }

    /// Number of bytes written.
    public var count: Int { bytes.count }

    /// Appends literal ASCII/UTF-8 text.
    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends one byte.
    public mutating func append(byte: UInt8) { bytes.append(byte) }

    /// Appends a string's UTF-8 as is (the caller knows it needs no escaping).
    public mutating func appendRaw(_ text: String) {
        for b in text.utf8 { bytes.append(b) }
    }

    /// Appends text escaped for an XML attribute value or element content:
    /// the five predefined entities, tab/LF/CR as character references (an
    /// attribute value would otherwise normalise them to spaces), and `?` for
    /// the other C0 controls, which XML 1.0 cannot carry at all.
    public mutating func appendXMLEscaped(_ text: String) {
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\""): append("&quot;")
            case UInt8(ascii: "'"): append("&apos;")
            case 0x09: append("&#9;")
            case 0x0A: append("&#10;")
            case 0x0D: append("&#13;")
            case 0x00..<0x20: bytes.append(UInt8(ascii: "?"))
            default: bytes.append(b)
            }
        }
    }

    /// Appends a JSON string literal, quotes included (RFC 8259 section 7:
    /// quote, backslash and C0 controls escaped; other UTF-8 passed through).
    public mutating func appendJSONString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x00..<0x20:
                append("\\u00")
                appendHexDigit(b >> 4)
                appendHexDigit(b & 0xF)
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendHexDigit(_ v: UInt8) {
        bytes.append(v < 10 ? UInt8(ascii: "0") + v : UInt8(ascii: "a") + v - 10)
    }
}
