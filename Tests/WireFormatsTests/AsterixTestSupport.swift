import WireFormats

/// `v` as `n` big-endian bytes.
func be(_ v: UInt64, _ n: Int) -> [UInt8] {
    (0..<n).map { UInt8(truncatingIfNeeded: v >> UInt64(8 * (n - 1 - $0))) }
}

/// A data block `CAT LEN body`.
func block(_ category: UInt8, _ body: [UInt8]) -> [UInt8] {
    [category] + be(UInt64(body.count + 3), 2) + body
}

/// Collects what the decoder delivers (tests only).
struct Collected: AsterixSink {
    var plots: [Cat048Plot] = []
    var messages: [Cat034Message] = []
    var reports: [Cat021Report] = []
    var order: [UInt8] = []
    var rejected: [AsterixRejection] = []
    mutating func receive(_ plot: Cat048Plot, record: UnsafeRawBufferPointer) { plots.append(plot); order.append(48) }
    mutating func receive(_ message: Cat034Message, record: UnsafeRawBufferPointer) {
        messages.append(message)
        order.append(34)
    }
    mutating func receive(_ report: Cat021Report, record: UnsafeRawBufferPointer) { reports.append(report); order.append(21) }
    mutating func reject(_ reason: AsterixRejection, category: UInt8) { rejected.append(reason) }
}

func decode(_ datagram: [UInt8]) -> (Collected, AsterixDecoder) {
    var decoder = AsterixDecoder()
    var sink = Collected()
    decoder.decode(datagram, into: &sink)
    return (sink, decoder)
}

enum Vectors {
    /// A CAT048 record exercising every length rule: FRNs 1 2 3 4 7 9 11 19 20 27 28
    /// (extended 020, compound 130 with PAM, compound 120 with CAL, SP and RE explicit).
    static let cat048Record: [UInt8] =
        [0xF3, 0x51, 0x0D, 0x06]
        + [0x19, 0x0C]  // 010
        + be(1000 * 128, 3)  // 140: 1000 s
        + [0xA1, 0x40]  // 020: TYP 5, FX; ERR
        + be(0x1000, 2) + be(0x4000, 2)  // 040: 16 NM, 90 deg
        + [0x88, 0x05, 0xF6]  // 130: SRL, PAM -10 dBm
        + be(AsterixCallsign("SKY1").sixBitField, 6)  // 240
        + be(0x0ABC, 2)  // 161
        + be(0x3FD8, 2)  // 110: -40 x 25 ft
        + [0x80] + be(0x83FB, 2)  // 120: CAL D=1, -5 m/s
        + [0x03, 0xAA, 0xBB]  // SP
        + [0x02, 0xCC]  // RE

    /// A CAT034 north marker with I034/120.
    static let cat034Record: [UInt8] =
        [0xF9, 0x10]  // FRN 1 2 3 4 5, FX; FRN 11
        + [0x19, 0x0C, 0x01] + be(1001 * 128, 3) + [0x40] + be(633, 2)
        + be(780, 2) + be(UInt64(bitPattern: Int64(43.571026 / 180 * 8_388_608)) & 0xFF_FFFF, 3)
        + be(UInt64(bitPattern: Int64(-16.406064 / 180 * 8_388_608)) & 0xFF_FFFF, 3)

    /// A CAT021 report: FRN 1 (010), 2 (040, 2 octets, SIM), 6 (130), 11 (080),
    /// 16 (140), 21 (145), 26 (160), 29 (170), 30 (020).
    static let cat021Record: [UInt8] =
        [0xC5, 0x11, 0x43, 0x09, 0xC0]
        + [0x00, 0x01] + [0x01, 0x20]
        + be(0x20_0000, 3) + be(0xF0_0000, 3)  // 45 deg, -22.5 deg
        + [0xAB, 0xCD, 0xEF]
        + be(0xFFF8, 2)  // -8 x 6.25 ft
        + be(1400, 2)  // FL 350
        + be(0x0800, 2) + be(0x8000, 2)  // 0.125 NM/s, 180 deg
        + be(AsterixCallsign("DRONE1").sixBitField, 6)
        + [13]
}
