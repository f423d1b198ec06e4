#if canImport(Glibc)
import Glibc
#endif

/// A stand-in for gpsd inside the test process, on a loopback port: it
/// accepts one client and writes exactly the JSON lines a test gives it, so
/// that timing cases (a silent gpsd, a cut in mid-line, a backlog) can be
/// driven with a hand-made clock. Every wait is bounded by `poll(2)`.
final class FakeGpsdServer {
    let port: UInt16
    private let listener: Int32
    private var client: Int32 = -1

    init?() {
        guard let (fd, port) = ChildProcess.boundLoopbackSocket(SOCK_STREAM, listenBacklog: 4) else { return nil }
        listener = fd
        self.port = port
    }

    deinit {
        closeClient()
        close(listener)
    }

    /// Accepts the client (its connect has already completed in the
    /// kernel's backlog) and returns the first command it sent, within 1 s.
    func acceptClient() -> String? {
        guard Self.waitReadable(listener) else { return nil }
        client = accept(listener, nil, nil)
        guard client >= 0, Self.waitReadable(client) else { return nil }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = recv(client, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Writes `text` as is (lines need their own "\n").
    func send(_ text: String) {
        var bytes = Array(text.utf8)
        _ = Glibc.send(client, &bytes, bytes.count, Int32(MSG_NOSIGNAL))
    }

    /// Closes the accepted connection, as a dying gpsd would.
    func closeClient() {
        if client >= 0 { close(client) }
        client = -1
    }

    /// A TPV line as gpsd 3.22 writes it.
    static func tpv(mode: Int, lat: Double, lon: Double, extra: String = "") -> String {
        "{\"class\":\"TPV\",\"device\":\"/dev/fake\",\"mode\":\(mode),\"lat\":\(lat),\"lon\":\(lon)\(extra)}\n"
    }

    private static func waitReadable(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 1_000) == 1
    }
}
