import CLinux
import Glibc

/// Records every input datagram as the node received it into rotating pcap
/// files in the recording directory (`input-<first receive time>.pcap`,
/// Ethernet/IPv4/UDP with the sender's address, the real destination port
/// and the kernel receive time), so that `skycue-replay` replays a
/// recording as any capture. A file is closed at `rotate_mb` and the oldest
/// files beyond `max_files` are removed, so the disk cannot fill.
/// Buffered by libpcap; flushed once per loop wake-up (`flush`).
final class InputRecorder {
    let directory: String
    let rotateBytes: Int
    let maxFiles: Int
    private var writer: PcapWriter?
    private var bytesInFile = 0
    /// Paths of the files written, oldest first (this run's only: files of
    /// an earlier run are the crew's to keep or remove).
    private(set) var files: [String] = []
    private(set) var datagrams: UInt64 = 0
    private(set) var failures: UInt64 = 0

    init(settings: RecordingSettings) throws(DaemonError) {
        guard let dir = settings.directory else { throw .pipeline("recording without a directory") }
        if mkdir(dir, 0o750) != 0 && errno != EEXIST { throw .system("mkdir \(dir)", errno) }
        directory = dir
        rotateBytes = settings.rotateMB * 1_000_000
        maxFiles = settings.maxFiles
    }

    /// Appends one datagram received at `timeNs` on `port` from `source`.
    func record(_ payload: UnsafeRawBufferPointer, from source: IPEndpoint, port: UInt16, timeNs: Int64) {
        // 16 bytes of record header and 42 of Ethernet/IPv4/UDP per frame.
        let frameBytes = payload.count + 58
        if writer == nil || bytesInFile + frameBytes > rotateBytes { rotate(timeNs: timeNs) }
        guard writer != nil else {
            failures &+= 1
            return
        }
        let destination = IPEndpoint(ipv4: 0x7F00_0001, port: port)
        if writer!.write(payload, from: source, to: destination, timeNs: timeNs) {
            bytesInFile += frameBytes
            datagrams &+= 1
        } else {
            failures &+= 1
        }
    }

    func flush() { writer?.flush() }

    private func rotate(timeNs: Int64) {
        writer = nil  // closes the previous file
        var name = "input-\(timeNs / 1_000_000_000)-\(String(timeNs % 1_000_000_000 + 1_000_000_000).dropFirst()).pcap"
        if files.last?.hasSuffix(name) == true { name = "x" + name }
        let path = directory + "/" + name
        do {
            writer = try PcapWriter(path: path)
        } catch {
            writer = nil
            return
        }
        bytesInFile = 24
        files.append(path)
        while files.count > maxFiles { unlink(files.removeFirst()) }
    }
}
