/// A small streaming writer for `summary.json` (ICD 2.4): nested objects of
/// counts and figures, keys in the order the caller writes them, two-space
/// indentation, so the file is byte-deterministic and diffable.
///
/// Usage: `beginObject()`, then `field`s and nested `beginObject(key:)` /
/// `endObject()`, then a final `endObject()`. Nesting depth is at most 16;
/// deeper calls trap (a programming error, not input).
public struct SummaryJSONWriter: Sendable {
    var out: TextByteBuffer
    /// Per open object: whether it already has a member (needs a comma).
    private var hasMember = InlineArray<16, Bool>(repeating: false)
    private var depth = 0

    public init(capacity: Int = 4096) { out = TextByteBuffer(capacity: capacity) }

    /// The document so far.
    public var bytes: [UInt8] { out.bytes }

    /// Calls `body` with the bytes of the last document, without copying.
    /// Prefer this to `bytes` on the hot path: a copy of `bytes` still alive
    /// at the next write forces that write to reallocate the buffer.
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        out.bytes.withUnsafeBytes(body)
    }

    /// True when every object opened was closed.
    public var isComplete: Bool { depth == 0 && out.count > 0 }

    private mutating func newline() {
        out.append(byte: 0x0A)
        for _ in 0..<depth { out.append("  ") }
    }

    private mutating func beginMember(_ key: String?) {
        if depth > 0 {
            if hasMember[depth - 1] { out.append(byte: UInt8(ascii: ",")) }
            hasMember[depth - 1] = true
            newline()
        }
        if let key {
            out.appendJSONString(key)
            out.append(": ")
        }
    }

    /// Opens an object: the document itself (no key, first call) or a member.
    public mutating func beginObject(key: String? = nil) {
        precondition(depth < 16, "summary JSON nested too deep")
        beginMember(depth == 0 ? nil : key)
        out.append(byte: UInt8(ascii: "{"))
        hasMember[depth] = false
        depth += 1
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        precondition(depth > 0, "endObject without beginObject")
        depth -= 1
        if hasMember[depth] { newline() }
        out.append(byte: UInt8(ascii: "}"))
        if depth == 0 { out.append(byte: 0x0A) }
    }

    /// An integer member.
    public mutating func field(_ key: String, _ value: UInt64) {
        beginMember(key)
        out.appendInteger(value)
    }

    /// A signed integer member.
    public mutating func field(_ key: String, _ value: Int64) {
        beginMember(key)
        out.appendInteger(value)
    }

    /// A number member with fixed decimals (`null` if not finite).
    public mutating func field(_ key: String, _ value: Double, decimals: Int) {
        beginMember(key)
        out.appendJSONNumber(value, decimals: decimals)
    }

    /// A string member.
    public mutating func field(_ key: String, string value: String) {
        beginMember(key)
        out.appendJSONString(value)
    }

    /// An object of integer members, in the order given: the shape of
    /// every block of counters in a summary.
    public mutating func counts(key: String, _ members: KeyValuePairs<String, UInt64>) {
        beginObject(key: key)
        for (name, value) in members { field(name, value) }
        endObject()
    }
}
