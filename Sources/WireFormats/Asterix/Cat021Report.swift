/// One CAT021 ADS-B target report, edition 2.1 UAP, with the items of
/// ICD 1.2 in their transmitted resolution.
public struct Cat021Report: Sendable, BitwiseCopyable, Equatable {
    public struct Items: OptionSet, Sendable, BitwiseCopyable {
        public var rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public static let dataSource = Items(rawValue: 1 << 0)  // I021/010
        public static let descriptor = Items(rawValue: 1 << 1)  // I021/040
        public static let positionTime = Items(rawValue: 1 << 2)  // I021/071
        public static let position = Items(rawValue: 1 << 3)  // I021/130
        public static let positionHighRes = Items(rawValue: 1 << 4)  // I021/131
        public static let address = Items(rawValue: 1 << 5)  // I021/080
        public static let geometricHeight = Items(rawValue: 1 << 6)  // I021/140
        public static let flightLevel = Items(rawValue: 1 << 7)  // I021/145
        public static let groundVector = Items(rawValue: 1 << 8)  // I021/160
        public static let callsign = Items(rawValue: 1 << 9)  // I021/170
        public static let emitterCategory = Items(rawValue: 1 << 10)  // I021/020
    }

    public var present: Items = []
    /// I021/010 SAC/SIC.
    public var sac: UInt8 = 0
    public var sic: UInt8 = 0
    /// I021/040 first octet (ATP ARC RC RAB FX) and first extension (DCR GBS SIM TST SAA CL FX), as sent.
    public var descriptor1: UInt8 = 0
    public var descriptorExtension1: UInt8 = 0
    /// I021/071 time of applicability for position, 1/128 s.
    public var positionTime128: UInt32 = 0
    /// I021/130 latitude/longitude, 180/2^23 degrees.
    public var latitude23: Int32 = 0
    public var longitude23: Int32 = 0
    /// I021/131 latitude/longitude, 180/2^30 degrees.
    public var latitude30: Int32 = 0
    public var longitude30: Int32 = 0
    /// I021/080 24-bit ICAO address.
    public var address: UInt32 = 0
    /// I021/140 geometric height, 6.25 ft.
    public var geometricHeight: Int16 = 0
    /// I021/145 flight level, 1/4 FL.
    public var flightLevelQuarter: Int16 = 0
    /// I021/160 RE bit, ground speed 2^-14 NM/s (15 bits), track angle 360/2^16 degrees.
    public var groundSpeedRangeExceeded = false
    public var groundSpeed14: UInt16 = 0
    public var trackAngle16: UInt16 = 0
    /// I021/170 target identification.
    public var callsign = AsterixCallsign(packed: 0)
    /// I021/020 emitter category (13: unmanned aerial vehicle).
    public var emitterCategory: UInt8 = 0

    public init() {}

    /// SIM bit of I021/040's first extension: simulated target report.
    public var isSimulated: Bool { descriptorExtension1 & 0x20 != 0 }
    public var positionTimeSeconds: Double { Double(positionTime128) / 128 }
    /// Best position, degrees: I021/131 when present, else I021/130.
    public var latitudeDeg: Double {
        present.contains(.positionHighRes)
            ? Double(latitude30) * 180 / 1_073_741_824 : Double(latitude23) * 180 / 8_388_608
    }
    public var longitudeDeg: Double {
        present.contains(.positionHighRes)
            ? Double(longitude30) * 180 / 1_073_741_824 : Double(longitude23) * 180 / 8_388_608
    }
    public var geometricHeightFt: Double { Double(geometricHeight) * 6.25 }
    public var flightLevel: Double { Double(flightLevelQuarter) / 4 }
    public var groundSpeedNMps: Double { Double(groundSpeed14) / 16384 }
    public var trackAngleDeg: Double { Double(trackAngle16) * 360 / 65536 }

    /// Fills the field of one item (FRN per the CAT021 2.1 UAP) from its delimited bytes.
    public mutating func apply(frn: Int, item: UnsafeRawBufferPointer) -> AsterixRejection? {
        var r = ByteReader(item)
        switch frn {
        case 1:
            guard let a = r.readUInt8(), let b = r.readUInt8() else { return .truncated }
            sac = a
            sic = b
            present.insert(.dataSource)
        case 2:
            guard let b = r.readUInt8() else { return .truncated }
            descriptor1 = b
            descriptorExtension1 = r.readUInt8() ?? 0
            present.insert(.descriptor)
        case 5:
            guard let t = r.readUInt24() else { return .truncated }
            guard t < 86_400 * 128 else { return .badItemValue }
            positionTime128 = t
            present.insert(.positionTime)
        case 6:
            guard let la = r.readUInt24(), let lo = r.readUInt24() else { return .truncated }
            latitude23 = Int32(signExtend(UInt64(la), bits: 24))
            longitude23 = Int32(signExtend(UInt64(lo), bits: 24))
            present.insert(.position)
        case 7:
            guard let la = r.readUInt32(), let lo = r.readUInt32() else { return .truncated }
            latitude30 = Int32(bitPattern: la)
            longitude30 = Int32(bitPattern: lo)
            present.insert(.positionHighRes)
        case 11:
            guard let a = r.readUInt24() else { return .truncated }
            address = a
            present.insert(.address)
        case 16:
            guard let h = r.readUInt16() else { return .truncated }
            geometricHeight = Int16(bitPattern: h)
            present.insert(.geometricHeight)
        case 21:
            guard let f = r.readUInt16() else { return .truncated }
            flightLevelQuarter = Int16(bitPattern: f)
            present.insert(.flightLevel)
        case 26:
            guard let s = r.readUInt16(), let t = r.readUInt16() else { return .truncated }
            groundSpeedRangeExceeded = s & 0x8000 != 0
            groundSpeed14 = s & 0x7FFF
            trackAngle16 = t
            present.insert(.groundVector)
        case 29:
            guard let f = r.readBigEndian(6) else { return .truncated }
            callsign = AsterixCallsign(sixBit: f)
            present.insert(.callsign)
        case 30:
            guard let e = r.readUInt8() else { return .truncated }
            emitterCategory = e
            present.insert(.emitterCategory)
        default:
            break
        }
        return nil
    }
}
