import FusionMath

/// A top-down map of a replayed run as a hand-written SVG: the site's zones,
/// radars with their range rings and interceptors, truth paths (thin grey),
/// track paths coloured by class, new-cue markers and each cue's last predicted intercept
/// points, with a kilometre grid, a scale bar, a north arrow and a legend.
///
/// Frame: the site's local ENU plane (origin: the configured node origin,
/// else the first truth or track position), east to the right, north up,
/// one scale on both axes. The view fits the tracks, truth, cues, zones,
/// radars and interceptors with a margin; range rings are clipped to it.
///
/// Readable with hundreds of tracks: every track is one thin `<path>`
/// (class `track <class>`, `data-track` its number), decimated to one point
/// per `decimationS` of its history, coloured by its last reported class
/// (uncrewed red, crewed blue, bird green, unknown amber), which is the
/// picture an operator was left with.
///
/// Deterministic: the same inputs give byte-identical output (elements in
/// ascending id order, fixed decimals, no dates or random ids).
public struct AirPicture {
    public var site: SiteConfiguration
    public var tracks: [TrackRecord]
    public var cues: [CueRecord]
    public var truth: [TruthRecord]
    /// Title line; a second line summarises the run's contents.
    public var title: String
    /// Extra summary shown under the title (e.g. the scenario's line or
    /// the score's GOSPA); nil shows the counts only.
    public var summary: String?
    public var widthPx = 1200.0
    public var heightPx = 1000.0
    /// Shortest time between two drawn points of one path, seconds.
    public var decimationS = 2.0

    public init(
        site: SiteConfiguration, tracks: [TrackRecord], cues: [CueRecord], truth: [TruthRecord] = [],
        title: String = "SkyCue air picture", summary: String? = nil
    ) {
        self.site = site
        self.tracks = tracks
        self.cues = cues
        self.truth = truth
        self.title = title
        self.summary = summary
    }

    /// Reads `outDir/tracks.jsonl`, `outDir/cues.jsonl` and, when given, the
    /// truth, and returns the SVG text: the replay tool's one call after
    /// writing its reports (it writes the result where it likes).
    public static func render(
        site: SiteConfiguration, outDir: String, truthPath: String?, title: String = "SkyCue air picture",
        summary: String? = nil
    ) throws(ReportError) -> String {
        let reports = try ReplayReports.load(outDir: outDir, truthPath: truthPath)
        return AirPicture(site: site, reports: reports, title: title, summary: summary).svg()
    }

    /// The frame's origin, as the score uses it.
    var frame: LocalFrame {
        let origin =
            site.node.origin ?? truth.first?.position ?? tracks.first?.position
            ?? Geodetic(latitudeRad: 0, longitudeRad: 0, heightM: 0)
        return LocalFrame(origin: origin)
    }

