import Foundation
import WireFormats

/// A capture to replay: a pcap/pcapng file (UDP datagrams with capture
/// time and destination port) or a raw ASTERIX recording (no time, no
/// ports: each block goes to `rawPort`, timed by its first record's time of
/// day, dated 1970-01-01 so that replays stay repeatable).
enum ReplayInput {
    /// What reading delivered, for the summary.
    struct Statistics {
        var format = "pcap"
        var frames: UInt64 = 0
        var datagrams: UInt64 = 0
        var skippedFrames: UInt64 = 0
        var trailingBytes: UInt64 = 0
        /// Set when the file ended badly (not read to its end).
        var readError: String?
    }

    /// True when the file starts with a pcap or pcapng magic number.
    static func isPacketCapture(path: String) -> Bool {
        guard let file = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? file.close() }
        let head = [UInt8]((try? file.read(upToCount: 4)) ?? Data())
        guard head.count == 4 else { return false }
        let magic = UInt32(head[0]) << 24 | UInt32(head[1]) << 16 | UInt32(head[2]) << 8 | UInt32(head[3])
        return [0xA1B2_C3D4, 0xD4C3_B2A1, 0xA1B2_3C4D, 0x4D3C_B2A1, 0x0A0D_0D0A].contains(magic)
    }

    /// Calls `body(timeNs, destinationPort, payload)` for every datagram.
    static func read(
        path: String, rawPort: UInt16, _ body: (Int64, UInt16, UnsafeRawBufferPointer) -> Void
    ) throws -> Statistics {
        var stats = Statistics()
        if isPacketCapture(path: path) {
            var reader = try PcapReader(path: path)
            reader.forEach { d in body(d.timeNs, d.destination.port, d.payload) }
            stats.frames = reader.frames
            stats.datagrams = reader.datagrams
            stats.skippedFrames = reader.notUDP &+ reader.fragments &+ reader.truncated
            stats.readError = reader.readError
            return stats
        }
        stats.format = "asterix"
        let file = try AsterixFile(path: path)
        var probe = TimeOfDayProbe()
        var decoder = AsterixDecoder()
        var timeNs: Int64 = 0
        file.forEachDatagram { block in
            probe.timeOfDay128 = nil
            decoder.decode(block, into: &probe)
            if let tod = probe.timeOfDay128, let t = AsterixTime.absoluteNs(timeOfDay128: tod, referenceNs: timeNs) {
                timeNs = t
            }
            stats.frames &+= 1
            stats.datagrams &+= 1
            body(timeNs, rawPort, block)
        }
        stats.trailingBytes = UInt64(file.trailingBytes)
        return stats
    }
}

/// Finds the first time of day in a block (I048/140, I034/030, I021/071).
struct TimeOfDayProbe: AsterixSink {
    var timeOfDay128: UInt32?

    mutating func receive(_ plot: Cat048Plot, record: UnsafeRawBufferPointer) {
        if timeOfDay128 == nil, plot.present.contains(.timeOfDay) { timeOfDay128 = plot.timeOfDay128 }
    }

    mutating func receive(_ message: Cat034Message, record: UnsafeRawBufferPointer) {
        if timeOfDay128 == nil, message.present.contains(.timeOfDay) { timeOfDay128 = message.timeOfDay128 }
    }

    mutating func receive(_ report: Cat021Report, record: UnsafeRawBufferPointer) {
        if timeOfDay128 == nil, report.present.contains(.positionTime) { timeOfDay128 = report.positionTime128 }
    }
}
