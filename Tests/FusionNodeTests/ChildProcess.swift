import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What the process-driving tests (skycued, gpsfake) share: starting a
/// child with a clean signal state and its output in a file, clocks for
/// deadlines, and a free loopback port.
enum ChildProcess {
    /// Spawns `argv[0]` with `argv`, stdin from /dev/null, stdout and stderr
    /// into `outputPath`. Test threads (dispatch workers) block SIGTERM and
    /// friends, and a child inherits that mask: it would then ignore our
    /// stop. The child starts with nothing blocked and the default actions
    /// for the terminating signals. With `ownGroup` the child leads a new
    /// process group (group id = its pid), so `kill(-pid)` also reaches
    /// what it starts. Returns the pid, or nil if spawning failed.
    static func spawn(
        _ argv: [String], outputPath: String, environment: [String: String]? = nil, ownGroup: Bool = false
    ) -> pid_t? {
        guard let executable = argv.first else { return nil }
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        posix_spawnattr_init(&attributes)
        posix_spawn_file_actions_init(&actions)
        defer {
            posix_spawnattr_destroy(&attributes)
            posix_spawn_file_actions_destroy(&actions)
        }
        var empty = sigset_t()
        var defaults = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if ownGroup {
            flags |= POSIX_SPAWN_SETPGROUP
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var child: pid_t = 0
        let status: Int32
        if let environment {
            var cEnvironment: [UnsafeMutablePointer<CChar>?] =
                environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { cEnvironment.forEach { free($0) } }
            status = posix_spawn(&child, executable, &actions, &attributes, &cArguments, &cEnvironment)
        } else {
            status = posix_spawn(&child, executable, &actions, &attributes, &cArguments, environ)
        }
        return status == 0 ? child : nil
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

    /// A socket of `type` bound to 127.0.0.1 on a port the kernel chose
    /// (listening with `backlog` when given), and that port; nil on failure
    /// (nothing left open).
    static func boundLoopbackSocket(_ type: __socket_type, listenBacklog backlog: Int32? = nil)
        -> (fd: Int32, port: UInt16)?
    {
        let fd = socket(AF_INET, Int32(type.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && (backlog.map { listen(fd, $0) == 0 } ?? true)
                    && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            return nil
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    /// A loopback port of `type` (TCP unless told) that was free a moment
    /// ago: bind port 0, read the port the kernel chose, close.
    static func freeLoopbackPort(_ type: __socket_type = SOCK_STREAM) -> UInt16? {
        guard let (fd, port) = boundLoopbackSocket(type) else { return nil }
        close(fd)
        return port
    }
}
