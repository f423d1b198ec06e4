import Foundation
import FusionCore
import Simulation
import Testing
import WireFormats

extension WireTestKit {
    static func track(_ rng: inout SeededGenerator, _ cls: TargetClass) -> CoTTrack {
        let t = Int64.random(in: 1_700_000_000_000_000_000...1_900_000_000_000_000_000, using: &rng)
        let a = Double.random(in: 1...2500, using: &rng)
        let b = Double.random(in: 1...2500, using: &rng)
        return CoTTrack(
            nodeId: UInt32.random(in: 0...99, using: &rng), trackId: UInt32.random(in: 0...100_000, using: &rng),
            timeNs: t, staleNs: t + 3_000_000_000,
            latitudeDeg: Double.random(in: -90...90, using: &rng), longitudeDeg: Double.random(in: -180...180, using: &rng),
            altitudeM: Double.random(in: -100...12_000, using: &rng),
            velocityEastMps: Double.random(in: -250...250, using: &rng),
            velocityNorthMps: Double.random(in: -250...250, using: &rng),
            velocityUpMps: Double.random(in: -20...20, using: &rng),
            covEastEastM2: a, covNorthNorthM2: b,
            covEastNorthM2: Double.random(in: -0.9...0.9, using: &rng) * (a * b).squareRoot(),
            covUpUpM2: Double.random(in: 1...900, using: &rng), targetClass: cls,
            pUncrewed: Double.random(in: 0...1, using: &rng),
            status: Bool.random(using: &rng) ? .confirmed : .coasting,
            sources: TrackSources(rawValue: UInt8.random(in: 0...15, using: &rng)))
    }

