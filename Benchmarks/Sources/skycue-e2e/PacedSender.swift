import Foundation
import BenchSimulation

/// Sends one datagram per slot at exactly `rate` slots a second (absolute
/// CLOCK_REALTIME deadlines, so no drift): the capture's next datagram
/// when its capture time has come (to its port + `portOffset`), otherwise
/// a filler, a 6-byte ASTERIX block of unassigned category 250 to the
/// first radar port, which the node receives, counts as rejected and
/// ticks for like any datagram. Records each slot's send time (taken just
/// before `sendto`) and which slots carried measurements.
struct PacedSender {
    static let filler: [UInt8] = [250, 0, 6, 1, 2, 3]

    private(set) var sendNs: [Int64] = []
    /// Send times of the slots that carried measurements (CAT048 plots,
    /// CAT021 reports, SKAC reports: every capture datagram but CAT034
    /// north markers).
    private(set) var dataSendNs: [Int64] = []
    private(set) var captureSent = 0
    private(set) var lateSlots = 0

    mutating func run(capture: SimulatedCapture, startNs: Int64, rate: Int, durationS: Double, fillerPort: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var size: Int32 = 4 << 20
        setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, 4)
        let slots = Int(Double(rate) * durationS)
        sendNs.reserveCapacity(slots)
        let periodNs = 1_000_000_000 / Int64(rate)
        var next = 0
        let datagrams = capture.datagrams
        for i in 0..<slots {
            let slotNs = startNs + Int64(i) * periodNs
            if E2EClock.realtimeNs() > slotNs + periodNs { lateSlots += 1 } else { E2EClock.sleep(untilNs: slotNs) }
            var address: sockaddr_in
            let t = E2EClock.realtimeNs()
            if next < datagrams.count, datagrams[next].arrivalNs <= slotNs {
                let d = datagrams[next]
                next += 1
                address = E2ESockets.loopback(port: d.destinationPort)
                capture.bytes.withUnsafeBytes { b in
                    Self.send(fd, UnsafeRawBufferPointer(rebasing: b[d.payloadStart..<(d.payloadStart + d.payloadCount)]), &address)
                }
                captureSent += 1
                if d.stream != .radarService { dataSendNs.append(t) }
            } else {
                address = E2ESockets.loopback(port: fillerPort)
                Self.filler.withUnsafeBytes { Self.send(fd, $0, &address) }
            }
            sendNs.append(t)
        }
    }

    private static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ address: inout sockaddr_in) {
        _ = withUnsafePointer(to: &address) { a in
            a.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(fd, bytes.baseAddress, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }
}
