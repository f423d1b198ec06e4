import Testing
import WireFormats

@Suite struct AsterixDecoderTests {
    @Test func cat048RecordWithEveryLengthRule() throws {
        let (sink, decoder) = decode(block(48, Vectors.cat048Record + Vectors.cat048Record))
        #expect(decoder.rejections.total == 0)
        try #require(sink.plots.count == 2)
        let p = sink.plots[1]
        #expect(p.sac == 0x19 && p.sic == 0x0C)
        #expect(p.timeOfDaySeconds == 1000)
        #expect(p.typ == 5 && !p.sim && p.descriptorExtension1 == 0x40)
        #expect(p.rangeNM == 16 && p.azimuthDeg == 90)
        #expect(p.present.contains(.amplitude) && p.amplitudeDbm == -10)
        #expect(p.callsign.text == "SKY1    ")
        #expect(p.trackNumber == 0xABC)
        #expect(p.heightFt == -1000)
        #expect(p.dopplerMps == -5 && p.dopplerDoubtful)
        #expect(!p.present.contains(.flightLevel) && !p.present.contains(.address))
    }

    @Test func cat034AndCat021Records() throws {
        let (sink, decoder) = decode(block(34, Vectors.cat034Record) + block(21, Vectors.cat021Record))
        #expect(decoder.rejections.total == 0)
        let m = try #require(sink.messages.first)
        #expect(m.messageType == 1 && m.timeOfDaySeconds == 1001 && m.sectorDeg == 90)
        #expect(abs(m.antennaPeriodS - 633.0 / 128) < 1e-12)
        #expect(m.heightM == 780)
        #expect(abs(m.latitudeDeg - 43.571026) < 180.0 / 8_388_608)
        #expect(abs(m.longitudeDeg + 16.406064) < 180.0 / 8_388_608)
        let r = try #require(sink.reports.first)
        #expect(r.sac == 0 && r.sic == 1 && r.isSimulated)
        #expect(r.latitudeDeg == 45 && r.longitudeDeg == -22.5)
        #expect(r.address == 0xABCDEF)
        #expect(r.geometricHeightFt == -50 && r.flightLevel == 350)
        #expect(r.groundSpeedNMps == 0.125 && r.trackAngleDeg == 180)
        #expect(r.callsign.text == "DRONE1  " && r.emitterCategory == 13)
    }

    @Test func mixedCategoriesAndAnUnknownOneInOneDatagram() {
        let datagram = block(48, Vectors.cat048Record) + block(62, [0x80, 1, 2]) + block(34, Vectors.cat034Record)
        let (sink, decoder) = decode(datagram)
        #expect(sink.order == [48, 34])
        #expect(sink.rejected == [.unknownCategory])
        #expect(decoder.rejections[.unknownCategory] == 1)
        #expect(decoder.blocks == 3)
    }

    @Test func aTruncatedRecordLosesTheRestOfItsBlockOnly() {
        // Second record cut in its 040: the block ends early; the next block still decodes.
        let cut = Array(Vectors.cat048Record.prefix(14))
        let datagram = block(48, Vectors.cat048Record + cut) + block(34, Vectors.cat034Record)
        let (sink, decoder) = decode(datagram)
        #expect(sink.plots.count == 1 && sink.messages.count == 1)
        #expect(decoder.rejections[.truncated] == 1)
    }

    @Test func badBlockLengthStopsTheDatagram() {
        var datagram = block(34, Vectors.cat034Record) + block(48, Vectors.cat048Record)
        datagram[Vectors.cat034Record.count + 3 + 2] &+= 1  // second LEN one beyond the end
        let (sink, decoder) = decode(datagram)
        #expect(sink.messages.count == 1 && sink.plots.isEmpty)
        #expect(decoder.rejections[.badLength] == 1)
        #expect(decode([48, 0, 2]).1.rejections[.badLength] == 1)
        #expect(decode([48, 0]).1.rejections[.truncated] == 1)
    }

    @Test func fspecOverrunUndefinedItemEmptyAndMissingSource() {
        #expect(decode(block(48, [0xFF, 0xFF, 0xFF, 0xFF, 0x01])).1.rejections[.fspecOverrun] == 1)
        #expect(decode(block(34, [0x01, 0x01, 0x01])).1.rejections[.fspecOverrun] == 1)
        // CAT021 FRN 43 is spare in edition 2.1: its length is unknown.
        #expect(decode(block(21, [0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x80, 0x00])).1.rejections[.undefinedItem] == 1)
        // CAT034 I034/050 flagging its spare subfield 2.
        #expect(decode(block(34, [0x04, 0x40, 0x00])).1.rejections[.undefinedItem] == 1)
        #expect(decode(block(48, [])).1.rejections[.emptyRecord] == 1)
        #expect(decode(block(48, [0x00])).1.rejections[.emptyRecord] == 1)
        // A record without I048/010 decodes but is not delivered.
        let (sink, decoder) = decode(block(48, [0x40] + be(5, 3)))
        #expect(sink.plots.isEmpty && decoder.rejections[.missingMandatoryItem] == 1)
    }

    @Test func outOfRangeTimeDropsTheItemOnly() throws {
        var record = Vectors.cat048Record
        record[6] = 0xFF  // time of day 0xFFF400 / 128 s > 24 h
        let (sink, decoder) = decode(block(48, record))
        let p = try #require(sink.plots.first)
        #expect(!p.present.contains(.timeOfDay) && p.present.contains(.polarPosition))
        #expect(decoder.rejections[.badItemValue] == 1)
    }

    /// Totality over every prefix and every single-byte corruption of a
    /// mixed datagram: no trap, and each call either delivers or rejects.
    @Test func everyPrefixAndByteFlipIsHandled() {
        let datagram = block(48, Vectors.cat048Record) + block(34, Vectors.cat034Record) + block(21, Vectors.cat021Record)
        var outcomes = 0
        for n in 1...datagram.count {
            let (sink, decoder) = decode(Array(datagram.prefix(n)))
            outcomes += sink.order.count + Int(decoder.rejections.total)
            #expect(sink.order.count + Int(decoder.rejections.total) > 0, "prefix \(n)")
        }
        for i in datagram.indices {
            for v: UInt8 in [0x00, 0xFF, 0x80, 0x01, datagram[i] ^ 0x55] {
                var d = datagram
                d[i] = v
                let (sink, decoder) = decode(d)
                #expect(sink.order.count + Int(decoder.rejections.total) > 0, "byte \(i) = \(v)")
            }
        }
        #expect(outcomes > datagram.count)
    }
}
