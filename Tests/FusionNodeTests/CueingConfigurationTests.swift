import Cueing
import Foundation
import FusionNode
import Testing
import WireFormats

/// The site file's `cueing` section reaches the cueing engine and changes
/// what the node sends: the same 40 s of a radar drone and an ADS-B drone
/// (declaring itself a UAV, about 85 s from the zone at the start) run
/// through pipelines configured differently.
@Suite struct CueingConfigurationTests {
    typealias S = SyntheticSite

    /// SyntheticSite's file with `cueing` set to `section`.
    static func configuration(cueing section: [String: Any]) throws -> SiteConfiguration {
        var tree = try #require(try JSONSerialization.jsonObject(with: Data(S.json.utf8)) as? [String: Any])
        tree["cueing"] = section
        return try SiteConfiguration.parse(try JSONSerialization.data(withJSONObject: tree))
    }

    /// Every cue line the pipeline writes over the scenario.
    static func cues(_ c: SiteConfiguration) throws -> [CueMessage] {
        var pipeline = try NodePipeline(configuration: c, origin: S.origin)
        #expect(pipeline.cueingParameters.nodeId == c.node.id)
        var sink = CollectingNodeSink()
        for d in try PipelineAllocationChild.datagrams(frame: pipeline.frame, acoustic: false) {
            while let due = pipeline.nextDueNs, due <= d.at { pipeline.tick(nowNs: due, sink: &sink) }
            pipeline.receive(datagram: d.bytes, destinationPort: d.port, arrivalNs: d.at, sink: &sink)
        }
        return sink.cueLines.map(\.cue)
    }

    /// Shortest time between two cue messages (new or update) of one track.
    static func shortestGapNs(_ cues: [CueMessage]) -> Int64? {
        var last: [UInt32: Int64] = [:], shortest: Int64?
        for cue in cues where cue.kind != .cancel {
            if let before = last[cue.trackId] { shortest = min(shortest ?? .max, cue.timeNs - before) }
            last[cue.trackId] = cue.timeNs
        }
        return shortest
    }

    @Test func theFilesSectionIsWhatTheEngineUses() throws {
        let c = try SiteConfiguration.load(contentsOf: ConfigFixtures.sitePath("full-example.json"))
        let pipeline = try NodePipeline(configuration: c, origin: S.origin)
        var expected = c.cueing
        expected.nodeId = c.node.id
        #expect(pipeline.cueingParameters == expected)
        #expect(c.cueing != CueingParameters(), "the example sets its own values")
    }

    @Test func aShortHorizonHoldsTheCueBack() throws {
        let defaults = try Self.cues(try S.configuration())
        #expect(defaults.contains { $0.kind == .new }, "with 600 s the UAV is cued")
        // With 10 s the UAV, about 45 s from the zone when the data ends, is no threat yet.
        let short = try Self.cues(try Self.configuration(cueing: ["horizon_s": 10]))
        #expect(short.isEmpty, "\(short.count) cues")
    }

    @Test func theUpdateIntervalSpacesACuesUpdates() throws {
        let defaults = try Self.cues(try S.configuration())
        let fast = try #require(Self.shortestGapNs(defaults))
        #expect(fast < 3_000_000_000, "by default updates may come every second")
        let slow = try Self.cues(try Self.configuration(cueing: ["update_interval_s": 3]))
        #expect(slow.filter { $0.kind == .update }.count >= 3)
        #expect(try #require(Self.shortestGapNs(slow)) >= 3_000_000_000)
    }

    @Test func aReloadReplacesTheParameters() throws {
        var pipeline = try NodePipeline(configuration: try S.configuration(), origin: S.origin)
        #expect(pipeline.cueingParameters.horizonS == CueingParameters().horizonS)
        try pipeline.reloadCueing(from: try Self.configuration(cueing: ["horizon_s": 120, "max_coast_s": 3]))
        #expect(pipeline.cueingParameters.horizonS == 120 && pipeline.cueingParameters.maxCoastS == 3)
        #expect(pipeline.cueingParameters.nodeId == 7, "node.id stays")
    }
}
