import Foundation
import Simulation
import Testing
import WireFormats

/// decode(encode(x)) == x within the item's resolution, for CAT048, CAT034
/// and CAT021, over thousands of seeded records with every optional item on
/// and off and values beyond the items' ranges (which must clamp, not wrap).
@Suite struct AsterixEncoderRoundTripTests {
    /// |a - b| within half an LSB (plus float slack).
    func near(_ a: Double, _ b: Double, lsb: Double) -> Bool { abs(a - b) <= lsb / 2 + 1e-9 * max(1, abs(b)) }
    /// Circular difference of two angles, degrees.
    func angleNear(_ a: Double, _ b: Double, lsb: Double) -> Bool {
        var d = (a - b).truncatingRemainder(dividingBy: 360)
        if d > 180 { d -= 360 }
        if d < -180 { d += 360 }
        return abs(d) <= lsb / 2 + 1e-9
    }
    func clamp(_ v: Double, _ lo: Double, _ hi: Double) -> Double { min(max(v, lo), hi) }

    @Test func cat048RoundTripsWithinResolution() {
        var g = SeededGenerator(seed: 48)
        let encoder = Cat048Encoder(sac: 25, sic: 1)
        var sent: [Cat048Detection] = []
        var bytes: [UInt8] = []
        var sink = RoundTripSink()
        var decoder = AsterixDecoder()
        for block in 0..<100 {
            var batch: [Cat048Detection] = []
            for _ in 0..<50 {
                let t0: Int64 = 1_794_787_200_000_000_000 + Int64(block) * 3_600_000_000_000
                var d = Cat048Detection(
                    timeNs: t0 + Int64(g.next() % 3_600_000_000_000), rangeM: g.uniform(-100, 520_000),
                    azimuthDeg: g.uniform(-30, 390))
                if g.uniform() < 0.7 { d.heightM = g.uniform(-3000, 70_000) }
                if g.uniform() < 0.7 { d.rangeRateMps = g.uniform(-700, 700) }
                d.rangeRateDoubtful = g.uniform() < 0.2
                if g.uniform() < 0.8 { d.amplitudeDbm = g.uniform(-160, 140) }
                if g.uniform() < 0.3 { d.address = UInt32(g.next() % 0x100_0000) }
                if g.uniform() < 0.2 { d.mode3A = UInt16(g.next() % 8) * 1000 + UInt16(g.next() % 8) * 100 + UInt16(g.next() % 8) * 10 + UInt16(g.next() % 8) }
                if g.uniform() < 0.3 { d.flightLevel = g.uniform(-20, 1300) }
                if g.uniform() < 0.3 { d.trackNumber = UInt16(g.next() % 4096) }
                d.primary = g.uniform() < 0.8
                d.simulated = g.uniform() < 0.1
                batch.append(d)
            }
            bytes.removeAll(keepingCapacity: true)
            encoder.appendBlock(batch, to: &bytes)
            decoder.decode(bytes, into: &sink)
            sent += batch
        }
        #expect(decoder.rejections.total == 0)
        #expect(sink.plots.count == sent.count)
        for (d, p) in zip(sent, sink.plots) {
            #expect(p.sac == 25 && p.sic == 1)
            #expect(p.timeOfDay128 == AsterixTime.timeOfDay128(ofNs: d.timeNs))
            #expect(p.typ == d.typ && p.sim == d.simulated)
            #expect(near(p.rangeM, clamp(d.rangeM, 0, 65_535.0 / 256 * 1852), lsb: 1852.0 / 256), "range \(d.rangeM) -> \(p.rangeM)")
            #expect(angleNear(p.azimuthDeg, d.azimuthDeg, lsb: 360.0 / 65_536))
            #expect(p.present.contains(.height) == (d.heightM != nil))
            if let h = d.heightM {
                #expect(near(p.heightFt, clamp(h / 0.3048, -8192 * 25, 8191 * 25), lsb: 25), "height \(h) -> \(p.heightFt) ft")
            }
            #expect(p.present.contains(.doppler) == (d.rangeRateMps != nil))
            if let rr = d.rangeRateMps {
                #expect(near(Double(p.dopplerMps), clamp(rr, -512, 511), lsb: 1))
                #expect(p.dopplerDoubtful == d.rangeRateDoubtful)
            }
            #expect(p.present.contains(.amplitude) == (d.amplitudeDbm != nil))
            if let a = d.amplitudeDbm { #expect(near(Double(p.amplitudeDbm), clamp(a, -128, 127), lsb: 1)) }
            #expect(p.present.contains(.address) == (d.address != nil))
            if let a = d.address { #expect(p.address == a) }
            #expect(p.present.contains(.mode3A) == (d.mode3A != nil))
            if let c = d.mode3A { #expect(p.mode3AOctal == c) }
            #expect(p.present.contains(.flightLevel) == (d.flightLevel != nil))
            if let fl = d.flightLevel { #expect(near(p.flightLevel, clamp(fl, -2048, 2047.75), lsb: 0.25)) }
            #expect(p.present.contains(.trackNumber) == (d.trackNumber != nil))
            if let n = d.trackNumber { #expect(p.trackNumber == n) }
        }
    }

    @Test func cat048ClampsAWeakBirdToTheAmplitudeFloor() {
        // A small bird, RCS -35 dBsm, at 16 km with K = 70: about -133 dBm, below int8.
        let pam = -35 + 70 - 40 * log10(16_000.0)
        var bytes: [UInt8] = []
        Cat048Encoder(sac: 1, sic: 2).appendBlock(
            [Cat048Detection(timeNs: 0, rangeM: 16_000, azimuthDeg: 10, amplitudeDbm: pam)], to: &bytes)
        var sink = RoundTripSink()
        var decoder = AsterixDecoder()
        decoder.decode(bytes, into: &sink)
        #expect(pam < -128)
        #expect(sink.plots.first?.amplitudeDbm == -128)
    }

    @Test func cat034RoundTripsWithinResolution() {
        var g = SeededGenerator(seed: 34)
        let encoder = Cat034Encoder(sac: 25, sic: 2)
        var sent: [Cat034Service] = []
        var bytes: [UInt8] = []
        for _ in 0..<3000 {
            var m = Cat034Service(
                kind: g.uniform() < 0.5 ? .northMarker : .sectorCrossing,
                timeNs: 1_794_787_200_000_000_000 + Int64(g.next() % 86_400_000_000_000))
            if g.uniform() < 0.5 { m.sectorDeg = g.uniform(-10, 370) }
            if g.uniform() < 0.7 { m.antennaPeriodS = g.uniform(0, 600) }
            if g.uniform() < 0.7 {
                m.position = .init(latitudeDeg: g.uniform(-90, 90), longitudeDeg: g.uniform(-180, 180), heightMSLM: g.uniform(-500, 40_000))
            }
            sent.append(m)
        }
        var sink = RoundTripSink()
        var decoder = AsterixDecoder()
        // Blocks of 500 records: LEN is 16 bits.
        for start in stride(from: 0, to: sent.count, by: 500) {
            bytes.removeAll(keepingCapacity: true)
            encoder.appendBlock(sent[start..<min(start + 500, sent.count)], to: &bytes)
            decoder.decode(bytes, into: &sink)
        }
        #expect(decoder.rejections.total == 0)
        try? #require(sink.messages.count == sent.count)
        let deg23 = 180.0 / 8_388_608
        for (m, d) in zip(sent, sink.messages) {
            #expect(d.sac == 25 && d.sic == 2 && d.messageType == m.kind.rawValue)
            #expect(d.timeOfDay128 == AsterixTime.timeOfDay128(ofNs: m.timeNs))
            #expect(d.present.contains(.sector) == (m.sectorDeg != nil))
            if let s = m.sectorDeg { #expect(angleNear(d.sectorDeg, s, lsb: 360.0 / 256)) }
            #expect(d.present.contains(.antennaPeriod) == (m.antennaPeriodS != nil))
            if let p = m.antennaPeriodS { #expect(near(d.antennaPeriodS, clamp(p, 0, 65_535.0 / 128), lsb: 1.0 / 128)) }
            #expect(d.present.contains(.position) == (m.position != nil))
            if let p = m.position {
                #expect(near(Double(d.heightM), clamp(p.heightMSLM, -32_768, 32_767), lsb: 1))
                #expect(near(d.latitudeDeg, clamp(p.latitudeDeg, -180, 180 - deg23), lsb: deg23))
                #expect(near(d.longitudeDeg, clamp(p.longitudeDeg, -180, 180 - deg23), lsb: deg23))
            }
        }
    }

    @Test func cat021RoundTripsWithinResolution() {
        var g = SeededGenerator(seed: 21)
        let encoder = Cat021Encoder(sac: 25, sic: 99)
        var sent: [Cat021Target] = []
        var bytes: [UInt8] = []
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")
        for _ in 0..<3000 {
            let t = 1_794_787_200_000_000_000 + Int64(g.next() % 86_400_000_000_000)
            var r = Cat021Target(
                timeNs: t, receptionNs: t + Int64(g.next() % 500_000_000), address: UInt32(g.next() % 0x100_0000),
                latitudeDeg: g.uniform(-90, 90), longitudeDeg: g.uniform(-180, 180), highResolution: g.uniform() < 0.6)
            if g.uniform() < 0.8 { r.geometricHeightM = g.uniform(-500, 70_000) }
            if g.uniform() < 0.8 { r.flightLevel = g.uniform(-30, 1600) }
            if g.uniform() < 0.8 {
                r.groundSpeedMps = g.uniform(0, 4000)
                r.trackDeg = g.uniform(-20, 380)
            }
            if g.uniform() < 0.8 { r.callsign = AsterixCallsign(String((0..<8).map { _ in letters[Int(g.next() % 37)] })) }
            if g.uniform() < 0.8 { r.emitterCategory = UInt8(g.next() % 25) }
            r.simulated = g.uniform() < 0.1
            sent.append(r)
        }
        var sink = RoundTripSink()
        var decoder = AsterixDecoder()
        // Blocks of 500 records: LEN is 16 bits.
        for start in stride(from: 0, to: sent.count, by: 500) {
            bytes.removeAll(keepingCapacity: true)
            encoder.appendBlock(sent[start..<min(start + 500, sent.count)], to: &bytes)
            decoder.decode(bytes, into: &sink)
        }
        #expect(decoder.rejections.total == 0)
        try? #require(sink.reports.count == sent.count)
        for (s, d) in zip(sent, sink.reports) {
            #expect(d.sac == 25 && d.sic == 99 && d.address == s.address && d.isSimulated == s.simulated)
            #expect(d.descriptor1 >> 5 == 1, "ATP: 24-bit ICAO address")
            #expect(d.positionTime128 == AsterixTime.timeOfDay128(ofNs: s.timeNs))
            let lsb = s.highResolution ? 180.0 / 1_073_741_824 : 180.0 / 8_388_608
            #expect(d.present.contains(.positionHighRes) == s.highResolution)
            #expect(near(d.latitudeDeg, clamp(s.latitudeDeg, -180, 180 - lsb), lsb: lsb))
            #expect(near(d.longitudeDeg, clamp(s.longitudeDeg, -180, 180 - lsb), lsb: lsb))
            #expect(d.present.contains(.geometricHeight) == (s.geometricHeightM != nil))
            if let h = s.geometricHeightM {
                #expect(near(d.geometricHeightFt, clamp(h / 0.3048, -32_768 * 6.25, 32_767 * 6.25), lsb: 6.25))
            }
            if let fl = s.flightLevel { #expect(near(d.flightLevel, clamp(fl, -15, 1500), lsb: 0.25)) }
            #expect(d.present.contains(.groundVector) == (s.groundSpeedMps != nil))
            if let gs = s.groundSpeedMps, let track = s.trackDeg {
                let maxNMps = 32_767.0 / 16_384
                #expect(near(d.groundSpeedNMps * 1852, clamp(gs, 0, maxNMps * 1852), lsb: 1852.0 / 16_384))
                #expect(d.groundSpeedRangeExceeded == (gs / 1852 * 16_384 > 32_767.5))
                #expect(angleNear(d.trackAngleDeg, track, lsb: 360.0 / 65_536))
            }
            if let c = s.callsign { #expect(d.callsign == c) }
            #expect(d.present.contains(.emitterCategory) == (s.emitterCategory != nil))
            if let e = s.emitterCategory { #expect(d.emitterCategory == e) }
        }
    }

    @Test func encodingAppendsWithoutReallocatingAReservedBuffer() {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        let base = bytes.withUnsafeBufferPointer { $0.baseAddress }
        let d = Cat048Detection(timeNs: 1, rangeM: 1000, azimuthDeg: 1, heightM: 100, rangeRateMps: 3, amplitudeDbm: -60, address: 0xABCDEF)
        for _ in 0..<40 { Cat048Encoder(sac: 1, sic: 1).appendBlock(CollectionOfOne(d), to: &bytes) }
        #expect(bytes.withUnsafeBufferPointer { $0.baseAddress } == base)
    }
}

/// Collects decoded records (test only).
struct RoundTripSink: AsterixSink {
    var plots: [Cat048Plot] = []
    var messages: [Cat034Message] = []
    var reports: [Cat021Report] = []
    mutating func receive(_ plot: Cat048Plot, record: UnsafeRawBufferPointer) { plots.append(plot) }
    mutating func receive(_ message: Cat034Message, record: UnsafeRawBufferPointer) { messages.append(message) }
    mutating func receive(_ report: Cat021Report, record: UnsafeRawBufferPointer) { reports.append(report) }
}
