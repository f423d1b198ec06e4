import Foundation
import WireFormats

/// A file written through stdio's buffer (one `fwrite` per line).
final class ReportFile {
    private let file: UnsafeMutablePointer<FILE>
    let path: String

    init?(path: String) {
        guard let f = fopen(path, "wb") else { return nil }
        file = f
        self.path = path
    }

    deinit { fclose(file) }

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        fwrite(base, 1, bytes.count, file)
    }

    /// Flushes; false when a write failed (disk full, ...).
    func close() -> Bool { fflush(file) == 0 && ferror(file) == 0 }
}

/// The pcap of `--outputs-pcap` (a class, since `PcapWriter` is
/// non-copyable and the sink is a plain value).
final class OutputCapture {
    var writer: PcapWriter
    /// The node's own address as the source of what it sends.
    let source = IPEndpoint(ipv4: 0x7F00_0001, port: 4000)

    init(path: String) throws(PcapError) { writer = try PcapWriter(path: path) }
}

/// The replay tool's sink: tracks.jsonl, cues.jsonl, and optionally every
/// output datagram into a pcap stamped with capture time.
struct ReplayFileSink: NodeSink {
    let tracks: ReportFile
    let cues: ReportFile
    let outputs: OutputCapture?

    mutating func send(_ bytes: UnsafeRawBufferPointer, to output: NodeOutput, atNs timeNs: Int64) {
        guard let outputs else { return }
        var source = outputs.source
        source.port = output.destination.port
        outputs.writer.write(bytes, from: source, to: output.destination, timeNs: timeNs)
    }

    mutating func trackReport(_ line: TrackReportLine, json: UnsafeRawBufferPointer) { tracks.write(json) }

    mutating func cueReport(_ line: CueReportLine, json: UnsafeRawBufferPointer) { cues.write(json) }
}
