import Foundation
import FusionNode
import Simulation
import Testing
import WireFormats

/// The CAT048, CAT034 and CAT021 we write, as Wireshark 4.0 reads them: no
/// malformed packet, no expert error, and the values it prints are the ones
/// our encoders were given, within each item's resolution.
@Suite(.enabled(if: TestPaths.tool("tshark") != nil, "tshark not installed"))
struct AsterixEncoderTsharkTests {
    func near(_ a: Double, _ b: Double, lsb: Double) -> Bool { abs(a - b) <= lsb / 2 + 1e-6 }
    func angleNear(_ a: Double, _ b: Double, lsb: Double) -> Bool {
        var d = (a - b).truncatingRemainder(dividingBy: 360)
        if d > 180 { d -= 360 }
        if d < -180 { d += 360 }
        return abs(d) <= lsb / 2 + 1e-6
    }

    @Test func tsharkDecodesOurRadarAndADSBRecordsWithoutErrorsAndSameValues() throws {
        var g = SeededGenerator(seed: 4821)
        let t0: Int64 = 1_794_787_200_000_000_000
        var plots: [Cat048Detection] = []
        var markers: [Cat034Service] = []
        var reports: [Cat021Target] = []
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("radar.pcap").path
        do {
            var writer = try PcapWriter(path: path)
            let radar = IPEndpoint("127.0.0.10", port: 40010)!, node48 = IPEndpoint("127.0.0.1", port: 4048)!
            let station = IPEndpoint("127.0.0.2", port: 40002)!, node21 = IPEndpoint("127.0.0.1", port: 4021)!
            var bytes: [UInt8] = []
            for k in 0..<60 {
                let scanNs = t0 + Int64(k) * 1_000_000_000
                let m = Cat034Service(
                    kind: k % 4 == 3 ? .sectorCrossing : .northMarker, timeNs: scanNs,
                    sectorDeg: k % 4 == 3 ? g.uniform(0, 360) : nil, antennaPeriodS: g.uniform(0.5, 12),
                    position: .init(latitudeDeg: g.uniform(-89, 89), longitudeDeg: g.uniform(-179, 179), heightMSLM: g.uniform(-50, 3000)))
                bytes.removeAll(keepingCapacity: true)
                Cat034Encoder(sac: 25, sic: 1).appendBlock(m, to: &bytes)
                writer.write(bytes, from: radar, to: node48, timeNs: scanNs + 1_000_000)
                markers.append(m)
                var batch: [Cat048Detection] = []
                for _ in 0..<(1 + k % 5) {
                    var d = Cat048Detection(
                        timeNs: scanNs + Int64(g.next() % 1_000_000_000), rangeM: g.uniform(150, 40_000),
                        azimuthDeg: g.uniform(0, 360))
                    if g.uniform() < 0.6 { d.heightM = g.uniform(0, 9000) }
                    if g.uniform() < 0.6 { d.rangeRateMps = g.uniform(-300, 300) }
                    d.rangeRateDoubtful = g.uniform() < 0.3
                    d.amplitudeDbm = g.uniform(-140, 0)  // some below -128: clamped
                    if g.uniform() < 0.3 {
                        d.address = UInt32(g.next() % 0xFF_FFFF) + 1
                        d.flightLevel = g.uniform(0, 400)
                    }
                    if g.uniform() < 0.2 { d.mode3A = UInt16(g.next() % 8) * 1000 + UInt16(g.next() % 8) * 10 + 7 }
                    if g.uniform() < 0.2 { d.trackNumber = UInt16(g.next() % 4096) }
                    d.simulated = g.uniform() < 0.2
                    batch.append(d)
                }
                bytes.removeAll(keepingCapacity: true)
                Cat048Encoder(sac: 25, sic: 1).appendBlock(batch, to: &bytes)
                writer.write(bytes, from: radar, to: node48, timeNs: scanNs + 999_000_000)
                plots += batch
                let r = Cat021Target(
                    timeNs: scanNs + 500_000_000, receptionNs: scanNs + 560_000_000, address: UInt32(g.next() % 0xFF_FFFF),
                    latitudeDeg: g.uniform(-89, 89), longitudeDeg: g.uniform(-179, 179), highResolution: k % 2 == 0,
                    geometricHeightM: g.uniform(0, 12_000), flightLevel: g.uniform(0, 400), groundSpeedMps: g.uniform(0, 300),
                    trackDeg: g.uniform(0, 360), callsign: AsterixCallsign("SKY\(k)"), emitterCategory: UInt8(k % 21),
                    simulated: k % 7 == 0)
                bytes.removeAll(keepingCapacity: true)
                Cat021Encoder(sac: 25, sic: 99).appendBlock(r, to: &bytes)
                writer.write(bytes, from: station, to: node21, timeNs: scanNs + 570_000_000)
                reports.append(r)
            }
        }
        let tshark = TestPaths.tool("tshark")!
        let decodeAs = ["-d", "udp.port==4048,asterix", "-d", "udp.port==4021,asterix"]
        let bad = try TestPaths.run(tshark, ["-r", path] + decodeAs + ["-Y", "_ws.malformed || _ws.expert.severity >= 8388608"])
        #expect(String(decoding: bad, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        let json = try TestPaths.run(tshark, ["-r", path] + decodeAs + ["-T", "json", "--no-duplicate-keys", "-J", "asterix"])
        let records = try TsharkGolden.records(json: json)
        let r48 = records.filter { $0.category == 48 }, r34 = records.filter { $0.category == 34 }
        let r21 = records.filter { $0.category == 21 }
        try #require(r48.count == plots.count && r34.count == markers.count && r21.count == reports.count)

        for (d, r) in zip(plots, r48) {
            let n = { (k: String) in Double(r["048_" + k] ?? "") ?? .nan }
            #expect(r["048_010_SAC"] == "0x19" && r["048_010_SIC"] == "0x01")
            #expect(near(n("140_VALUE"), Double(AsterixTime.timeOfDay128(ofNs: d.timeNs)) / 128, lsb: 1e-9))
            #expect(n("020_TYP") == Double(d.typ) && n("020_SIM") == (d.simulated ? 1 : 0))
            #expect(near(n("040_RHO") * 1852, d.rangeM, lsb: 1852.0 / 256), "RHO \(n("040_RHO")) NM for \(d.rangeM) m")
            #expect(angleNear(n("040_THETA"), d.azimuthDeg, lsb: 360.0 / 65_536))
            #expect(near(n("130_PAM_VALUE"), min(max(d.amplitudeDbm!, -128), 127), lsb: 1))
            #expect(r.has("048_110") == (d.heightM != nil))
            if let h = d.heightM { #expect(near(n("110_3DH"), h / 0.3048, lsb: 25)) }
            #expect(r.has("048_120") == (d.rangeRateMps != nil))
            if let rr = d.rangeRateMps {
                #expect(near(n("120_CAL_CAL"), rr, lsb: 1))
                #expect(n("120_CAL_D") == (d.rangeRateDoubtful ? 1 : 0))
            }
            #expect(r.has("048_220") == (d.address != nil))
            if let a = d.address { #expect(r["048_220_VALUE"] == "0x" + hex(a, 6)) }
            if let fl = d.flightLevel { #expect(near(n("090_FL"), fl, lsb: 0.25)) }
            if let c = d.mode3A { #expect(r["048_070_MODE3A"].flatMap { Int($0) }.map { String($0, radix: 8) } == String(c)) }
            if let t = d.trackNumber { #expect(n("161_TRN") == Double(t)) }
        }
        for (m, r) in zip(markers, r34) {
            let n = { (k: String) in Double(r["034_" + k] ?? "") ?? .nan }
            #expect(r["034_010_SAC"] == "0x19" && n("000_VALUE") == Double(m.kind.rawValue))
            #expect(near(n("030_VALUE"), Double(AsterixTime.timeOfDay128(ofNs: m.timeNs)) / 128, lsb: 1e-9))
            #expect(near(n("041_VALUE"), m.antennaPeriodS!, lsb: 1.0 / 128))
            #expect(r.has("034_020") == (m.sectorDeg != nil))
            if let s = m.sectorDeg { #expect(angleNear(n("020_VALUE"), s, lsb: 360.0 / 256)) }
            let p = m.position!
            // The spec makes the height two's complement (our decoder reads it
            // so); Wireshark 4.0 prints the 16 bits unsigned, so a site below
            // MSL shows as 65536 + h there.
            let h = p.heightMSLM.rounded() < 0 ? p.heightMSLM + 65_536 : p.heightMSLM
            #expect(near(n("120_HGT"), h, lsb: 1))
            #expect(near(n("120_LAT"), p.latitudeDeg, lsb: 180.0 / 8_388_608))
            #expect(near(n("120_LON"), p.longitudeDeg, lsb: 180.0 / 8_388_608))
        }
        for (t, r) in zip(reports, r21) {
            let n = { (k: String) in Double(r["021_" + k] ?? "") ?? .nan }
            #expect(r["021_010_SIC"] == "0x63" && n("040_ATP") == 1)
            #expect(n("040_SIM") == (t.simulated ? 1 : 0) || (!t.simulated && r["021_040_SIM"] == nil))
            #expect(near(n("071_VALUE"), Double(AsterixTime.timeOfDay128(ofNs: t.timeNs)) / 128, lsb: 1e-9))
            #expect(near(n("073_VALUE"), Double(AsterixTime.timeOfDay128(ofNs: t.receptionNs)) / 128, lsb: 1e-9))
            let item = t.highResolution ? "131" : "130"
            let lsb = t.highResolution ? 180.0 / 1_073_741_824 : 180.0 / 8_388_608
            #expect(near(n(item + "_LAT"), t.latitudeDeg, lsb: lsb) && near(n(item + "_LON"), t.longitudeDeg, lsb: lsb))
            #expect(r["021_080_VALUE"] == "0x" + hex(t.address, 6))
            #expect(near(n("140_VALUE"), t.geometricHeightM! / 0.3048, lsb: 6.25))
            #expect(near(n("145_VALUE"), t.flightLevel!, lsb: 0.25))
            #expect(near(n("160_GS") * 1852, t.groundSpeedMps!, lsb: 1852.0 / 16_384))
            #expect(angleNear(n("160_TA"), t.trackDeg!, lsb: 360.0 / 65_536))
            #expect(r["021_170_VALUE"] == t.callsign!.text)
            #expect(n("020_VALUE") == Double(t.emitterCategory!))
        }
    }

    func hex(_ v: UInt32, _ digits: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
