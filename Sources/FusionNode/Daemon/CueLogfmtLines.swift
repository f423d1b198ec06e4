import WireFormats

/// Journal lines of cue events in the daemon's logfmt, formatted into a
/// reused byte buffer (no String, no allocation once the buffer has grown
/// to the longest run of lines): `level=info event=cue kind=update seq=12
/// track=5 zone=... interceptor=... p_uncrewed=0.9731`, one line per cue.
///
/// The layout of `DaemonLog.line(.info, "cue", ...)`, with its quoting
/// (`TextByteBuffer.appendLogfmtValue`), and `p_uncrewed` to 4 decimals as
/// in `cues.jsonl`.
public struct CueLogfmtLines: Sendable {
    var text: TextByteBuffer

    /// An empty buffer with room for `capacity` bytes.
    public init(capacity: Int) { text = TextByteBuffer(capacity: capacity) }

    /// Bytes written since the last `clear`.
    public var count: Int { text.count }

    /// Forgets the lines, keeping the storage.
    public mutating func clear() { text.clear() }

    /// Calls `body` with the lines written since the last `clear`.
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R { text.bytes.withUnsafeBytes(body) }

    /// Appends the line of one cue event.
    public mutating func append(_ line: CueReportLine) {
        let c = line.cue
        text.append("level=info event=cue kind=")
        text.append(c.kind.reportName)
        text.append(" seq=")
        text.appendInteger(UInt64(c.sequence))
        text.append(" track=")
        text.appendInteger(UInt64(c.trackId))
        text.append(" zone=")
        text.appendLogfmtValue(line.zoneName)
        text.append(" interceptor=")
        text.appendLogfmtValue(line.interceptorName)
        text.append(" p_uncrewed=")
        if !text.appendFixed(c.pUncrewed, decimals: 4) { text.append("nan") }
        text.append(byte: UInt8(ascii: "\n"))
    }
}
