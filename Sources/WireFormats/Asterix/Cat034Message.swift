/// One CAT034 service message (north marker, sector crossing, ...),
/// edition 1.2x, with the items of ICD 1.1 in their transmitted resolution.
public struct Cat034Message: Sendable, BitwiseCopyable, Equatable {
    public struct Items: OptionSet, Sendable, BitwiseCopyable {
        public var rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public static let dataSource = Items(rawValue: 1 << 0)  // I034/010
        public static let messageType = Items(rawValue: 1 << 1)  // I034/000
        public static let timeOfDay = Items(rawValue: 1 << 2)  // I034/030
        public static let sector = Items(rawValue: 1 << 3)  // I034/020
        public static let antennaPeriod = Items(rawValue: 1 << 4)  // I034/041
        public static let position = Items(rawValue: 1 << 5)  // I034/120
    }

    public var present: Items = []
    /// I034/010 SAC/SIC.
    public var sac: UInt8 = 0
    public var sic: UInt8 = 0
    /// I034/000 message type: 1 north marker, 2 sector crossing, 3 geographical filtering, 4 jamming strobe.
    public var messageType: UInt8 = 0
    /// I034/030 time of day, 1/128 s.
    public var timeOfDay128: UInt32 = 0
    /// I034/020 sector number, 360/2^8 degrees.
    public var sector8: UInt8 = 0
    /// I034/041 antenna rotation period, 1/128 s.
    public var antennaPeriod128: UInt16 = 0
    /// I034/120 radar position: height in metres (above MSL per the spec), latitude and longitude in 180/2^23 degrees.
    public var heightM: Int16 = 0
    public var latitude23: Int32 = 0
    public var longitude23: Int32 = 0

    public init() {}

    public var timeOfDaySeconds: Double { Double(timeOfDay128) / 128 }
    public var sectorDeg: Double { Double(sector8) * 360 / 256 }
    public var antennaPeriodS: Double { Double(antennaPeriod128) / 128 }
    public var latitudeDeg: Double { Double(latitude23) * 180 / 8_388_608 }
    public var longitudeDeg: Double { Double(longitude23) * 180 / 8_388_608 }

    /// Fills the field of one item (FRN per the CAT034 UAP) from its delimited bytes.
    public mutating func apply(frn: Int, item: UnsafeRawBufferPointer) -> AsterixRejection? {
        var r = ByteReader(item)
        switch frn {
        case 1:
            guard let a = r.readUInt8(), let b = r.readUInt8() else { return .truncated }
            sac = a
            sic = b
            present.insert(.dataSource)
        case 2:
            guard let t = r.readUInt8() else { return .truncated }
            messageType = t
            present.insert(.messageType)
        case 3:
            guard let t = r.readUInt24() else { return .truncated }
            guard t < 86_400 * 128 else { return .badItemValue }
            timeOfDay128 = t
            present.insert(.timeOfDay)
        case 4:
            guard let s = r.readUInt8() else { return .truncated }
            sector8 = s
            present.insert(.sector)
        case 5:
            guard let p = r.readUInt16() else { return .truncated }
            antennaPeriod128 = p
            present.insert(.antennaPeriod)
        case 11:
            guard let h = r.readUInt16(), let la = r.readUInt24(), let lo = r.readUInt24() else { return .truncated }
            heightM = Int16(bitPattern: h)
            latitude23 = Int32(signExtend(UInt64(la), bits: 24))
            longitude23 = Int32(signExtend(UInt64(lo), bits: 24))
            present.insert(.position)
        default:
            break
        }
        return nil
    }
}
