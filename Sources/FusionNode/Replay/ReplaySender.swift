import Foundation

/// The replay tool's network mode (`skycue-replay CAPTURE --send HOST`):
/// sends every UDP datagram of a capture to HOST at its original
/// destination port (plus `portOffset`), paced by capture time at `speed`
/// times real time, or as fast as the socket takes them (`speed` nil), so
/// that a running node receives the capture as if live. Pacing sleeps
/// until each datagram's due time on CLOCK_MONOTONIC, never drifts: the
/// due time is computed from the first datagram, not from the previous one.
struct ReplaySender {
    var host: String
    var speed: Double?
    var portOffset: Int
    /// Destination port of a raw ASTERIX recording's blocks.
    var rawPort: UInt16

    struct Statistics {
        var sent: UInt64 = 0
        var failed: UInt64 = 0
        /// Datagrams whose port plus offset is not a valid port.
        var skipped: UInt64 = 0
        var input = ReplayInput.Statistics()
    }

    /// Sends the capture; throws when the host does not resolve, the socket
    /// cannot be made, or the capture cannot be read.
    func send(capturePath: String) throws -> Statistics {
        var stats = Statistics()
        let socket = try OutputSocket()
        var cache: [UInt16: ResolvedEndpoint] = [:]
        var firstCaptureNs: Int64?
        let startNs = Clock.monotonicNs()
        stats.input = try ReplayInput.read(path: capturePath, rawPort: rawPort) { timeNs, port, payload in
            let target = Int(port) + portOffset
            guard target >= 1, target <= 65_535 else {
                stats.skipped &+= 1
                return
            }
            if let speed {
                let first = firstCaptureNs ?? timeNs
                firstCaptureNs = first
                let dueNs = startNs + Int64((Double(timeNs - first) / speed).rounded())
                Self.sleep(untilMonotonicNs: dueNs)
            }
            let p = UInt16(target)
            if cache[p] == nil {
                guard let resolved = try? ResolvedEndpoint(NetworkEndpoint(host: host, port: p)) else {
                    stats.failed &+= 1
                    return
                }
                socket.prepare(for: resolved)
                cache[p] = resolved
            }
            // A full socket buffer at full speed: wait for room rather than drop.
            var attempts = 0
            while !socket.send(payload, to: &cache[p]!), attempts < 1_000 {
                attempts += 1
                usleep(100)
            }
            if attempts >= 1_000 { stats.failed &+= 1 } else { stats.sent &+= 1 }
        }
        return stats
    }

    static func sleep(untilMonotonicNs dueNs: Int64) {
        let remaining = dueNs - Clock.monotonicNs()
        guard remaining > 0 else { return }
        var t = timespec(tv_sec: Int(dueNs / 1_000_000_000), tv_nsec: Int(dueNs % 1_000_000_000))
        // Absolute: an interrupted sleep resumes to the same due time.
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, nil) == EINTR {}
    }
}
