extension Cat048Plot {
    /// Fills the field of one item (FRN per the CAT048 UAP) from its bytes,
    /// which the caller already delimited by the item's length rule. Items
    /// the node does not use are ignored. Returns `.badItemValue` when the
    /// item is present but unusable (the field stays absent).
    public mutating func apply(frn: Int, item: UnsafeRawBufferPointer) -> AsterixRejection? {
        var r = ByteReader(item)
        switch frn {
        case 1:
            guard let a = r.readUInt8(), let b = r.readUInt8() else { return .truncated }
            sac = a
            sic = b
            present.insert(.dataSource)
        case 2:
            guard let t = r.readUInt24() else { return .truncated }
            // ToD resets at midnight: 24 h or more is not a time of day.
            guard t < 86_400 * 128 else { return .badItemValue }
            timeOfDay128 = t
            present.insert(.timeOfDay)
        case 3:
            guard let b = r.readUInt8() else { return .truncated }
            typ = b >> 5
            sim = b & 0x10 != 0
            rdp = b & 0x08 != 0
            spi = b & 0x04 != 0
            rab = b & 0x02 != 0
            descriptorExtension1 = r.readUInt8() ?? 0
            descriptorExtension2 = r.readUInt8() ?? 0
            present.insert(.descriptor)
        case 4:
            guard let rho = r.readUInt16(), let theta = r.readUInt16() else { return .truncated }
            rho256 = rho
            theta16 = theta
            present.insert(.polarPosition)
        case 5:
            guard let v = r.readUInt16() else { return .truncated }
            mode3AFlags = UInt8(v >> 13)
            mode3A = v & 0x0FFF
            present.insert(.mode3A)
        case 6:
            guard let v = r.readUInt16() else { return .truncated }
            flightLevelFlags = UInt8(v >> 14)
            flightLevelQuarter = Int16(signExtend(UInt64(v & 0x3FFF), bits: 14))
            present.insert(.flightLevel)
        case 7:
            decodePlotCharacteristics(&r)
        case 8:
            guard let a = r.readUInt24() else { return .truncated }
            address = a
            present.insert(.address)
        case 9:
            guard let f = r.readBigEndian(6) else { return .truncated }
            callsign = AsterixCallsign(sixBit: f)
            present.insert(.callsign)
        case 11:
            guard let v = r.readUInt16() else { return .truncated }
            trackNumber = v & 0x0FFF
            present.insert(.trackNumber)
        case 13:
            guard let s = r.readUInt16(), let h = r.readUInt16() else { return .truncated }
            groundSpeed14 = s
            heading16 = h
            present.insert(.velocity)
        case 14:
            guard let b = r.readUInt8() else { return .truncated }
            trackStatus1 = b
            trackStatus2 = r.readUInt8() ?? 0
            present.insert(.trackStatus)
        case 19:
            guard let v = r.readUInt16() else { return .truncated }
            height25ft = Int16(signExtend(UInt64(v & 0x3FFF), bits: 14))
            present.insert(.height)
        case 20:
            decodeDoppler(&r)
        default:
            break
        }
        return nil
    }

    /// I048/130: a compound of seven one-octet subfields; only PAM (the 5th) is kept.
    private mutating func decodePlotCharacteristics(_ r: inout ByteReader) {
        var spec = FieldSpec()
        guard spec.read(from: &r, maxOctets: 1) == nil else { return }
        present.insert(.plotCharacteristics)
        var i = -1
        while let k = spec.next(after: i) {
            i = k
            guard let b = r.readUInt8() else { return }
            if k == 4 {
                amplitudeDbm = Int8(bitPattern: b)
                present.insert(.amplitude)
            }
        }
    }

    /// I048/120: compound; CAL = D bit, 5 spare bits, 10-bit signed speed in m/s.
    private mutating func decodeDoppler(_ r: inout ByteReader) {
        var spec = FieldSpec()
        guard spec.read(from: &r, maxOctets: 1) == nil, spec.has(1), let v = r.readUInt16() else { return }
        dopplerDoubtful = v & 0x8000 != 0
        dopplerMps = Int16(signExtend(UInt64(v & 0x03FF), bits: 10))
        present.insert(.doppler)
    }
}
