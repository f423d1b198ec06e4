import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A `gpsfake` run (which starts its own gpsd) for the gpsd integration
/// tests: spawned in a process group of its own so that `stop()` can end
/// gpsfake and its gpsd together, by that group's id and nothing else.
/// `deinit` stops it too, so no test path leaves processes behind.
final class GpsfakeProcess {
    let pid: pid_t
    let port: UInt16
    /// gpsfake's and gpsd's stdout and stderr; removed by `stop()`.
    let outputPath: String
    private var reaped = false

    /// `gpsfake` on the PATH, or nil when gpsd-clients is not installed.
    static let executable: String? = {
        guard let path = getenv("PATH").map({ String(cString: $0) }) else { return nil }
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/gpsfake"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }()

    /// <package root>/../shared/data/gpsd/bt451.log, found from this file.
    static let bt451LogPath: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/gpsd/bt451.log").standardizedFileURL.path

    /// gpsfake is installed and the shared data is there.
    static var canReplayBT451: Bool {
        executable != nil && FileManager.default.fileExists(atPath: bt451LogPath)
    }

    /// Starts `gpsfake <arguments> -P port log` with stdin from /dev/null
    /// and its output in `outputPath`. Returns nil if spawning failed.
    init?(executable: String, port: UInt16, arguments: [String], log: String, outputPath: String) {
        let argv = [executable] + arguments + ["-P", String(port), log]
        guard let child = ChildProcess.spawn(argv, outputPath: outputPath, ownGroup: true) else { return nil }
        pid = child
        self.port = port
        self.outputPath = outputPath
    }

    deinit { stop() }

    /// True while gpsfake itself has not exited.
    var isRunning: Bool {
        if reaped { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { reaped = true }
        return !reaped
    }

    /// Ends gpsfake and its gpsd: SIGTERM to the group (gpsfake then stops
    /// its gpsd itself), at most 3 s of grace, then SIGKILL to whatever is
    /// left of the group, and reap gpsfake. Idempotent.
    func stop() {
        if !reaped {
            kill(-pid, SIGTERM)
            let deadline = ChildProcess.monotonicNs() + 3_000_000_000
            while isRunning, ChildProcess.monotonicNs() < deadline {
                usleep(10_000)
            }
        }
        // The group outlives gpsfake while its gpsd lives: kill by group id.
        kill(-pid, SIGKILL)
        if !reaped {
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)  // SIGKILLed: returns at once
            reaped = true
        }
        // Bounded wait for gpsd (a grandchild we cannot reap) to be gone,
        // so that the port is free for a restart.
        let deadline = ChildProcess.monotonicNs() + 2_000_000_000
        while kill(-pid, 0) == 0, ChildProcess.monotonicNs() < deadline {
            usleep(10_000)
        }
        unlink(outputPath)
    }
}
