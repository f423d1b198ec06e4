import Foundation
import FusionNode
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects the elements of an SVG as parsed by Foundation's XML parser.
final class SVGElements: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String] = []

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        elements.append((name, attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }

    /// Parses `svg`; nil when it is not well-formed XML.
    static func parse(_ svg: String) -> SVGElements? {
        let collector = SVGElements()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

@Suite("AirPicture")
struct ReportAirPictureTests {
    func picture() throws -> (svg: String, files: (dir: String, truth: String)) {
        let files = try ReportScenario.write()
        let svg = try AirPicture.render(site: try ReportScenario.site(), outDir: files.dir, truthPath: files.truth)
        return (svg, files)
    }

    @Test("the SVG is well-formed, with one path per track, one polyline per truth and the zone names")
    func wellFormed() throws {
        let (svg, _) = try picture()
        let parsed = try #require(SVGElements.parse(svg))
        #expect(parsed.elements.first?.name == "svg")
        let trackPaths = parsed.elements.filter {
            $0.name == "path" && ($0.attributes["class"] ?? "").hasPrefix("track ")
        }
        let trackIDs = Set(ReportScenario.targets.map(\.track) + [ReportScenario.falseTrack])
        #expect(trackPaths.count == trackIDs.count)
        #expect(Set(trackPaths.compactMap { $0.attributes["data-track"].flatMap(Int.init) }) == trackIDs)
        // Coloured by the last reported class.
        let crewed = trackPaths.first { $0.attributes["data-track"] == "\(ReportScenario.targets[1].track)" }
        #expect(crewed?.attributes["class"] == "track crewed")
        let truthLines = parsed.elements.filter { $0.name == "polyline" && $0.attributes["class"] == "truth" }
        #expect(truthLines.count == ReportScenario.targets.count)
        #expect(parsed.texts.contains("NPP"))
        #expect(parsed.texts.contains("IDR-1") && parsed.texts.contains("R1"))
        // New cues on the drone, the crewed and the false track; one cross
        // per cue (track and interceptor), not per sequence number: the
        // drone's update has a number of its own.
        #expect(parsed.elements.filter { $0.attributes["class"] == "cue-new" }.count == 3)
        #expect(parsed.elements.filter { $0.attributes["class"] == "intercept" }.count == 3)
    }

    @Test("track paths are decimated to one point per 2 s")
    func decimated() throws {
        let (svg, _) = try picture()
        let parsed = try #require(SVGElements.parse(svg))
        let drone = try #require(
            parsed.elements.first {
                $0.name == "path" && $0.attributes["data-track"] == "\(ReportScenario.targets[0].track)"
            })
        let points = (drone.attributes["d"] ?? "").filter { $0 == "M" || $0 == "L" }.count
        let reports = (ReportScenario.firstTrackSecond..<ReportScenario.duration).filter {
            !ReportScenario.tracks(at: $0).isEmpty
        }
        #expect(points < reports.count / 2 + 3)
        #expect(points >= reports.count / 2)
    }

    @Test("the same inputs give byte-identical SVGs")
    func deterministic() throws {
        let (first, files) = try picture()
        let second = try AirPicture.render(site: try ReportScenario.site(), outDir: files.dir, truthPath: files.truth)
        #expect(first == second)
        // A second writing of the same scenario, in another directory, too.
        let (third, _) = try picture()
        #expect(first == third)
        // Records parsed once and drawn give the same bytes as the one-call entry.
        let reports = try ReplayReports.load(outDir: files.dir, truthPath: files.truth)
        #expect(AirPicture(site: try ReportScenario.site(), reports: reports).svg() == first)
        // And a different picture gives different bytes.
        var moved = reports
        moved.tracks[0].latDeg += 0.001
        #expect(AirPicture(site: try ReportScenario.site(), reports: moved).svg() != first)
    }

    @Test("xmllint accepts the SVG", .enabled(if: TestPaths.tool("xmllint") != nil))
    func xmllint() throws {
        let (svg, files) = try picture()
        let path = files.dir + "/picture.svg"
        try svg.write(toFile: path, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.tool("xmllint")!)
        process.arguments = ["--noout", path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("the reference site draws without tracks")
    func referenceSite() throws {
        let site = try SiteConfiguration.load(contentsOf: ConfigFixtures.sitePath("reference.json"))
        let svg = AirPicture(site: site, tracks: [], cues: []).svg()
        let parsed = try #require(SVGElements.parse(svg))
        #expect(parsed.texts.contains("CITY") && parsed.texts.contains("NPP"))
        #expect(parsed.elements.filter { ($0.attributes["class"] ?? "").hasPrefix("track ") }.isEmpty)
    }

    @Test("a track far outside radar coverage does not rescale the map; one inside it does")
    func farTracksDoNotRescale() throws {
        let site = try SiteConfiguration.load(contentsOf: ConfigFixtures.sitePath("reference.json"))
        let origin = try #require(site.node.origin)
        func track(_ id: Int, northDeg: Double) -> [TrackRecord] {
            (0..<5).map { k in
                TrackRecord(
                    t: 1_700_000_000 + Double(k * 2), track: id, latDeg: origin.latitudeDeg + northDeg,
                    lonDeg: origin.longitudeDeg + 0.001 * Double(k), altM: 9_000, reportedClass: .crewed)
            }
        }
        func zoneOutlines(_ tracks: [TrackRecord]) throws -> [String] {
            let svg = AirPicture(site: site, tracks: tracks, cues: []).svg()
            let parsed = try #require(SVGElements.parse(svg))
            let zones = parsed.elements.filter { $0.attributes["class"] == "zone" }
            #expect(zones.count == 2 * site.zones.count)  // a fill below the tracks, an outline above
            return zones.map { $0.attributes.sorted { $0.key < $1.key }.description }
        }
        let near = track(1, northDeg: 0.01)
        let base = try zoneOutlines(near)
        // 2 degrees of latitude: ~220 km north, beyond every radar's range.
        #expect(try zoneOutlines(near + track(2, northDeg: 2.0)) == base)
        // The control: a track inside coverage but beyond the site does move the outlines.
        let maxRangeM = try #require(site.radars.map(\.rangeM).max())
        #expect(maxRangeM > 10_000)
        #expect(try zoneOutlines(near + track(3, northDeg: -0.9 * maxRangeM / 111_000)) != base)
    }
}
