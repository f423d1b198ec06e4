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

    /// A loopback TCP port that was free a moment ago: bind port 0, read
    /// the port the kernel chose, close.
    static func freeLoopbackPort() -> UInt16? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        return bound ? UInt16(bigEndian: address.sin_port) : nil
    }

    /// Starts `gpsfake <arguments> -P port log` with stdin from /dev/null
    /// and its output in `outputPath`. Returns nil if spawning failed.
    init?(executable: String, port: UInt16, arguments: [String], log: String, outputPath: String) {
        let argv = [executable] + arguments + ["-P", String(port), log]
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        posix_spawnattr_init(&attributes)
        posix_spawn_file_actions_init(&actions)
        defer {
            posix_spawnattr_destroy(&attributes)
            posix_spawn_file_actions_destroy(&actions)
        }
        // Group id = the child's pid: kill(-pid) then reaches gpsd too.
        // Test threads (dispatch workers) block SIGTERM and friends, and a
        // child inherits that mask: gpsd would then ignore gpsfake's
        // terminate() and gpsfake would wait on it for ever. Unblock all
        // and restore the default actions in the child.
        var empty = sigset_t()
        var defaults = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, &cArguments, environ)
        guard status == 0 else { return nil }
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
            let deadline = Self.monotonicNs() + 3_000_000_000
            while isRunning, Self.monotonicNs() < deadline {
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
        let deadline = Self.monotonicNs() + 2_000_000_000
        while kill(-pid, 0) == 0, Self.monotonicNs() < deadline {
            usleep(10_000)
        }
        unlink(outputPath)
    }

    /// CLOCK_MONOTONIC in ns: for test deadlines.
    static func monotonicNs() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// CLOCK_REALTIME in ns since the Unix epoch: the node's clock in the tests.
    static func realtimeNs() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
