import CLinux
import Glibc

/// The recording's append-only cue log, `cues.jsonl` in the recording
/// directory: each cue line as the replay tool writes it, appended and made
/// durable with fflush + fsync once per wake-up of the loop that produced
/// cues (`sync`, after they are sent), so that a power cut loses at most
/// the cues of the wake-up in progress.
final class CueLog {
    private let file: UnsafeMutablePointer<FILE>
    let path: String
    private var dirty = false
    private(set) var lines: UInt64 = 0
    private(set) var failures: UInt64 = 0

    init(directory: String) throws(DaemonError) {
        path = directory + "/cues.jsonl"
        guard let f = fopen(path, "ab") else { throw .system("fopen \(path)", errno) }
        file = f
    }

    deinit {
        sync()
        fclose(file)
    }

    func append(_ line: UnsafeRawBufferPointer) {
        guard let base = line.baseAddress, line.count > 0 else { return }
        if fwrite(base, 1, line.count, file) != line.count { failures &+= 1 }
        lines &+= 1
        dirty = true
    }

    /// Flushes and fsyncs what was appended since the last call.
    func sync() {
        guard dirty else { return }
        dirty = false
        if fflush(file) != 0 || fsync(fileno(file)) != 0 { failures &+= 1 }
    }
}