    /// The SVG document.
    public func svg() -> String {
        let frame = self.frame
        let geometry = SiteGeometry(configuration: site, frame: frame)
        let trackPaths = Self.paths(
            tracks.map { ($0.track, $0.t, $0.position) }, frame: frame, decimationS: decimationS)
        let truthPaths = Self.paths(truth.map { ($0.id, $0.t, $0.position) }, frame: frame, decimationS: decimationS)
        let cuePoints = cues.compactMap { c in c.position.map { frame.enu(from: $0) } }
        let intercepts = Self.lastIntercepts(cues).map { frame.enu(from: $0.position) }

        // Fit the site (zones, sites, cues) and what was seen inside radar
        // coverage, not the range rings themselves.
        var coverage: [(centre: Vector3, radiusM: Double)] = []
        for (r, p) in zip(site.radars, geometry.radars) { if let p { coverage.append((p, r.rangeM)) } }
        var bounds = MapBounds()
        for p in trackPaths { bounds.add(p.points, within: coverage) }
        for p in truthPaths { bounds.add(p.points, within: coverage) }
        bounds.add(cuePoints)
        bounds.add(intercepts)
        for r in geometry.radars { if let r { bounds.add([r]) } }
        bounds.add(geometry.interceptors)
        for z in geometry.zones {
            switch z.shape {
            case .polygon(let v): bounds.add(v)
            case .circle(let c, let r): bounds.add([Vector3(c.x - r, c.y - r, 0), Vector3(c.x + r, c.y + r, 0)])
            }
        }
        let legendWidth = 230.0
        let projection = MapProjection(
            east: bounds.east, north: bounds.north, left: 50, top: 70, width: widthPx - 50 - legendWidth - 20,
            height: heightPx - 70 - 60)

        var doc = SVGDocument()
        doc.open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("width", SVGDocument.px(widthPx)),
                ("height", SVGDocument.px(heightPx)),
                ("viewBox", "0 0 \(SVGDocument.px(widthPx)) \(SVGDocument.px(heightPx))"),
                ("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"),
            ])
        drawFrame(&doc, projection)
        doc.open("g", [("clip-path", "url(#map)")])
        drawGrid(&doc, projection)
        drawZones(&doc, projection, geometry, onTop: false)
        drawRadarRings(&doc, projection, geometry)
        drawTruth(&doc, projection, truthPaths)
        drawTracks(&doc, projection, trackPaths)
        drawZones(&doc, projection, geometry, onTop: true)
        drawCues(&doc, projection, frame)
        drawSites(&doc, projection, geometry)
        doc.close("g")
        drawGridLabels(&doc, projection)
        drawTitle(&doc)
        drawScaleBar(&doc, projection)
        drawLegend(&doc, left: widthPx - legendWidth - 10, top: 70, width: legendWidth)
        doc.close("svg")
        return doc.text
    }

    /// One decimated path per id (ascending), with the record kept for each
    /// point (its index into the input).
    struct Path {
        var id: Int
        var points: [Vector3]
        /// Index of the input record of the path's last point.
        var lastIndex: Int
    }

    static func paths(_ records: [(id: Int, t: Double, position: Geodetic)], frame: LocalFrame, decimationS: Double)
        -> [Path]
    {
        var byID: [Int: [Int]] = [:]
        for (i, r) in records.enumerated() { byID[r.id, default: []].append(i) }
        return byID.keys.sorted().map { id in
            // Stable sort by time keeps file order among equal times.
            let indices = byID[id]!.enumerated().sorted { a, b in
                records[a.element].t != records[b.element].t
                    ? records[a.element].t < records[b.element].t : a.offset < b.offset
            }.map(\.element)
            var kept: [Int] = []
            var lastT = -Double.infinity
            for i in indices where records[i].t >= lastT + decimationS - 1e-6 {
                kept.append(i)
                lastT = records[i].t
            }
            // Always end where the path ends.
            if let last = indices.last, kept.last != last { kept.append(last) }
            return Path(id: id, points: kept.map { frame.enu(from: records[$0].position) }, lastIndex: indices.last!)
        }
    }

    /// Per cue, its latest intercept point (new or update), in the order
    /// the cues were first issued. A cue is one track's engagement by one
    /// interceptor: its `cue` numbers are the node's sequence numbers, one
    /// per new, update and cancel, so they do not name it (one cross per
    /// update buried the picture under thousands of crosses).
    static func lastIntercepts(_ cues: [CueRecord]) -> [CueRecord.Intercept] {
        struct Engagement: Hashable {
            var track: Int
            var interceptor: String
        }
        var order: [Engagement] = []
        var latest: [Engagement: CueRecord.Intercept] = [:]
        for c in cues where c.kind != .cancel {
            guard let i = c.intercept else { continue }
            let key = Engagement(track: c.track, interceptor: c.interceptor)
            if latest.updateValue(i, forKey: key) == nil { order.append(key) }
        }
        return order.map { latest[$0]! }
    }
}