    /// The value of `name="..."` in the first tag that has it.
    static func attribute(_ name: String, in xml: String) -> String? {
        guard let r = xml.range(of: " \(name)=\"") else { return nil }
        let rest = xml[r.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static let xmllint = which("xmllint")
    static var canValidateCoT: Bool { xmllint != nil && hasCoTSchema }

    /// Validates each document against the MITRE base-event schema with one xmllint run.
    static func validateCoT(_ documents: [[UInt8]]) throws -> RunResult {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for (i, d) in documents.enumerated() {
            let url = dir.appendingPathComponent("event\(i).xml")
            try Data(d).write(to: url)
            paths.append(url.path)
        }
        return try run(xmllint!, ["--noout", "--schema", cotSchema.path] + paths)
    }
}

@Suite("CoT writer")
struct CoTWriterTests {
    @Test("track events of every class validate against the MITRE CoT schema",
          .enabled(if: WireTestKit.canValidateCoT, "xmllint or shared/data/atak-cot missing: skipped"))
    func tracksValidate() throws {
        var rng = SeededGenerator(seed: 0xC07_0001)
        var writer = CoTWriter()
        var docs: [[UInt8]] = []
        for cls in TargetClass.allCases {
            for _ in 0..<25 {
                try writer.writeTrack(WireTestKit.track(&rng, cls))
                docs.append(writer.bytes)
            }
        }
        // Edge values: poles, antimeridian, NaN covariance and velocity.
        var edge = WireTestKit.track(&rng, .uncrewed)
        edge.latitudeDeg = -90
        edge.longitudeDeg = 180
        edge.covEastEastM2 = .nan
        edge.covUpUpM2 = -1
        edge.velocityEastMps = .infinity
        try writer.writeTrack(edge)
        docs.append(writer.bytes)
        let result = try WireTestKit.validateCoT(docs)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("fails to validate"))
    }

    @Test("negative control: xmllint does reject an event that breaks the schema",
          .enabled(if: WireTestKit.canValidateCoT, "xmllint or shared/data/atak-cot missing: skipped"))
    func schemaBites() throws {
        var rng = SeededGenerator(seed: 0xC07_0006)
        var writer = CoTWriter()
        try writer.writeTrack(WireTestKit.track(&rng, .uncrewed))
        let good = String(decoding: writer.bytes, as: UTF8.self)
        let lat = WireTestKit.attribute("lat", in: good)!
        let badLat = good.replacingOccurrences(of: "lat=\"\(lat)\"", with: "lat=\"91.0\"")
        let noHow = good.replacingOccurrences(of: " how=\"m-f\"", with: "")
        for bad in [badLat, noHow] {
            #expect(bad != good)
            let r = try WireTestKit.validateCoT([Array(bad.utf8)])
            #expect(r.status != 0)
        }
    }

    @Test("type follows class; a crewed track is never hostile")
    func typeByClass() throws {
        var rng = SeededGenerator(seed: 0xC07_0002)
        var writer = CoTWriter()
        for cls in TargetClass.allCases {
            for _ in 0..<200 {
                let t = WireTestKit.track(&rng, cls)
                try writer.writeTrack(t)
                let xml = String(decoding: writer.bytes, as: UTF8.self)
                let type = WireTestKit.attribute("type", in: xml)
                #expect(type == "\(CoTTrackType.type(for: cls))")
                #expect(WireTestKit.attribute("uid", in: xml) == "SKYCUE-\(t.nodeId)-\(t.trackId)")
                #expect(WireTestKit.attribute("how", in: xml) == "m-f")
                #expect(WireTestKit.attribute("class", in: xml) == cls.reportName)
                if cls != .uncrewed { #expect(type?.hasPrefix("a-h") == false) }
            }
        }
        #expect("\(CoTTrackType.type(for: .uncrewed))" == "a-h-A-M-F-Q")
        #expect("\(CoTTrackType.type(for: .crewed))".hasPrefix("a-n-A"))
    }

    @Test("ce is the 1-sigma major semi-axis, le the vertical sigma")
    func errors() {
        #expect(CoTTrackType.circularError(ee: 400, nn: 100, en: 0) == 20)
        #expect(abs(CoTTrackType.circularError(ee: 100, nn: 100, en: 99) - (199.0).squareRoot()) < 1e-12)
        #expect(CoTTrackType.circularError(ee: .nan, nn: 1, en: 0) == CoTTrackType.unknownError)
        #expect(CoTTrackType.linearError(uu: 225) == 15)
        #expect(CoTTrackType.linearError(uu: -1) == CoTTrackType.unknownError)
    }

    @Test("a track with an invalid position is refused, not written")
    func badPosition() {
        var rng = SeededGenerator(seed: 0xC07_0003)
        var writer = CoTWriter()
        var t = WireTestKit.track(&rng, .bird)
        t.latitudeDeg = 91
        #expect(throws: CoTWriteError.badPosition) { try writer.writeTrack(t) }
        t.latitudeDeg = .nan
        #expect(throws: CoTWriteError.badPosition) { try writer.writeTrack(t) }
    }

    static func cotCue(_ rng: inout SeededGenerator, kind: CueKind, zone: String, interceptor: String) -> CoTCue {
        var cue = WireTestKit.cue(&rng)
        cue.kind = kind
        cue.timeNs = Int64.random(in: 1_700_000_000_000_000_000...1_900_000_000_000_000_000, using: &rng)
        cue.altitudeM = Double.random(in: 0...5000, using: &rng)
        cue.sigmaHorizontalM = Double.random(in: 1...500, using: &rng)
        cue.sigmaVerticalM = Double.random(in: 1...500, using: &rng)
        cue.velocityEastMps = Double.random(in: -80...80, using: &rng)
        if var i = cue.intercept {
            i.altitudeM = 300
            i.timeNs = cue.timeNs + 40_000_000_000
            cue.intercept = i
        }
        if cue.zoneEntryTimeNs != nil { cue.zoneEntryTimeNs = cue.timeNs + 90_000_000_000 }
        return CoTCue(cue: cue, zoneName: zone, interceptorName: interceptor, staleNs: cue.timeNs + 10_000_000_000)
    }

    @Test("cue events validate, escape names, and keep one uid per engagement",
          .enabled(if: WireTestKit.canValidateCoT, "xmllint or shared/data/atak-cot missing: skipped"))
    func cuesValidate() throws {
        var rng = SeededGenerator(seed: 0xC07_0004)
        var writer = CoTWriter()
        var docs: [[UInt8]] = []
        let nasty = "A&B <\"Z'one\">\t\u{1}Ü"
        for kind in CueKind.allCases {
            for names in [("CITY", "IDR-1"), (nasty, nasty)] {
                for _ in 0..<10 {
                    let c = Self.cotCue(&rng, kind: kind, zone: names.0, interceptor: names.1)
                    try writer.writeCue(c)
                    docs.append(writer.bytes)
                    let xml = String(decoding: writer.bytes, as: UTF8.self)
                    let uid = "SKYCUE-\(c.cue.nodeId)-CUE-\(c.cue.trackId)-\(c.cue.interceptorIndex)"
                    #expect(WireTestKit.attribute("uid", in: xml) == uid)
                    #expect(WireTestKit.attribute("type", in: xml) == (kind == .cancel ? "t-u-z" : "t-k-t"))
                    #expect(xml.contains("<link uid=\"SKYCUE-\(c.cue.nodeId)-\(c.cue.trackId)\""))
                    #expect(!xml.contains(nasty))
                    if kind == .cancel {
                        #expect(WireTestKit.attribute("stale", in: xml) == WireTestKit.attribute("time", in: xml))
                    }
                }
            }
        }
        let result = try WireTestKit.validateCoT(docs)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("escaped names read back as the original text (python3 ElementTree)",
          .enabled(if: WireTestKit.which("python3") != nil, "python3 missing: skipped"))
    func escapingRoundTrip() throws {
        var rng = SeededGenerator(seed: 0xC07_0005)
        var writer = CoTWriter()
        let zone = "Z&<>\"'\t\nÜ-🛸"
        try writer.writeCue(Self.cotCue(&rng, kind: .new, zone: zone, interceptor: "I<1>"))
        let script = """
            import sys, xml.etree.ElementTree as ET
            e = ET.fromstring(sys.stdin.buffer.read())
            c = e.find('detail/skycue_cue')
            sys.stdout.write(c.get('zone') + '|' + c.get('interceptor'))
            """
        let r = try WireTestKit.run(WireTestKit.which("python3")!, ["-c", script], stdin: Data(writer.bytes))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == zone + "|I<1>")
    }
}
