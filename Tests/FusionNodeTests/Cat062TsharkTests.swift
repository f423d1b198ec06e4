import Foundation
import FusionCore
import FusionNode
import Simulation
import Testing
import WireFormats

/// The CAT062 we write, as Wireshark 4.0 reads it: no malformed packet, no
/// expert error, and the values it prints are the ones we encoded.
@Suite(.enabled(if: TestPaths.tool("tshark") != nil, "tshark not installed"))
struct Cat062TsharkTests {
    @Test func tsharkDecodesOurCat062WithoutErrorsAndSameValues() throws {
        var g = SeededGenerator(seed: 2062)
        let encoder = Cat062Encoder(sac: 25, sic: 100, serviceId: 7)
        let statuses: [Cat062Track.Status] = [[], .tentative, .coasting, [.simulated, .first], .last]
        var sent: [Cat062Track] = []
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("cat062.pcap").path
        do {
            var writer = try PcapWriter(path: path)
            for k in 0..<50 {
                let t0: Int64 = 1_763_700_000_000_000_000 + Int64(k) * 1_000_000_000
                var tracks: [Cat062Track] = []
                for _ in 0..<(1 + k % 3) {
                    tracks.append(Cat062Track(
                        trackNumber: UInt16(g.next() % 4096), timeNs: t0 + Int64(g.next() % 1_000_000_000),
                        latitudeDeg: g.uniform(-89, 89), longitudeDeg: g.uniform(-179, 179),
                        xM: g.uniform(-100_000, 100_000), yM: g.uniform(-100_000, 100_000),
                        altitudeM: g.uniform(0, 12_000), veMps: g.uniform(-250, 250), vnMps: g.uniform(-250, 250),
                        sigmaXM: g.uniform(0, 500), sigmaYM: g.uniform(0, 500), sigmaAltM: g.uniform(0, 300),
                        sigmaVelMps: g.uniform(0, 50), status: statuses[k % statuses.count],
                        targetClass: TargetClass(rawValue: UInt8(k % 4))!))
                }
                var bytes: [UInt8] = []
                encoder.appendBlock(tracks, to: &bytes)
                writer.write(bytes, from: IPEndpoint("10.0.0.1", port: 40000)!, to: IPEndpoint("10.0.0.2", port: 4062)!, timeNs: t0)
                sent += tracks
            }
        }
        let tshark = TestPaths.tool("tshark")!
        let decodeAs = "udp.port==4062,asterix"
        // Malformed packets and expert errors, counted by tshark itself.
        let bad = try TestPaths.run(tshark, ["-r", path, "-d", decodeAs, "-Y", "_ws.malformed || _ws.expert.severity >= 8388608"])
        #expect(String(decoding: bad, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        let json = try TestPaths.run(tshark, ["-r", path, "-d", decodeAs, "-T", "json", "--no-duplicate-keys", "-J", "asterix"])
        let records = try TsharkGolden.records(json: json)
        try #require(records.count == sent.count)
        for (t, r) in zip(sent, records) {
            let n = { (k: String) in Double(r["062_" + k] ?? "") ?? .nan }
            func near(_ key: String, _ v: Double, _ lsb: Double) {
                #expect(abs(n(key) - v) <= lsb / 2 + 1e-6, "\(key): tshark \(n(key)) encoded \(v)")
            }
            #expect(r.category == 62)
            #expect(r["062_010_SAC"] == "0x19" && r["062_010_SIC"] == "0x64" && n("015_VALUE") == 7)
            #expect(n("040_VALUE") == Double(t.trackNumber))
            near("070_VALUE", Double(AsterixTime.timeOfDay128(ofNs: t.timeNs)) / 128, 1e-9)
            near("105_LAT", t.latitudeDeg, Cat062Scale.wgs84Deg)
            near("105_LON", t.longitudeDeg, Cat062Scale.wgs84Deg)
            near("100_X", t.xM, 0.5)
            near("100_Y", t.yM, 0.5)
            near("185_VX", t.veMps, 0.25)
            near("185_VY", t.vnMps, 0.25)
            near("130_VALUE", t.altitudeM / 0.3048, 6.25)
            near("500_APC_X", t.sigmaXM, 0.5)
            near("500_APC_Y", t.sigmaYM, 0.5)
            near("500_AGA_VALUE", t.sigmaAltM / 0.3048, 6.25)
            near("500_ATV_X", t.sigmaVelMps, 0.25)
            #expect(n("080_CNF") == (t.status.contains(.tentative) ? 1 : 0))
            #expect(n("080_SIM") == (t.status.contains(.simulated) ? 1 : 0) || r["062_080_SIM"] == nil && !t.status.contains(.simulated))
            #expect(r["062_080_CST"] == nil ? !t.status.contains(.coasting) : n("080_CST") == 1)
            #expect(r.fields["asterix.062_SP"] != nil)
        }
    }
}
