import FusionCore
import Simulation
import Testing
import WireFormats

@Suite struct Cat062RoundTripTests {
    static func randomTrack(_ g: inout SeededGenerator) -> Cat062Track {
        let statuses: [Cat062Track.Status] = [[], .tentative, .coasting, [.simulated, .first], [.last, .coasting]]
        return Cat062Track(
            trackNumber: UInt16(truncatingIfNeeded: g.next()),
            timeNs: 1_700_000_000_000_000_000 + Int64(g.next() % 1_000_000_000_000_000),
            latitudeDeg: g.uniform(-90, 90), longitudeDeg: g.uniform(-180, 180),
            xM: g.uniform(-200_000, 200_000), yM: g.uniform(-200_000, 200_000),
            altitudeM: g.uniform(-400, 15_000),
            veMps: g.uniform(-300, 300), vnMps: g.uniform(-300, 300),
            sigmaXM: g.uniform(0, 2_000), sigmaYM: g.uniform(0, 2_000),
            sigmaAltM: g.uniform(0, 400), sigmaVelMps: g.uniform(0, 60),
            status: statuses[Int(g.next() % UInt64(statuses.count))],
            targetClass: TargetClass(rawValue: UInt8(g.next() % 4))!)
    }

    /// decode(encode(x)) == x within half an LSB of every item.
    @Test func decodeOfEncodeIsIdentityWithinResolution() throws {
        var g = SeededGenerator(seed: 62)
        let encoder = Cat062Encoder(sac: 25, sic: 77, serviceId: 3)
        var block: [UInt8] = []
        var checked = 0
        for round in 0..<200 {
            let tracks = (0..<(1 + round % 40)).map { _ in Self.randomTrack(&g) }
            block.removeAll(keepingCapacity: true)
            encoder.appendBlock(tracks, to: &block)
            #expect(Int(block[1]) << 8 | Int(block[2]) == block.count, "LEN counts the block")
            var rejections = AsterixRejectionCounts()
            var decoded: [Cat062Track] = []
            Cat062Decoder.decode(block, referenceNs: tracks[0].timeNs, rejections: &rejections) { decoded.append($0) }
            #expect(rejections.total == 0)
            try #require(decoded.count == tracks.count)
            for (a, b) in zip(tracks, decoded) {
                // The decode reference is the first track's time; tracks are
                // spread over ~11 days, so compare time of day only.
                #expect(AsterixTime.timeOfDay128(ofNs: a.timeNs) == AsterixTime.timeOfDay128(ofNs: b.timeNs))
                #expect(a.trackNumber == b.trackNumber && a.status == b.status && a.targetClass == b.targetClass)
                let s = Cat062Scale.self
                let pairs: [(Double, Double, Double)] = [
                    (a.latitudeDeg, b.latitudeDeg, s.wgs84Deg), (a.longitudeDeg, b.longitudeDeg, s.wgs84Deg),
                    (a.xM, b.xM, s.cartesianM), (a.yM, b.yM, s.cartesianM), (a.altitudeM, b.altitudeM, s.altitudeM),
                    (a.veMps, b.veMps, s.velocityMps), (a.vnMps, b.vnMps, s.velocityMps),
                    (a.sigmaXM, b.sigmaXM, s.accuracyM), (a.sigmaYM, b.sigmaYM, s.accuracyM),
                    (a.sigmaAltM, b.sigmaAltM, s.altitudeM), (a.sigmaVelMps, b.sigmaVelMps, s.velocityMps),
                ]
                for (k, (x, y, lsb)) in pairs.enumerated() {
                    #expect(abs(x - y) <= lsb / 2 + 1e-9, "field \(k): \(x) vs \(y)")
                }
                checked += 1
            }
        }
        #expect(checked > 3_000)
    }

    @Test func timeDecodesToTheSameInstantNearTheReference() throws {
        var g = SeededGenerator(seed: 5)
        for _ in 0..<1_000 {
            let t = Self.randomTrack(&g)
            var bytes: [UInt8] = []
            Cat062Encoder(sac: 1, sic: 2).appendBlock([t], to: &bytes)
            var rejections = AsterixRejectionCounts()
            var out: Cat062Track?
            Cat062Decoder.decode(bytes, referenceNs: t.timeNs + 3_600_000_000_000, rejections: &rejections) { out = $0 }
            let back = try #require(out)
            #expect(abs(back.timeNs - t.timeNs) <= AsterixTime.tickNs / 2)
        }
    }

    @Test func valuesBeyondRangeClampInsteadOfWrapping() throws {
        var g = SeededGenerator(seed: 1)
        var t = Self.randomTrack(&g)
        t.xM = 1e9
        t.veMps = -1e6
        t.sigmaXM = 1e9
        var bytes: [UInt8] = []
        Cat062Encoder(sac: 1, sic: 2).appendBlock([t], to: &bytes)
        var rejections = AsterixRejectionCounts()
        var out: Cat062Track?
        Cat062Decoder.decode(bytes, referenceNs: t.timeNs, rejections: &rejections) { out = $0 }
        let back = try #require(out)
        #expect(back.xM > 4_000_000)
        #expect(back.veMps < -8_000)
        #expect(back.sigmaXM > 30_000)
    }
}
