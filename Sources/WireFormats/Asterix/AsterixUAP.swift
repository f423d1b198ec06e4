/// User Application Profiles: the item rule of every FRN of the categories
/// the node reads or writes. An FRN not listed is `.undefined`.
public enum AsterixUAP {
    /// CAT048 edition 1.2x (EUROCONTROL-SPEC-0149-4, 1.21-1.31: same UAP).
    public static func cat048(_ frn: Int) -> AsterixItemRule {
        switch frn {
        case 1: .fixed(2)  // 010 SAC/SIC
        case 2: .fixed(3)  // 140 time of day
        case 3: .extended(first: 1, next: 1)  // 020 target report descriptor
        case 4: .fixed(4)  // 040 polar position
        case 5: .fixed(2)  // 070 Mode 3/A
        case 6: .fixed(2)  // 090 flight level
        case 7: .compound(.cat048I130)  // 130 radar plot characteristics
        case 8: .fixed(3)  // 220 aircraft address
        case 9: .fixed(6)  // 240 aircraft identification
        case 10: .repetitive(element: 8)  // 250 BDS register data
        case 11: .fixed(2)  // 161 track number
        case 12: .fixed(4)  // 042 cartesian position
        case 13: .fixed(4)  // 200 polar velocity
        case 14: .extended(first: 1, next: 1)  // 170 track status
        case 15: .fixed(4)  // 210 track quality
        case 16: .extended(first: 1, next: 1)  // 030 warning/error
        case 17: .fixed(2)  // 080 Mode 3/A confidence
        case 18: .fixed(4)  // 100 Mode C code and confidence
        case 19: .fixed(2)  // 110 3D height
        case 20: .compound(.cat048I120)  // 120 radial Doppler speed
        case 21: .fixed(2)  // 230 comms/ACAS capability
        case 22: .fixed(7)  // 260 ACAS resolution advisory
        case 23: .fixed(1)  // 055 Mode 1
        case 24: .fixed(2)  // 050 Mode 2
        case 25: .fixed(1)  // 065 Mode 1 confidence
        case 26: .fixed(2)  // 060 Mode 2 confidence
        case 27, 28: .explicit  // SP, RE
        default: .undefined
        }
    }

    /// CAT034 edition 1.2x (EUROCONTROL-SPEC-0149-2B).
    public static func cat034(_ frn: Int) -> AsterixItemRule {
        switch frn {
        case 1: .fixed(2)  // 010 SAC/SIC
        case 2: .fixed(1)  // 000 message type
        case 3: .fixed(3)  // 030 time of day
        case 4: .fixed(1)  // 020 sector number
        case 5: .fixed(2)  // 041 antenna rotation period
        case 6: .compound(.cat034I050)  // 050 system configuration
        case 7: .compound(.cat034I060)  // 060 system processing mode
        case 8: .repetitive(element: 2)  // 070 message count values
        case 9: .fixed(8)  // 100 generic polar window
        case 10: .fixed(1)  // 110 data filter
        case 11: .fixed(8)  // 120 3D position of data source
        case 12: .fixed(2)  // 090 collimation error
        case 13, 14: .explicit  // RE, SP
        default: .undefined
        }
    }

    /// CAT021 edition 2.1 (EUROCONTROL-SPEC-0149-12, 2.1-2.6 share it).
    public static func cat021(_ frn: Int) -> AsterixItemRule {
        switch frn {
        case 1: .fixed(2)  // 010 SAC/SIC
        case 2: .extended(first: 1, next: 1)  // 040 target report descriptor
        case 3: .fixed(2)  // 161 track number
        case 4: .fixed(1)  // 015 service identification
        case 5: .fixed(3)  // 071 time of applicability, position
        case 6: .fixed(6)  // 130 position, WGS84
        case 7: .fixed(8)  // 131 position, WGS84 high resolution
        case 8: .fixed(3)  // 072 time of applicability, velocity
        case 9: .fixed(2)  // 150 air speed
        case 10: .fixed(2)  // 151 true air speed
        case 11: .fixed(3)  // 080 target address
        case 12: .fixed(3)  // 073 time of message reception, position
        case 13: .fixed(4)  // 074 same, high precision
        case 14: .fixed(3)  // 075 time of message reception, velocity
        case 15: .fixed(4)  // 076 same, high precision
        case 16: .fixed(2)  // 140 geometric height
        case 17: .extended(first: 1, next: 1)  // 090 quality indicators
        case 18: .fixed(1)  // 210 MOPS version
        case 19: .fixed(2)  // 070 Mode 3/A
        case 20: .fixed(2)  // 230 roll angle
        case 21: .fixed(2)  // 145 flight level
        case 22: .fixed(2)  // 152 magnetic heading
        case 23: .fixed(1)  // 200 target status
        case 24: .fixed(2)  // 155 barometric vertical rate
        case 25: .fixed(2)  // 157 geometric vertical rate
        case 26: .fixed(4)  // 160 airborne ground vector
        case 27: .fixed(2)  // 165 track angle rate
        case 28: .fixed(3)  // 077 time of report transmission
        case 29: .fixed(6)  // 170 target identification
        case 30: .fixed(1)  // 020 emitter category
        case 31: .compound(.cat021I220)  // 220 met information
        case 32: .fixed(2)  // 146 selected altitude
        case 33: .fixed(2)  // 148 final state selected altitude
        case 34: .compound(.cat021I110)  // 110 trajectory intent
        case 35: .fixed(1)  // 016 service management
        case 36: .fixed(1)  // 008 aircraft operational status
        case 37: .extended(first: 1, next: 1)  // 271 surface capabilities
        case 38: .fixed(1)  // 132 message amplitude
        case 39: .repetitive(element: 8)  // 250 Mode S MB data
        case 40: .fixed(7)  // 260 ACAS resolution advisory
        case 41: .fixed(1)  // 400 receiver ID
        case 42: .compound(.cat021I295)  // 295 data ages
        case 48, 49: .explicit  // RE, SP
        default: .undefined
        }
    }

    /// CAT062 edition 1.18 (the edition Wireshark 4.0 decodes by default).
    public static func cat062(_ frn: Int) -> AsterixItemRule {
        switch frn {
        case 1: .fixed(2)  // 010 SAC/SIC
        case 3: .fixed(1)  // 015 service identification
        case 4: .fixed(3)  // 070 time of track information
        case 5: .fixed(8)  // 105 position WGS84
        case 6: .fixed(6)  // 100 cartesian position
        case 7: .fixed(4)  // 185 cartesian velocity
        case 8: .fixed(2)  // 210 acceleration
        case 9: .fixed(2)  // 060 Mode 3/A
        case 10: .fixed(7)  // 245 target identification
        case 12: .fixed(2)  // 040 track number
        case 13: .extended(first: 1, next: 1)  // 080 track status
        case 15: .fixed(1)  // 200 mode of movement
        case 17: .fixed(2)  // 136 measured flight level
        case 18: .fixed(2)  // 130 geometric altitude
        case 19: .fixed(2)  // 135 barometric altitude
        case 20: .fixed(2)  // 220 rate of climb/descent
        case 23: .fixed(1)  // 300 vehicle fleet identification
        case 25: .fixed(2)  // 120 track Mode 2 code
        case 26: .extended(first: 3, next: 3)  // 510 composed track number
        case 27: .compound(.cat062I500)  // 500 estimated accuracies
        case 34, 35: .explicit  // RE, SP
        default: .undefined  // compounds the node never writes: unknown length
        }
    }
}
