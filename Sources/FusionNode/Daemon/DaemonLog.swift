import CLinux
import Glibc
import WireFormats

/// Structured log lines on standard output for the journal: logfmt
/// (`level=info event=start key=value ...`), one line per event. Values
/// with spaces, quotes, `=` or newlines are quoted. Events, not datagrams,
/// are logged: nothing here runs per datagram.
///
/// Cue events are the exception to "flushed at once": a cue's line is
/// formatted without allocating into `pending` while the fusion thread
/// sends cues, and written after the loop's wake-up (`flushPending`), so
/// the next cue and the next datagram do not wait for the journal. Any
/// other line flushes the pending ones first, so the order is kept.
public struct DaemonLog {
    /// A line's severity (`level=`).
    public enum Level: String { case info, warning, error }

    /// Cue lines not yet written: one buffer shared by every copy of the log.
    let pending = PendingLogLines()

    /// Writes one line: `event` plus `fields` in order (after any pending cue lines).
    func write(_ level: Level, _ event: String, _ fields: KeyValuePairs<String, String> = [:]) {
        flushPending()
        // One write(2) per line: whole lines even if another process shares the journal stream.
        let text = Self.lineBytes(level, event, fields)
        _ = text.bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
    }

    /// Queues a cue event's line (`event=cue`); no allocation in steady state.
    func cue(_ line: CueReportLine) {
        if pending.lines.count >= PendingLogLines.flushBytes { flushPending() }
        pending.lines.append(line)
    }

    /// Writes the queued cue lines, whole lines per write(2).
    func flushPending() {
        guard pending.lines.count > 0 else { return }
        pending.lines.withBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    break  // journal gone: the lines are lost, as write's would be
                }
                offset += n
            }
        }
        pending.lines.clear()
    }

    /// One line as `write` writes it, newline included.
    public static func line(_ level: Level, _ event: String, _ fields: KeyValuePairs<String, String> = [:]) -> String {
        String(decoding: lineBytes(level, event, fields).bytes, as: UTF8.self)
    }

    static func lineBytes(_ level: Level, _ event: String, _ fields: KeyValuePairs<String, String>) -> TextByteBuffer {
        var text = TextByteBuffer(capacity: 128)
        text.append("level=")
        text.appendRaw(level.rawValue)
        text.append(" event=")
        text.appendRaw(event)
        for (key, value) in fields { text.appendLogfmtField(key, value) }
        text.append(byte: UInt8(ascii: "\n"))
        return text
    }
}

/// The cue lines a `DaemonLog` holds until the loop's wake-up ends.
final class PendingLogLines {
    /// Written out before appending once this many bytes wait: a few
    /// dozen lines, under PIPE_BUF (4,096), so one write(2) to a pipe is
    /// atomic; the buffer's capacity leaves room for one more long line.
    static let flushBytes = 3_072
    /// Unchecked like `PipelineHolder.pipeline` (the fusion thread only):
    /// the check on every wake-up's `flushPending` was 1 % of the node's CPU.
    @exclusivity(unchecked) var lines = CueLogfmtLines(capacity: 8_192)
}
