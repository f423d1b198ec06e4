import Testing
import WireFormats

extension GoldenComparison {
    static func compare048(_ p: Cat048Plot, _ t: TsharkRecord, _ at: String) {
        if present(t, "048_010", p.present.contains(.dataSource), at) {
            same(t, "048_010_SAC", Double(p.sac), at)
            same(t, "048_010_SIC", Double(p.sic), at)
        }
        if present(t, "048_140", p.present.contains(.timeOfDay), at) {
            same(t, "048_140_VALUE", p.timeOfDaySeconds, at)
        }
        if present(t, "048_020", p.present.contains(.descriptor), at) {
            same(t, "048_020_TYP", Double(p.typ), at)
            same(t, "048_020_SIM", bit(p.sim), at)
            same(t, "048_020_RDP", bit(p.rdp), at)
            same(t, "048_020_SPI", bit(p.spi), at)
            same(t, "048_020_RAB", bit(p.rab), at)
            if t["048_020_TST"] != nil {
                same(t, "048_020_TST", bit(p.descriptorExtension1 & 0x80 != 0), at)
                same(t, "048_020_ERR", bit(p.descriptorExtension1 & 0x40 != 0), at)
                same(t, "048_020_MI", bit(p.descriptorExtension1 & 0x08 != 0), at)
            }
        }
        if present(t, "048_040", p.present.contains(.polarPosition), at) {
            same(t, "048_040_RHO", p.rangeNM, at)
            same(t, "048_040_THETA", p.azimuthDeg, at)
        }
        if present(t, "048_070", p.present.contains(.mode3A), at) {
            same(t, "048_070_MODE3A", Double(p.mode3A), at)
            same(t, "048_070_V", bit(p.mode3AFlags & 4 != 0), at)
            same(t, "048_070_G", bit(p.mode3AFlags & 2 != 0), at)
            same(t, "048_070_L", bit(p.mode3AFlags & 1 != 0), at)
        }
        if present(t, "048_090", p.present.contains(.flightLevel), at) {
            // I048/090 is two's complement (EUROCONTROL-SPEC-0149-4); Wireshark
            // 4.0 prints it unsigned, so a negative level shows as +4096 FL there.
            let theirs = number(t["048_090_FL"]) ?? .nan
            let ours = p.flightLevel < 0 ? p.flightLevel + 4096 : p.flightLevel
            #expect(theirs == ours, "\(at): FL tshark \(theirs) ours \(p.flightLevel)")
            same(t, "048_090_V", bit(p.flightLevelFlags & 2 != 0), at)
            same(t, "048_090_G", bit(p.flightLevelFlags & 1 != 0), at)
        }
        if present(t, "048_130", p.present.contains(.plotCharacteristics), at),
            present(t, "048_130_PAM", p.present.contains(.amplitude), at)
        {
            same(t, "048_130_PAM_VALUE", Double(p.amplitudeDbm), at)
        }
        if present(t, "048_220", p.present.contains(.address), at) {
            same(t, "048_220_VALUE", Double(p.address), at)
        }
        if present(t, "048_240", p.present.contains(.callsign), at) {
            #expect(t["048_240_VALUE"] == p.callsign.text, "\(at): callsign")
        }
        if present(t, "048_161", p.present.contains(.trackNumber), at) {
            same(t, "048_161_TRN", Double(p.trackNumber), at)
        }
        if present(t, "048_200", p.present.contains(.velocity), at) {
            same(t, "048_200_GSP", p.groundSpeedNMps, at)
            same(t, "048_200_HDG", p.headingDeg, at)
        }
        if present(t, "048_170", p.present.contains(.trackStatus), at) {
            same(t, "048_170_CNF", Double(p.trackStatus1 >> 7), at)
            same(t, "048_170_RAD", Double(p.trackRAD), at)
            same(t, "048_170_DOU", Double(p.trackStatus1 >> 4 & 1), at)
            same(t, "048_170_MAH", Double(p.trackStatus1 >> 3 & 1), at)
            same(t, "048_170_CDM", Double(p.trackStatus1 >> 1 & 3), at)
            if t["048_170_TRE"] != nil {
                same(t, "048_170_TRE", Double(p.trackStatus2 >> 7), at)
                same(t, "048_170_GHO", Double(p.trackStatus2 >> 6 & 1), at)
                same(t, "048_170_SUP", Double(p.trackStatus2 >> 5 & 1), at)
                same(t, "048_170_TCC", Double(p.trackStatus2 >> 4 & 1), at)
            }
        }
        if present(t, "048_110", p.present.contains(.height), at) {
            same(t, "048_110_3DH", p.heightFt, at)
        }
        if present(t, "048_120", p.present.contains(.doppler) || t.fields["asterix.048_120"] != nil, at),
            present(t, "048_120_CAL", p.present.contains(.doppler), at)
        {
            same(t, "048_120_CAL_CAL", Double(p.dopplerMps), at)
            same(t, "048_120_CAL_D", bit(p.dopplerDoubtful), at)
        }
    }

