import Foundation
import FusionCore
import FusionMath
import FusionNode
import Testing
import WireFormats

/// A real airliner's ADS-B under GNSS spoofing, through the node: THY9BP on
/// 2024-09-17 (OpenSky, ../shared/data/traffic-samples/noisy_spoofing),
/// cruising at FL380 and about 440 kt, whose reported position jumps 260 km
/// and then wanders round one spot at 50 kt for half an hour, with a 30 km
/// jump inside, before it jumps back to the aircraft's real track.
///
/// The spoofed stretch, moved so that its centre lies 3 km north of the
/// synthetic site, is sent as CAT021 (our encoder, one report per
/// datagram, emitter category 3: the reports carry none) into the node
/// with the synthetic site's configuration. A crewed aircraft whose
/// transponder's position is false must stay crewed, must never be cued,
/// and must not drag a track across the jump at a speed no aircraft flies.
@Suite struct SpoofedADSBTests {
    typealias S = SyntheticSite

    /// A spoofed report: an airliner's flight level with a speed below
    /// what keeps it in the air there (FL300 and up, under 100 kt).
    static func isSpoofed(_ s: RecordedFlight.Sample) -> Bool {
        s.altitudeM >= 9_000 && (s.groundSpeedMps ?? .infinity) < 100 * 0.514444
    }

    @Test(.enabled(if: TestPaths.hasData, "../shared/data missing: skipped"))
    func aSpoofedAirlinerIsNeverCuedNorDragged() throws {
        guard let flight = try RecordedFlight(name: "noisy_spoofing") else {
            Issue.record("noisy_spoofing: not readable (gzip missing?)")
            return
        }
        let spoofed = flight.samples.filter(Self.isSpoofed)
        try #require(spoofed.count >= 100, "the recording's spoofed stretch: \(spoofed.count) reports")
        let n = Double(spoofed.count)
        let centre = Geodetic(
            latitudeDeg: spoofed.map(\.latitudeDeg).reduce(0, +) / n,
            longitudeDeg: spoofed.map(\.longitudeDeg).reduce(0, +) / n, heightM: 0)
        let recordingFrame = LocalFrame(origin: centre)
        var pipeline = try NodePipeline(configuration: try S.configuration(), origin: S.origin)
        let frame = pipeline.frame
        // The stretch from 2 minutes before the first spoofed report to 2
        // minutes after the last, where it lies within 60 km of its centre
        // (the real track before and after is hundreds of km away).
        let firstNs = spoofed.first!.timeNs - 120_000_000_000
        let lastNs = spoofed.last!.timeNs + 120_000_000_000
        let shiftNs = S.startNs - firstNs
        var sink = CollectingNodeSink()
        var sent = 0
        var previous: Vector3? = nil
        var jumpsM: [Double] = []
        for s in flight.samples where s.timeNs >= firstNs && s.timeNs <= lastNs {
            let local = recordingFrame.enu(from: Geodetic(latitudeDeg: s.latitudeDeg, longitudeDeg: s.longitudeDeg, heightM: 0))
            guard Math.hypot(local.x, local.y) <= 60_000 else { continue }
            let p = frame.geodetic(fromENU: Vector3(local.x, local.y + 3_000, 0))
            if let previous { jumpsM.append((local - previous).norm) }
            previous = local
            let timeNs = s.timeNs + shiftNs
            let report = Cat021Target(
                timeNs: timeNs, address: 0x4B_AAC6, latitudeDeg: p.latitudeDeg, longitudeDeg: p.longitudeDeg,
                flightLevel: s.altitudeM / 0.3048 / 100, callsign: AsterixCallsign("THY9BP"), emitterCategory: 3)
            var bytes: [UInt8] = []
            Cat021Encoder(sac: 25, sic: 99).appendBlock(report, to: &bytes)
            NodePipelineTests.feed(&pipeline, &sink, bytes, port: S.adsbPort, at: timeNs + 200_000_000)
            sent += 1
        }
        NodePipelineTests.finish(&pipeline, &sink)

        let c = pipeline.counters
        #expect(c.cat021Records == UInt64(sent) && c.asterixRejections.total == 0)
        // The recording holds the jump it is about: 10 km or more between two reports.
        #expect(jumpsM.contains { $0 >= 10_000 }, "largest jump \(jumpsM.max() ?? 0) m")
        let lines = sink.trackLines.filter { $0.sources.contains(.adsb) }
        try #require(lines.count >= 100, "\(lines.count) track lines from ADS-B")
        let uncrewed = lines.filter { $0.targetClass == .uncrewed }
        #expect(uncrewed.isEmpty, "\(uncrewed.count) lines uncrewed, e.g. track \(uncrewed.first?.trackId ?? 0)")
        let crewed = lines.filter { $0.targetClass == .crewed }.count
        #expect(Double(crewed) >= 0.95 * Double(lines.count), "crewed \(crewed) of \(lines.count)")
        #expect(sink.cueLines.isEmpty, "\(sink.cueLines.count) cues")
        // No track is dragged across a jump: the reports say 50 kt, a track
        // pulled 10 km in a report interval would say hundreds of m/s.
        let fastest = lines.map { Math.hypot($0.velocityEastMps, $0.velocityNorthMps) }.max() ?? 0
        #expect(fastest <= 150, "fastest track from ADS-B: \(fastest) m/s")
        // A jump starts a new track; the old one coasts out. (OpenSky's
        // reports have gaps longer than the 10 s coast limit, so the
        // aircraft's picture is many short tracks, never two at once.)
        var alive: [Int64: Set<UInt32>] = [:]
        for l in lines { alive[l.timeNs / 1_000_000_000, default: []].insert(l.trackId) }
        let most = alive.values.map(\.count).max() ?? 0
        let tracks = Set(lines.map(\.trackId)).count
        print("spoofed THY9BP: \(sent) reports, \(lines.count) track lines on \(tracks) tracks, at most \(most) at once, fastest \(fastest) m/s, largest jump \(Int(jumpsM.max() ?? 0)) m")
        #expect(most <= 2, "\(most) ADS-B tracks of one aircraft at once")
    }
}
