/// Writes system tracks as CAT062 records (ICD 2.1), edition 1.18 UAP:
/// I062/010, /015, /070, /105, /100, /185, /040, /080, /130, /500 (APC,
/// AGA, ATV) and SP (the track's class). Values beyond an item's range are
/// clamped to it, never wrapped.
///
/// Appends to a caller-owned byte array: with its capacity reserved once,
/// encoding does not allocate.
public struct Cat062Encoder: Sendable {
    /// I062/010 data source of the node, and I062/015 service identification.
    public var sac: UInt8
    public var sic: UInt8
    public var serviceId: UInt8

    public init(sac: UInt8, sic: UInt8, serviceId: UInt8 = 1) {
        self.sac = sac
        self.sic = sic
        self.serviceId = serviceId
    }

    /// FRNs written, in UAP order.
    static let frns = FieldSpec(frns: [1, 3, 4, 5, 6, 7, 12, 13, 18, 27, 35])

    /// Appends one data block (`CAT LEN records`) holding `tracks` to `out`.
    /// LEN is 16 bits: blocks larger than 65 535 octets are split by the caller
    /// (at ~60 octets per record, over 1 000 tracks).
    public func appendBlock(_ tracks: some Collection<Cat062Track>, to out: inout [UInt8]) {
        let start = out.count
        out.append(62)
        out.append(0)
        out.append(0)
        for t in tracks { appendRecord(t, to: &out) }
        let length = min(out.count - start, 65_535)
        out[start + 1] = UInt8(length >> 8)
        out[start + 2] = UInt8(length & 0xFF)
    }

    /// Appends one record (FSPEC and items) to `out`.
    public func appendRecord(_ t: Cat062Track, to out: inout [UInt8]) {
        Self.frns.write(to: &out)
        out.append(sac)  // 010
        out.append(sic)
        out.append(serviceId)  // 015
        put(UInt64(AsterixTime.timeOfDay128(ofNs: t.timeNs)), 3, &out)  // 070
        put(signed(t.latitudeDeg / Cat062Scale.wgs84Deg, bits: 32), 4, &out)  // 105
        put(signed(t.longitudeDeg / Cat062Scale.wgs84Deg, bits: 32), 4, &out)
        put(signed(t.xM / Cat062Scale.cartesianM, bits: 24), 3, &out)  // 100
        put(signed(t.yM / Cat062Scale.cartesianM, bits: 24), 3, &out)
        put(signed(t.veMps / Cat062Scale.velocityMps, bits: 16), 2, &out)  // 185
        put(signed(t.vnMps / Cat062Scale.velocityMps, bits: 16), 2, &out)
        put(UInt64(t.trackNumber), 2, &out)  // 040
        appendStatus(t.status, to: &out)  // 080
        put(signed(t.altitudeM / Cat062Scale.altitudeM, bits: 16), 2, &out)  // 130
        // 500: primary subfield APC (bit 8), AGA (bit 5), ATV (bit 3).
        out.append(0b1001_0100)
        put(unsigned(t.sigmaXM / Cat062Scale.accuracyM, bits: 16), 2, &out)
        put(unsigned(t.sigmaYM / Cat062Scale.accuracyM, bits: 16), 2, &out)
        put(unsigned(t.sigmaAltM / Cat062Scale.altitudeM, bits: 8), 1, &out)
        let sv = unsigned(t.sigmaVelMps / Cat062Scale.velocityMps, bits: 8)
        put(sv, 1, &out)
        put(sv, 1, &out)
        out.append(2)  // SP: LEN (counts itself), then the class
        out.append(t.targetClass.rawValue)
    }

    /// I062/080: octet 1 (MON SPI MRH SRC CNF), 2 (SIM TSE TSB FPC AFF STP
    /// KOS), 3 (AMA MD4 ME MI MD5), 4 (CST PSR SSR MDS ADS SUC AAC): as many
    /// octets as the set flags need. MON = 0: multisensor track.
    func appendStatus(_ s: Cat062Track.Status, to out: inout [UInt8]) {
        let o1: UInt8 = s.contains(.tentative) ? 0x02 : 0
        var o2: UInt8 = 0
        if s.contains(.simulated) { o2 |= 0x80 }
        if s.contains(.last) { o2 |= 0x40 }
        if s.contains(.first) { o2 |= 0x20 }
        let o4: UInt8 = s.contains(.coasting) ? 0x80 : 0
        // Element by element: an array literal here would allocate per record.
        if o4 != 0 {
            out.append(o1 | 1)
            out.append(o2 | 1)
            out.append(0x01)
            out.append(o4)
        } else if o2 != 0 {
            out.append(o1 | 1)
            out.append(o2)
        } else {
            out.append(o1)
        }
    }

    /// `value` rounded to the nearest integer, clamped to a `bits`-bit two's complement range.
    func signed(_ value: Double, bits: Int) -> UInt64 {
        let hi = Double((Int64(1) << (bits - 1)) - 1)
        let lo = -hi - 1
        let v = value.isNaN ? 0 : min(max(value.rounded(), lo), hi)
        return UInt64(bitPattern: Int64(v)) & ((1 << UInt64(bits)) - 1)
    }

    /// `value` rounded, clamped to 0...2^bits - 1.
    func unsigned(_ value: Double, bits: Int) -> UInt64 {
        let hi = Double((UInt64(1) << UInt64(bits)) - 1)
        return UInt64(value.isNaN ? 0 : min(max(value.rounded(), 0), hi))
    }

    func put(_ v: UInt64, _ n: Int, _ out: inout [UInt8]) {
        for k in stride(from: n - 1, through: 0, by: -1) { out.append(UInt8(truncatingIfNeeded: v >> UInt64(8 * k))) }
    }
}
