import FusionCore

/// Reads CAT062 records back into `Cat062Track` values: the inverse of
/// `Cat062Encoder`, for round-trip tests and tools (the node does not take
/// CAT062 as input). Items it does not write are skipped by their rules
/// where the UAP table knows them.
public enum Cat062Decoder {
    /// Decodes every CAT062 block of `datagram`; other categories and bad
    /// records are counted in `rejections`. Times are made absolute nearest
    /// `referenceNs`. Returns the number of tracks delivered.
    @discardableResult
    public static func decode(
        _ datagram: UnsafeRawBufferPointer, referenceNs: Int64,
        rejections: inout AsterixRejectionCounts, body: (Cat062Track) -> Void
    ) -> Int {
        var delivered = 0
        var r = ByteReader(datagram)
        blocks: while !r.isAtEnd {
            let category = r.readUInt8() ?? 0
            guard let length = r.readUInt16(), length >= 3, let block = r.readBytes(Int(length) - 3) else {
                rejections[.badLength] &+= 1
                return delivered
            }
            guard category == 62 else {
                rejections[.unknownCategory] &+= 1
                continue
            }
            var br = ByteReader(block)
            while !br.isAtEnd {
                switch AsterixDecoder.record(Cat062Record.self, from: &br) {
                case .failure(let reason):
                    rejections[reason] &+= 1
                    continue blocks
                case .success(let (record, _)):
                    guard let track = record.track(referenceNs: referenceNs) else {
                        rejections[.missingMandatoryItem] &+= 1
                        continue
                    }
                    body(track)
                    delivered += 1
                }
            }
        }
        return delivered
    }

    /// Convenience for arrays.
    @discardableResult
    public static func decode(
        _ datagram: [UInt8], referenceNs: Int64, rejections: inout AsterixRejectionCounts,
        body: (Cat062Track) -> Void
    ) -> Int {
        datagram.withUnsafeBytes { decode($0, referenceNs: referenceNs, rejections: &rejections, body: body) }
    }
}

/// The raw items of one CAT062 record, as transmitted.
public struct Cat062Record: AsterixRecord {
    public static var category: UInt8 { 62 }
    public static var maxFspecOctets: Int { 5 }
    public static func rule(_ frn: Int) -> AsterixItemRule { AsterixUAP.cat062(frn) }

    public var sac: UInt8 = 0
    public var sic: UInt8 = 0
    public var hasDataSource = false
    public var timeOfDay128: UInt32?
    public var latitude25: Int32 = 0
    public var longitude25: Int32 = 0
    public var x2: Int32 = 0
    public var y2: Int32 = 0
    public var vx4: Int16 = 0
    public var vy4: Int16 = 0
    public var trackNumber: UInt16?
    public var status: Cat062Track.Status = []
    public var altitude: Int16 = 0
    public var sigmaX2: UInt16 = 0
    public var sigmaY2: UInt16 = 0
    public var sigmaAlt: UInt8 = 0
    public var sigmaVx4: UInt8 = 0
    public var targetClass: UInt8 = 0

    public init() {}

    public mutating func apply(frn: Int, item: UnsafeRawBufferPointer) -> AsterixRejection? {
        var r = ByteReader(item)
        switch frn {
        case 1:
            guard let a = r.readUInt8(), let b = r.readUInt8() else { return .truncated }
            (sac, sic, hasDataSource) = (a, b, true)
        case 4: timeOfDay128 = r.readUInt24()
        case 5:
            latitude25 = Int32(bitPattern: r.readUInt32() ?? 0)
            longitude25 = Int32(bitPattern: r.readUInt32() ?? 0)
        case 6:
            x2 = Int32(signExtend(UInt64(r.readUInt24() ?? 0), bits: 24))
            y2 = Int32(signExtend(UInt64(r.readUInt24() ?? 0), bits: 24))
        case 7:
            vx4 = Int16(bitPattern: r.readUInt16() ?? 0)
            vy4 = Int16(bitPattern: r.readUInt16() ?? 0)
        case 12: trackNumber = r.readUInt16()
        case 13:
            let o1 = r.readUInt8() ?? 0, o2 = r.readUInt8() ?? 0, _ = r.readUInt8(), o4 = r.readUInt8() ?? 0
            if o1 & 0x02 != 0 { status.insert(.tentative) }
            if o2 & 0x80 != 0 { status.insert(.simulated) }
            if o2 & 0x40 != 0 { status.insert(.last) }
            if o2 & 0x20 != 0 { status.insert(.first) }
            if o4 & 0x80 != 0 { status.insert(.coasting) }
        case 18: altitude = Int16(bitPattern: r.readUInt16() ?? 0)
        case 27:
            var spec = FieldSpec()
            guard spec.read(from: &r, maxOctets: 2) == nil else { return .badItemValue }
            var i = -1
            while let k = spec.next(after: i) {
                i = k
                switch k {
                case 0: (sigmaX2, sigmaY2) = (r.readUInt16() ?? 0, r.readUInt16() ?? 0)
                case 3: sigmaAlt = r.readUInt8() ?? 0
                case 5: (sigmaVx4, _) = (r.readUInt8() ?? 0, r.readUInt8())
                default: _ = AsterixCompound.cat062I500.subfield(k).take(from: &r)
                }
            }
        case 35:
            if item.count >= 2 { targetClass = item[1] }
        default: break
        }
        return nil
    }

    /// The track, when time of day and track number were present.
    public func track(referenceNs: Int64) -> Cat062Track? {
        guard hasDataSource, let tod = timeOfDay128, let number = trackNumber,
            let t = AsterixTime.absoluteNs(timeOfDay128: tod, referenceNs: referenceNs)
        else { return nil }
        return Cat062Track(
            trackNumber: number, timeNs: t,
            latitudeDeg: Double(latitude25) * Cat062Scale.wgs84Deg,
            longitudeDeg: Double(longitude25) * Cat062Scale.wgs84Deg,
            xM: Double(x2) * Cat062Scale.cartesianM, yM: Double(y2) * Cat062Scale.cartesianM,
            altitudeM: Double(altitude) * Cat062Scale.altitudeM,
            veMps: Double(vx4) * Cat062Scale.velocityMps, vnMps: Double(vy4) * Cat062Scale.velocityMps,
            sigmaXM: Double(sigmaX2) * Cat062Scale.accuracyM, sigmaYM: Double(sigmaY2) * Cat062Scale.accuracyM,
            sigmaAltM: Double(sigmaAlt) * Cat062Scale.altitudeM,
            sigmaVelMps: Double(sigmaVx4) * Cat062Scale.velocityMps,
            status: status, targetClass: TargetClass(rawValue: targetClass) ?? .unknown)
    }
}
