/// Writes monoradar plots as CAT048 records (ICD 1.1), edition 1.2x UAP
/// (1.21-1.31 share it; Wireshark 4.0 reads 1.31): I048/010, /140, /020,
/// /040, /070, /090, /130 (PAM), /220, /161, /110, /120 (CAL), the optional
/// ones when the detection carries them (see `Cat048Detection`).
///
/// Values are rounded to the item's LSB and clamped to its range, never
/// wrapped (azimuth, an angle, wraps). Appends to a caller-owned array: with
/// its capacity reserved once, encoding does not allocate.
public struct Cat048Encoder: Sendable {
    /// I048/010 data source: the radar's SAC/SIC.
    public var sac: UInt8
    public var sic: UInt8

    public init(sac: UInt8, sic: UInt8) {
        self.sac = sac
        self.sic = sic
    }

    /// Metres per nautical mile (international NM) and per foot.
    public static let metresPerNM = 1852.0
    public static let metresPerFoot = 0.3048

    /// Appends one data block (`CAT LEN records`) holding `detections`. LEN
    /// is 16 bits: at most ~30 octets per record, keep blocks under 2 000 records.
    public func appendBlock(_ detections: some Collection<Cat048Detection>, to out: inout [UInt8]) {
        let start = AsterixFieldWriter.beginBlock(category: 48, &out)
        for d in detections { appendRecord(d, to: &out) }
        AsterixFieldWriter.finishBlock(start: start, &out)
    }

    /// Appends one record (FSPEC and items, in UAP order) to `out`.
    public func appendRecord(_ d: Cat048Detection, to out: inout [UInt8]) {
        typealias W = AsterixFieldWriter
        // FRN bits: 1 010, 2 140, 3 020, 4 040, 5 070, 6 090, 7 130, 8 220,
        // 11 161, 19 110, 20 120.
        var mask: UInt64 = 0b1111
        if d.mode3A != nil { mask |= 1 << 4 }
        if d.flightLevel != nil { mask |= 1 << 5 }
        if d.amplitudeDbm != nil { mask |= 1 << 6 }
        if d.address != nil { mask |= 1 << 7 }
        if d.trackNumber != nil { mask |= 1 << 10 }
        if d.heightM != nil { mask |= 1 << 18 }
        if d.rangeRateMps != nil { mask |= 1 << 19 }
        W.fieldSpec(mask: mask).write(to: &out)
        out.append(sac)  // 010
        out.append(sic)
        W.put(UInt64(AsterixTime.timeOfDay128(ofNs: d.timeNs)), 3, &out)  // 140
        // 020: TYP (3 bits), SIM, RDP 0, SPI 0, RAB 0, FX 0.
        out.append(d.typ << 5 | (d.simulated ? 0x10 : 0))
        W.put(W.unsigned(d.rangeM / Self.metresPerNM * 256, bits: 16), 2, &out)  // 040 RHO
        W.put(W.turn(d.azimuthDeg, bits: 16), 2, &out)  // 040 THETA
        if let code = d.mode3A {  // 070: V G L = 0, spare, 12-bit octal code
            W.put(UInt64(Self.octalBits(code)), 2, &out)
        }
        if let fl = d.flightLevel {  // 090: V G = 0, 14-bit signed 1/4 FL
            W.put(W.signed(fl * 4, bits: 14), 2, &out)
        }
        if let pam = d.amplitudeDbm {  // 130: primary subfield with PAM (5th) only
            out.append(0x08)
            out.append(UInt8(truncatingIfNeeded: W.signed(pam, bits: 8)))
        }
        if let a = d.address { W.put(UInt64(a & 0xFF_FFFF), 3, &out) }  // 220
        if let n = d.trackNumber { W.put(UInt64(n & 0x0FFF), 2, &out) }  // 161
        if let h = d.heightM {  // 110: 2 spare bits, 14-bit signed, 25 ft
            W.put(W.signed(h / Self.metresPerFoot / 25, bits: 14), 2, &out)
        }
        if let rr = d.rangeRateMps {  // 120: primary subfield CAL; D, 5 spare, 10-bit signed m/s
            out.append(0x80)
            W.put((d.rangeRateDoubtful ? 0x8000 : 0) | W.signed(rr, bits: 10), 2, &out)
        }
    }

    /// Four octal digits given as a decimal number (7000) to the 12-bit code.
    static func octalBits(_ code: UInt16) -> UInt16 {
        var bits: UInt16 = 0
        var rest = code
        for k in 0..<4 {
            bits |= min(rest % 10, 7) << UInt16(3 * k)
            rest /= 10
        }
        return bits
    }
}
