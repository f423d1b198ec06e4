/// Writes ADS-B target reports as CAT021 records, edition 2.1 UAP (ICD 1.2;
/// editions 2.1-2.6 share it, Wireshark 4.0 reads 2.6): I021/010, /040,
/// /071, /073, /130 or /131, /080, /140, /145, /160, /170, /020 (see
/// `Cat021Target` for which are optional).
///
/// Values are rounded to the item's LSB and clamped to its range (the track
/// angle wraps). Appends to a caller-owned array without allocating once
/// its capacity is reserved.
public struct Cat021Encoder: Sendable {
    /// I021/010 data source: the ground station's SAC/SIC.
    public var sac: UInt8
    public var sic: UInt8

    public init(sac: UInt8, sic: UInt8) {
        self.sac = sac
        self.sic = sic
    }

    /// Appends one data block holding `targets`.
    public func appendBlock(_ targets: some Collection<Cat021Target>, to out: inout [UInt8]) {
        let start = AsterixFieldWriter.beginBlock(category: 21, &out)
        for t in targets { appendRecord(t, to: &out) }
        AsterixFieldWriter.finishBlock(start: start, &out)
    }

    /// Appends one data block holding the single report `t`.
    public func appendBlock(_ t: Cat021Target, to out: inout [UInt8]) {
        let start = AsterixFieldWriter.beginBlock(category: 21, &out)
        appendRecord(t, to: &out)
        AsterixFieldWriter.finishBlock(start: start, &out)
    }

    /// Appends one record (FSPEC and items, in UAP order) to `out`.
    public func appendRecord(_ t: Cat021Target, to out: inout [UInt8]) {
        typealias W = AsterixFieldWriter
        // FRN bits: 1 010, 2 040, 5 071, 6 130 | 7 131, 11 080, 12 073,
        // 16 140, 21 145, 26 160, 29 170, 30 020.
        var mask: UInt64 = 1 << 0 | 1 << 1 | 1 << 4 | 1 << 10 | 1 << 11
        mask |= t.highResolution ? 1 << 6 : 1 << 5
        if t.geometricHeightM != nil { mask |= 1 << 15 }
        if t.flightLevel != nil { mask |= 1 << 20 }
        if t.groundSpeedMps != nil, t.trackDeg != nil { mask |= 1 << 25 }
        if t.callsign != nil { mask |= 1 << 28 }
        if t.emitterCategory != nil { mask |= 1 << 29 }
        W.fieldSpec(mask: mask).write(to: &out)
        out.append(sac)  // 010
        out.append(sic)
        // 040: ATP 1 (24-bit ICAO address), ARC 0 (25 ft), RC 0, RAB 0; the
        // first extension (DCR GBS SIM TST SAA CL) only to carry SIM.
        if t.simulated {
            out.append(0x21)
            out.append(0x20)
        } else {
            out.append(0x20)
        }
        W.put(UInt64(AsterixTime.timeOfDay128(ofNs: t.timeNs)), 3, &out)  // 071
        if t.highResolution {  // 131: 180/2^30 deg, 32-bit signed
            W.put(W.signed(t.latitudeDeg / 180 * 1_073_741_824, bits: 32), 4, &out)
            W.put(W.signed(t.longitudeDeg / 180 * 1_073_741_824, bits: 32), 4, &out)
        } else {  // 130: 180/2^23 deg, 24-bit signed
            W.put(W.signed(t.latitudeDeg / 180 * 8_388_608, bits: 24), 3, &out)
            W.put(W.signed(t.longitudeDeg / 180 * 8_388_608, bits: 24), 3, &out)
        }
        W.put(UInt64(t.address & 0xFF_FFFF), 3, &out)  // 080
        W.put(UInt64(AsterixTime.timeOfDay128(ofNs: t.receptionNs)), 3, &out)  // 073
        if let h = t.geometricHeightM {  // 140: 6.25 ft
            W.put(W.signed(h / Cat048Encoder.metresPerFoot / 6.25, bits: 16), 2, &out)
        }
        if let fl = t.flightLevel {  // 145: 1/4 FL, -15 ... 1500 FL by the spec
            W.put(W.signed(min(max(fl, -15), 1500) * 4, bits: 16), 2, &out)
        }
        if let gs = t.groundSpeedMps, let track = t.trackDeg {  // 160: RE, 15-bit 2^-14 NM/s; 360/2^16 deg
            let raw = gs / Cat048Encoder.metresPerNM * 16_384
            let exceeded: UInt64 = raw > 32_767.5 ? 0x8000 : 0
            W.put(exceeded | W.unsigned(raw, bits: 15), 2, &out)
            W.put(W.turn(track, bits: 16), 2, &out)
        }
        if let c = t.callsign { W.put(c.sixBitField, 6, &out) }  // 170
        if let e = t.emitterCategory { out.append(e) }  // 020
    }
}
