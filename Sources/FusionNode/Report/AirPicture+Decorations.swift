/// Title, scale bar, north arrow and legend: what makes the map readable
/// on its own, printed or pasted into a report.
extension AirPicture {
    /// The second title line when no summary is given: what the picture holds.
    var countsLine: String {
        var lastClass: [Int: ReportClass] = [:]
        for t in tracks { lastClass[t.track] = t.reportedClass }
        let byClass = ReportClass.allCases.map { c in "\(lastClass.values.filter { $0 == c }.count) \(c.rawValue)" }
        let newCues = cues.filter { $0.kind == .new }.count
        var line = "\(lastClass.count) tracks (\(byClass.joined(separator: ", "))), \(newCues) new cues"
        if !truth.isEmpty { line += ", \(Set(truth.map(\.id)).count) truth targets" }
        let times = tracks.map(\.t) + truth.map(\.t) + cues.map(\.t)
        if let first = times.min(), let last = times.max() {
            line += ", \(Self.utc(first)) to \(Self.utc(last)) UTC"
        }
        return line
    }

    /// `YYYY-MM-DD hh:mm:ss` of seconds since the Unix epoch, UTC, without
    /// Foundation's calendar (civil-from-days, H. Hinnant's algorithm).
    static func utc(_ t: Double) -> String {
        let seconds = Int64(t.rounded(.down))
        var days = seconds / 86400
        var secondOfDay = seconds % 86400
        if secondOfDay < 0 {
            secondOfDay += 86400
            days -= 1
        }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return
            "\(year)-\(two(month))-\(two(day)) \(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
    }

    func drawTitle(_ doc: inout SVGDocument) {
        doc.element(
            "text", [("x", "50"), ("y", "30"), ("font-size", "20"), ("font-weight", "bold"), ("fill", "#222222")],
            text: title)
        doc.element(
            "text", [("x", "50"), ("y", "52"), ("font-size", "12"), ("fill", "#444444")], text: summary ?? countsLine)
        if summary != nil {
            doc.element("text", [("x", "50"), ("y", "66"), ("font-size", "11"), ("fill", "#666666")], text: countsLine)
        }
    }

    /// A bar one grid step long under the map's left corner, and a north
    /// arrow in the map's top right corner.
    func drawScaleBar(_ doc: inout SVGDocument, _ m: MapProjection) {
        let step = m.gridStepM
        let x0 = m.left
        let y0 = m.top + m.height + 40
        let length = step * m.scale
        doc.open("g", [("class", "scale-bar"), ("font-size", "11"), ("fill", "#222222")])
        doc.element(
            "path",
            [
                (
                    "d",
                    "M\(P.px(x0)) \(P.px(y0 - 5)) L\(P.px(x0)) \(P.px(y0)) L\(P.px(x0 + length)) \(P.px(y0)) L\(P.px(x0 + length)) \(P.px(y0 - 5))"
                ),
                ("fill", "none"), ("stroke", "#222222"), ("stroke-width", "2"),
            ])
        let label = step < 1000 ? "\(ReportText.fixed(step, 0)) m" : "\(ReportText.fixed(step / 1000, 0)) km"
        doc.element("text", [("x", P.px(x0 + length + 8)), ("y", P.px(y0 + 4))], text: label)
        doc.close("g")
        let ax = m.left + m.width - 24
        let ay = m.top + 14
        doc.open("g", [("class", "north-arrow")])
        doc.element(
            "polygon",
            [
                (
                    "points",
                    "\(P.px(ax)),\(P.px(ay)) \(P.px(ax - 7)),\(P.px(ay + 22)) \(P.px(ax)),\(P.px(ay + 17)) \(P.px(ax + 7)),\(P.px(ay + 22))"
                ), ("fill", "#222222"),
            ])
        doc.element(
            "text",
            [
                ("x", P.px(ax)), ("y", P.px(ay + 36)), ("text-anchor", "middle"), ("font-size", "12"),
                ("font-weight", "bold"),
            ], text: "N")
        doc.close("g")
    }

    func drawLegend(_ doc: inout SVGDocument, left: Double, top: Double, width: Double) {
        let rowHeight = 22.0
        let rows = 11
        doc.open("g", [("class", "legend"), ("font-size", "12"), ("fill", "#222222")])
        doc.element(
            "rect",
            [
                ("x", P.px(left)), ("y", P.px(top)), ("width", P.px(width)),
                ("height", P.px(Double(rows) * rowHeight + 20)),
                ("fill", "#ffffff"), ("stroke", "#999999"),
            ])
        var y = top + 22
        let sx = left + 12
        let tx = left + 48
        func row(_ label: String, _ draw: (inout SVGDocument, Double) -> Void) {
            draw(&doc, y)
            doc.element("text", [("x", P.px(tx)), ("y", P.px(y + 4))], text: label)
            y += rowHeight
        }
        func line(_ colour: String, _ width: String, dash: String? = nil) -> (inout SVGDocument, Double) -> Void {
            { d, y in
                var a = [
                    ("x1", P.px(sx)), ("y1", P.px(y)), ("x2", P.px(sx + 26)), ("y2", P.px(y)), ("stroke", colour),
                    ("stroke-width", width),
                ]
                if let dash { a.append(("stroke-dasharray", dash)) }
                d.element("line", a)
            }
        }
        row("truth path", line(Self.truthColour, "1"))
        for c in ReportClass.allCases { row("track: \(c.rawValue)", line(Self.trackColours[c]!, "2")) }
        row(
            "new cue",
            { d, y in
                d.element(
                    "polygon",
                    [
                        (
                            "points",
                            "\(P.px(sx + 13)),\(P.px(y - 7)) \(P.px(sx + 7)),\(P.px(y + 5)) \(P.px(sx + 19)),\(P.px(y + 5))"
                        ), ("fill", Self.cueColour),
                    ])
            })
        row(
            "last intercept point",
            { d, y in
                d.element(
                    "path",
                    [
                        (
                            "d",
                            "M\(P.px(sx + 9)) \(P.px(y - 4)) L\(P.px(sx + 17)) \(P.px(y + 4)) M\(P.px(sx + 9)) \(P.px(y + 4)) L\(P.px(sx + 17)) \(P.px(y - 4))"
                        ), ("stroke", "#000000"), ("stroke-width", "1.5"),
                    ])
            })
        row("zone", line(Self.zoneColour, "2"))
        row(
            "radar",
            { d, y in
                d.element(
                    "rect",
                    [
                        ("x", P.px(sx + 9)), ("y", P.px(y - 4)), ("width", "8"), ("height", "8"),
                        ("fill", Self.siteColour),
                    ])
            })
        row("range ring", line(Self.siteColour, "1", dash: "6 4"))
        row(
            "interceptor",
            { d, y in
                d.element(
                    "polygon",
                    [
                        (
                            "points",
                            "\(P.px(sx + 13)),\(P.px(y - 6)) \(P.px(sx + 19)),\(P.px(y)) \(P.px(sx + 13)),\(P.px(y + 6)) \(P.px(sx + 7)),\(P.px(y))"
                        ), ("fill", Self.interceptorColour),
                    ])
            })
        doc.close("g")
    }
}