    static func compare034(_ m: Cat034Message, _ t: TsharkRecord, _ at: String) {
        if present(t, "034_010", m.present.contains(.dataSource), at) {
            same(t, "034_010_SAC", Double(m.sac), at)
            same(t, "034_010_SIC", Double(m.sic), at)
        }
        if present(t, "034_000", m.present.contains(.messageType), at) {
            same(t, "034_000_VALUE", Double(m.messageType), at)
        }
        if present(t, "034_030", m.present.contains(.timeOfDay), at) {
            same(t, "034_030_VALUE", m.timeOfDaySeconds, at)
        }
        if present(t, "034_020", m.present.contains(.sector), at) {
            same(t, "034_020_VALUE", m.sectorDeg, at)
        }
        if present(t, "034_041", m.present.contains(.antennaPeriod), at) {
            same(t, "034_041_VALUE", m.antennaPeriodS, at)
        }
        if present(t, "034_120", m.present.contains(.position), at) {
            same(t, "034_120_HGT", Double(m.heightM), at)
            same(t, "034_120_LAT", m.latitudeDeg, at)
            same(t, "034_120_LON", m.longitudeDeg, at)
        }
    }

    static func compare021(_ r: Cat021Report, _ t: TsharkRecord, _ at: String) {
        if present(t, "021_010", r.present.contains(.dataSource), at) {
            same(t, "021_010_SAC", Double(r.sac), at)
            same(t, "021_010_SIC", Double(r.sic), at)
        }
        if present(t, "021_040", r.present.contains(.descriptor), at) {
            same(t, "021_040_ATP", Double(r.descriptor1 >> 5), at)
            same(t, "021_040_RAB", Double(r.descriptor1 >> 1 & 1), at)
            if t["021_040_SIM"] != nil {
                same(t, "021_040_GBS", Double(r.descriptorExtension1 >> 6 & 1), at)
                same(t, "021_040_SIM", bit(r.isSimulated), at)
            }
        }
        if present(t, "021_071", r.present.contains(.positionTime), at) {
            same(t, "021_071_VALUE", r.positionTimeSeconds, at)
        }
        if present(t, "021_130", r.present.contains(.position), at) {
            same(t, "021_130_LAT", Double(r.latitude23) * 180 / 8_388_608, at)
            same(t, "021_130_LON", Double(r.longitude23) * 180 / 8_388_608, at)
        }
        if present(t, "021_131", r.present.contains(.positionHighRes), at) {
            same(t, "021_131_LAT", r.latitudeDeg, at)
            same(t, "021_131_LON", r.longitudeDeg, at)
        }
        if present(t, "021_080", r.present.contains(.address), at) {
            same(t, "021_080_VALUE", Double(r.address), at)
        }
        if present(t, "021_140", r.present.contains(.geometricHeight), at) {
            same(t, "021_140_VALUE", r.geometricHeightFt, at)
        }
        if present(t, "021_145", r.present.contains(.flightLevel), at) {
            same(t, "021_145_VALUE", r.flightLevel, at)
        }
        if present(t, "021_160", r.present.contains(.groundVector), at) {
            same(t, "021_160_RE", bit(r.groundSpeedRangeExceeded), at)
            same(t, "021_160_GS", r.groundSpeedNMps, at)
            same(t, "021_160_TA", r.trackAngleDeg, at)
        }
        if present(t, "021_170", r.present.contains(.callsign), at) {
            #expect(t["021_170_VALUE"] == r.callsign.text, "\(at): callsign")
        }
        if present(t, "021_020", r.present.contains(.emitterCategory), at) {
            same(t, "021_020_VALUE", Double(r.emitterCategory), at)
        }
    }
}
