/// One CAT048 target report (monoradar plot or local track), edition 1.2x,
/// with the items of ICD 1.1 in their transmitted resolution. Scaled
/// accessors give SI/aviation units. A field is meaningful only when its
/// item is in `present`.
public struct Cat048Plot: Sendable, BitwiseCopyable, Equatable {
    /// Items that were present (and decoded) in the record.
    public struct Items: OptionSet, Sendable, BitwiseCopyable {
        public var rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let dataSource = Items(rawValue: 1 << 0)  // I048/010
        public static let timeOfDay = Items(rawValue: 1 << 1)  // I048/140
        public static let descriptor = Items(rawValue: 1 << 2)  // I048/020
        public static let polarPosition = Items(rawValue: 1 << 3)  // I048/040
        public static let mode3A = Items(rawValue: 1 << 4)  // I048/070
        public static let flightLevel = Items(rawValue: 1 << 5)  // I048/090
        public static let plotCharacteristics = Items(rawValue: 1 << 6)  // I048/130
        public static let amplitude = Items(rawValue: 1 << 7)  // I048/130 PAM subfield
        public static let address = Items(rawValue: 1 << 8)  // I048/220
        public static let callsign = Items(rawValue: 1 << 9)  // I048/240
        public static let trackNumber = Items(rawValue: 1 << 10)  // I048/161
        public static let velocity = Items(rawValue: 1 << 11)  // I048/200
        public static let trackStatus = Items(rawValue: 1 << 12)  // I048/170
        public static let height = Items(rawValue: 1 << 13)  // I048/110
        public static let doppler = Items(rawValue: 1 << 14)  // I048/120 CAL subfield
    }

    public var present: Items = []
    /// I048/010 system area code and identification code.
    public var sac: UInt8 = 0
    public var sic: UInt8 = 0
    /// I048/140 time of day, 1/128 s since UTC midnight.
    public var timeOfDay128: UInt32 = 0
    /// I048/020 first octet fields: TYP (0...7), SIM, RDP, SPI, RAB.
    public var typ: UInt8 = 0
    public var sim = false
    public var rdp = false
    public var spi = false
    public var rab = false
    /// I048/020 first and second extension octets as sent (TST ERR XPP ME MI
    /// FOE/FRI; ADSB SCN PAI in 1.23+), FX included; 0 when absent.
    public var descriptorExtension1: UInt8 = 0
    public var descriptorExtension2: UInt8 = 0
    /// I048/040 RHO, 1/256 NM, and THETA, 360/2^16 degrees.
    public var rho256: UInt16 = 0
    public var theta16: UInt16 = 0
    /// I048/070 Mode 3/A: V, G, L flags and the 12-bit code (octal digits packed, as sent).
    public var mode3AFlags: UInt8 = 0
    public var mode3A: UInt16 = 0
    /// I048/090 V and G flags, and flight level in 1/4 FL (14-bit signed).
    public var flightLevelFlags: UInt8 = 0
    public var flightLevelQuarter: Int16 = 0
    /// I048/130 PAM, amplitude of the primary plot, dBm (signed).
    public var amplitudeDbm: Int8 = 0
    /// I048/220 24-bit Mode S address.
    public var address: UInt32 = 0
    /// I048/240 aircraft identification (8 characters).
    public var callsign = AsterixCallsign(packed: 0)
    /// I048/161 track number (12 bits).
    public var trackNumber: UInt16 = 0
    /// I048/200 ground speed 2^-14 NM/s and heading 360/2^16 degrees.
    public var groundSpeed14: UInt16 = 0
    public var heading16: UInt16 = 0
    /// I048/170 first and second octets as sent (CNF RAD DOU MAH CDM; TRE GHO SUP TCC).
    public var trackStatus1: UInt8 = 0
    public var trackStatus2: UInt8 = 0
    /// I048/110 3D height, 25 ft (14-bit signed).
    public var height25ft: Int16 = 0
    /// I048/120 CAL: radial Doppler speed, m/s (10-bit signed), and its D (doubtful) bit.
    public var dopplerMps: Int16 = 0
    public var dopplerDoubtful = false

    public init() {}

    /// Time of day, seconds.
    public var timeOfDaySeconds: Double { Double(timeOfDay128) / 128 }
    /// Slant range, NM and metres (1 NM = 1852 m).
    public var rangeNM: Double { Double(rho256) / 256 }
    public var rangeM: Double { rangeNM * 1852 }
    /// Azimuth, degrees clockwise from north.
    public var azimuthDeg: Double { Double(theta16) * 360 / 65536 }
    /// Flight level (hundreds of feet).
    public var flightLevel: Double { Double(flightLevelQuarter) / 4 }
    /// 3D height, feet.
    public var heightFt: Double { Double(height25ft) * 25 }
    /// Ground speed, NM/s, and heading, degrees.
    public var groundSpeedNMps: Double { Double(groundSpeed14) / 16384 }
    public var headingDeg: Double { Double(heading16) * 360 / 65536 }
    /// I048/170 RAD (0 combined, 1 PSR, 2 SSR/Mode S, 3 invalid).
    public var trackRAD: UInt8 { (trackStatus1 >> 5) & 3 }
    /// Mode 3/A code as its decimal-printed value of the octal digits (tshark prints the raw 12-bit number in octal form).
    public var mode3AOctal: UInt16 {
        (mode3A >> 9 & 7) * 1000 + (mode3A >> 6 & 7) * 100 + (mode3A >> 3 & 7) * 10 + (mode3A & 7)
    }
}
