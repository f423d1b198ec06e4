import FusionMath

/// The layers of the picture, bottom to top. Styles are inline attributes
/// (no CSS), so that any viewer, including a browser's file view and
/// Inkscape, draws the same thing.
extension AirPicture {
    static let trackColours: [ReportClass: String] = [
        .uncrewed: "#d62728", .crewed: "#1f77b4", .bird: "#2ca02c", .unknown: "#f0a202",
    ]
    static let truthColour = "#9a9a9a"
    static let zoneColour = "#b7950b"
    static let siteColour = "#34495e"
    static let interceptorColour = "#7d3c98"
    static let cueColour = "#8e0000"

    typealias P = SVGDocument

    func drawFrame(_ doc: inout SVGDocument, _ m: MapProjection) {
        doc.open("defs")
        doc.open("clipPath", [("id", "map")])
        doc.element(
            "rect", [("x", P.px(m.left)), ("y", P.px(m.top)), ("width", P.px(m.width)), ("height", P.px(m.height))])
        doc.close("clipPath")
        doc.close("defs")
        doc.element("rect", [("width", "100%"), ("height", "100%"), ("fill", "#ffffff")])
        doc.element(
            "rect",
            [
                ("x", P.px(m.left)), ("y", P.px(m.top)), ("width", P.px(m.width)), ("height", P.px(m.height)),
                ("fill", "#fbfbf8"), ("stroke", "#555555"), ("stroke-width", "1"),
            ])
    }

