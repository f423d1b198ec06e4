/// Writes CAT034 service messages (north marker, sector crossing; ICD 1.1),
/// edition 1.2x UAP (Wireshark 4.0 reads 1.29): I034/010, /000, /030, and
/// /020, /041, /120 when the message carries them.
///
/// Values are rounded to the item's LSB and clamped to its range (sector,
/// an angle, wraps). Appends to a caller-owned array without allocating
/// once its capacity is reserved.
public struct Cat034Encoder: Sendable {
    /// I034/010 data source: the radar's SAC/SIC.
    public var sac: UInt8
    public var sic: UInt8

    public init(sac: UInt8, sic: UInt8) {
        self.sac = sac
        self.sic = sic
    }

    /// Appends one data block holding `messages`.
    public func appendBlock(_ messages: some Collection<Cat034Service>, to out: inout [UInt8]) {
        let start = AsterixFieldWriter.beginBlock(category: 34, &out)
        for m in messages { appendRecord(m, to: &out) }
        AsterixFieldWriter.finishBlock(start: start, &out)
    }

    /// Appends one data block holding the single message `m` (the usual
    /// north marker datagram).
    public func appendBlock(_ m: Cat034Service, to out: inout [UInt8]) {
        let start = AsterixFieldWriter.beginBlock(category: 34, &out)
        appendRecord(m, to: &out)
        AsterixFieldWriter.finishBlock(start: start, &out)
    }

    /// Appends one record (FSPEC and items, in UAP order) to `out`.
    public func appendRecord(_ m: Cat034Service, to out: inout [UInt8]) {
        typealias W = AsterixFieldWriter
        // FRN bits: 1 010, 2 000, 3 030, 4 020, 5 041, 11 120.
        var mask: UInt64 = 0b111
        if m.sectorDeg != nil { mask |= 1 << 3 }
        if m.antennaPeriodS != nil { mask |= 1 << 4 }
        if m.position != nil { mask |= 1 << 10 }
        W.fieldSpec(mask: mask).write(to: &out)
        out.append(sac)  // 010
        out.append(sic)
        out.append(m.kind.rawValue)  // 000
        W.put(UInt64(AsterixTime.timeOfDay128(ofNs: m.timeNs)), 3, &out)  // 030
        if let s = m.sectorDeg { out.append(UInt8(W.turn(s, bits: 8))) }  // 020
        if let p = m.antennaPeriodS { W.put(W.unsigned(p * 128, bits: 16), 2, &out) }  // 041
        if let p = m.position {  // 120: height (m), lat, lon (180/2^23 deg)
            W.put(W.signed(p.heightMSLM, bits: 16), 2, &out)
            W.put(W.signed(p.latitudeDeg / 180 * 8_388_608, bits: 24), 3, &out)
            W.put(W.signed(p.longitudeDeg / 180 * 8_388_608, bits: 24), 3, &out)
        }
    }
}