    /// Grid values (metres) that fall inside `range`, one `step` apart.
    static func gridValues(_ range: ClosedRange<Double>, _ step: Double) -> [Double] {
        let first = (range.lowerBound / step).rounded(.up)
        let last = (range.upperBound / step).rounded(.down)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    static func kilometres(_ m: Double, step: Double) -> String {
        ReportText.fixed(m / 1000, step < 1000 ? 1 : 0)
    }

    func drawGrid(_ doc: inout SVGDocument, _ m: MapProjection) {
        let step = m.gridStepM
        doc.open("g", [("class", "grid"), ("stroke", "#dddddd"), ("stroke-width", "0.6")])
        for e in Self.gridValues(m.visibleEast, step) {
            let x = P.px(m.x(e))
            doc.element("line", [("x1", x), ("y1", P.px(m.top)), ("x2", x), ("y2", P.px(m.top + m.height))])
        }
        for n in Self.gridValues(m.visibleNorth, step) {
            let y = P.px(m.y(n))
            doc.element("line", [("x1", P.px(m.left)), ("y1", y), ("x2", P.px(m.left + m.width)), ("y2", y)])
        }
        doc.close("g")
    }

    /// Kilometre labels along the bottom (east) and left (north) edges.
    func drawGridLabels(_ doc: inout SVGDocument, _ m: MapProjection) {
        let step = m.gridStepM
        doc.open("g", [("class", "grid-labels"), ("font-size", "10"), ("fill", "#666666")])
        for e in Self.gridValues(m.visibleEast, step) {
            doc.element(
                "text", [("x", P.px(m.x(e))), ("y", P.px(m.top + m.height + 13)), ("text-anchor", "middle")],
                text: Self.kilometres(e, step: step))
        }
        for n in Self.gridValues(m.visibleNorth, step) {
            doc.element(
                "text", [("x", P.px(m.left - 4)), ("y", P.px(m.y(n) + 3)), ("text-anchor", "end")],
                text: Self.kilometres(n, step: step))
        }
        doc.element(
            "text", [("x", P.px(m.left + m.width)), ("y", P.px(m.top + m.height + 26)), ("text-anchor", "end")],
            text: "east of the site origin, km (north up)")
        doc.close("g")
    }

    /// White outline behind text, so that names stay legible over tracks.
    static let halo = [("stroke", "#ffffff"), ("stroke-width", "3"), ("paint-order", "stroke")]

    /// Zones in two passes: the tinted area under everything (`onTop`
    /// false), then the outline and name over the tracks (`onTop` true),
    /// so that a dense picture does not bury them.
    func drawZones(_ doc: inout SVGDocument, _ m: MapProjection, _ g: SiteGeometry, onTop: Bool) {
        doc.open("g", [("class", onTop ? "zones" : "zone-areas")])
        let style =
            onTop
            ? [("fill", "none"), ("stroke", Self.zoneColour), ("stroke-width", "1.6")]
            : [("fill", Self.zoneColour), ("fill-opacity", "0.10"), ("stroke", "none")]
        for z in g.zones {
            /// East (metres) and y (pixels) of the name.
            let label: (Double, Double)
            switch z.shape {
            case .polygon(let v):
                let points = v.map { "\(P.px(m.x($0.x))),\(P.px(m.y($0.y)))" }.joined(separator: " ")
                doc.element("polygon", [("class", "zone"), ("points", points)] + style)
                // Under the northernmost edge: the middle is where the
                // defended site and its interceptors are drawn.
                let n = Double(max(v.count, 1))
                label = (v.reduce(0) { $0 + $1.x } / n, m.y(v.map(\.y).max() ?? 0) + 20)
            case .circle(let c, let r):
                doc.element(
                    "circle",
                    [("class", "zone"), ("cx", P.px(m.x(c.x))), ("cy", P.px(m.y(c.y))), ("r", P.px(r * m.scale))]
                        + style)
                label = (c.x, m.y(c.y + r) + 20)
            }
            guard onTop else { continue }
            doc.element(
                "text",
                [
                    ("class", "zone-name"), ("x", P.px(m.x(label.0))), ("y", P.px(label.1)), ("text-anchor", "middle"),
                    ("font-size", "14"), ("font-weight", "bold"), ("fill", Self.zoneColour),
                ] + Self.halo, text: z.name)
        }
        doc.close("g")
    }

    func drawRadarRings(_ doc: inout SVGDocument, _ m: MapProjection, _ g: SiteGeometry) {
        doc.open(
            "g",
            [
                ("class", "radar-rings"), ("fill", "none"), ("stroke", Self.siteColour), ("stroke-width", "0.8"),
                ("stroke-dasharray", "6 4"), ("stroke-opacity", "0.6"),
            ])
        for (r, p) in zip(site.radars, g.radars) {
            guard let p else { continue }
            doc.element("circle", [("cx", P.px(m.x(p.x))), ("cy", P.px(m.y(p.y))), ("r", P.px(r.rangeM * m.scale))])
        }
        doc.close("g")
    }

    func drawTruth(_ doc: inout SVGDocument, _ m: MapProjection, _ paths: [Path]) {
        doc.open(
            "g", [("class", "truth-paths"), ("fill", "none"), ("stroke", Self.truthColour), ("stroke-width", "0.8")])
        for path in paths {
            let points = path.points.map { "\(P.px(m.x($0.x))),\(P.px(m.y($0.y)))" }.joined(separator: " ")
            doc.element("polyline", [("class", "truth"), ("data-truth", "\(path.id)"), ("points", points)])
        }
        doc.close("g")
    }

    /// `M x y L x y ...`; a lone point becomes a round dot.
    static func pathData(_ points: [Vector3], _ m: MapProjection) -> String {
        var d = ""
        for (i, p) in points.enumerated() {
            d += (i == 0 ? "M" : " L") + P.px(m.x(p.x)) + " " + P.px(m.y(p.y))
        }
        return points.count == 1 ? d + " l0 0" : d
    }

    func drawTracks(_ doc: inout SVGDocument, _ m: MapProjection, _ paths: [Path]) {
        doc.open(
            "g",
            [
                ("class", "track-paths"), ("fill", "none"), ("stroke-width", "1.4"), ("stroke-linejoin", "round"),
                ("stroke-linecap", "round"),
            ])
        for path in paths {
            let c = tracks[path.lastIndex].reportedClass
            doc.element(
                "path",
                [
                    ("class", "track \(c.rawValue)"), ("data-track", "\(path.id)"), ("stroke", Self.trackColours[c]!),
                    ("d", Self.pathData(path.points, m)),
                ])
        }
        doc.close("g")
        // A dot where each track was last reported: a hovering or
        // stationary track, whose path has no length, still shows.
        doc.open("g", [("class", "track-ends")])
        for path in paths {
            guard let p = path.points.last else { continue }
            let c = tracks[path.lastIndex].reportedClass
            doc.element(
                "circle",
                [("cx", P.px(m.x(p.x))), ("cy", P.px(m.y(p.y))), ("r", "2.2"), ("fill", Self.trackColours[c]!)])
        }
        doc.close("g")
    }

    func drawCues(_ doc: inout SVGDocument, _ m: MapProjection, _ frame: LocalFrame) {
        doc.open("g", [("class", "cues")])
        for c in cues where c.kind == .new {
            guard let g = c.position else { continue }
            let p = frame.enu(from: g)
            let x = m.x(p.x)
            let y = m.y(p.y)
            let points = "\(P.px(x)),\(P.px(y - 7)) \(P.px(x - 6)),\(P.px(y + 5)) \(P.px(x + 6)),\(P.px(y + 5))"
            doc.element(
                "polygon",
                [("class", "cue-new"), ("data-cue", "\(c.cue)"), ("points", points), ("fill", Self.cueColour)])
        }
        for i in Self.lastIntercepts(cues) {
            let p = frame.enu(from: i.position)
            let x = m.x(p.x)
            let y = m.y(p.y)
            let d =
                "M\(P.px(x - 4)) \(P.px(y - 4)) L\(P.px(x + 4)) \(P.px(y + 4)) M\(P.px(x - 4)) \(P.px(y + 4)) L\(P.px(x + 4)) \(P.px(y - 4))"
            doc.element("path", [("class", "intercept"), ("d", d), ("stroke", "#000000"), ("stroke-width", "1.5")])
        }
        doc.close("g")
    }

    func drawSites(_ doc: inout SVGDocument, _ m: MapProjection, _ g: SiteGeometry) {
        doc.open("g", [("class", "sites"), ("font-size", "11")])
        for (r, p) in zip(site.radars, g.radars) {
            guard let p else { continue }
            let x = m.x(p.x)
            let y = m.y(p.y)
            doc.element(
                "rect",
                [
                    ("class", "radar"), ("x", P.px(x - 4)), ("y", P.px(y - 4)), ("width", "8"), ("height", "8"),
                    ("fill", Self.siteColour),
                ])
            doc.element(
                "text", [("x", P.px(x + 7)), ("y", P.px(y - 6)), ("fill", Self.siteColour)] + Self.halo, text: r.name)
        }
        for (i, p) in zip(site.interceptors, g.interceptors) {
            let x = m.x(p.x)
            let y = m.y(p.y)
            let points =
                "\(P.px(x)),\(P.px(y - 6)) \(P.px(x + 6)),\(P.px(y)) \(P.px(x)),\(P.px(y + 6)) \(P.px(x - 6)),\(P.px(y))"
            doc.element("polygon", [("class", "interceptor"), ("points", points), ("fill", Self.interceptorColour)])
            doc.element(
                "text", [("x", P.px(x + 8)), ("y", P.px(y + 4)), ("fill", Self.interceptorColour)] + Self.halo,
                text: i.name)
        }
        doc.close("g")
    }
}
