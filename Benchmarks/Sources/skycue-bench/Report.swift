import Glibc

/// Fixed-point formatting without Foundation.
func fixed(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return "\(x)" }
    var p = 1.0
    for _ in 0..<digits { p *= 10 }
    let scaled = (abs(x) * p).rounded()
    let whole = Int(scaled / p)
    var s = (x < 0 && scaled > 0 ? "-" : "") + "\(whole)"
    if digits > 0 {
        let frac = Int(scaled - Double(whole) * p)
        var f = "\(frac)"
        while f.count < digits { f = "0" + f }
        s += "." + f
    }
    return s
}

/// 1234567 -> "1,234,567".
func grouped(_ n: Int) -> String {
    let s = String(abs(n))
    var out = ""
    for (i, c) in s.enumerated() {
        if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return (n < 0 ? "-" : "") + out
}

func micros(_ ns: Int64) -> String { fixed(Double(ns) / 1_000, 1) }

func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
}

func writeFile(_ path: String, _ text: String) -> Bool {
    guard let f = fopen(path, "w") else { return false }
    defer { fclose(f) }
    return fputs(text, f) >= 0
}

func utcDate() -> String {
    var t = time(nil)
    var tm = tm()
    gmtime_r(&t, &tm)
    var buffer = [CChar](repeating: 0, count: 64)
    strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M UTC", &tm)
    return cString(buffer)
}

enum Report {
    static let header = [
        "targets", "live tracks", "detections", "datagrams", "det/datagram", "det/s wall", "det/s cpu",
        "cpu ns/det", "process", "maintain", "p50 µs", "p99 µs", "p99.9 µs", "max µs",
        "cpu p50", "cpu p99", "cpu p99.9", "cpu max", "maintain p50 ms", "maintain p99 ms", "maintain max ms",
        "maintain cpu p50", "maintain cpu p99", "maintain cpu max", "allocations",
    ]

    static func row(_ p: ScalePoint) -> [String] {
        [
            grouped(p.targets), "\(grouped(Int(p.meanLiveTracks.rounded()))) (\(grouped(p.minLiveTracks))-\(grouped(p.maxLiveTracks)))",
            grouped(p.detections), grouped(p.datagrams), fixed(p.meanBatch, 1), grouped(Int(p.detectionsPerS)),
            grouped(Int(p.detectionsPerCpuS)), fixed(p.cpuNsPerDetection, 0),
            fixed(Double(p.processCpuNs) / Double(p.detections), 0), fixed(Double(p.maintainCpuNs) / Double(p.detections), 0),
            micros(p.p50), micros(p.p99), micros(p.p999), micros(p.maxNs),
            micros(p.cpuP50), micros(p.cpuP99), micros(p.cpuP999), micros(p.cpuMaxNs),
            fixed(Double(p.maintainP50Ns) / 1e6, 2), fixed(Double(p.maintainP99Ns) / 1e6, 2),
            fixed(Double(p.maintainMaxNs) / 1e6, 2), fixed(Double(p.maintainCpuP50Ns) / 1e6, 2),
            fixed(Double(p.maintainCpuP99Ns) / 1e6, 2), fixed(Double(p.maintainCpuMaxNs) / 1e6, 2), allocationCell(p),
        ]
    }

    static func allocationCell(_ p: ScalePoint) -> String {
        let swift = p.swiftAllocations < 0 ? "n/a" : "\(p.swiftAllocations)"
        return "\(swift) + \(p.mallocs) malloc / \(grouped(p.allocDetections))"
    }

    static func table(_ points: [ScalePoint]) -> String {
        let rows = [header] + points.map(row)
        var widths = [Int](repeating: 0, count: header.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in r.enumerated().map { pad($0.element, widths[$0.offset]) }.joined(separator: "  ") }
            .joined(separator: "\n")
    }

    static func markdownTable(_ points: [ScalePoint]) -> String {
        var s = "| " + header.joined(separator: " | ") + " |\n"
        s += "|" + String(repeating: "---:|", count: header.count) + "\n"
        for p in points { s += "| " + row(p).joined(separator: " | ") + " |\n" }
        return s
    }

    /// The scaling curve: ns per detection (process + maintain, and process
    /// alone) and p99 per-datagram latency against live tracks, log-log.
    static func svg(_ points: [ScalePoint]) -> String {
        let w = 720.0, h = 440.0, left = 80.0, right = 30.0, top = 50.0, bottom = 60.0
        let xs = points.map { max(1, $0.meanLiveTracks) }
        let series: [(String, String, [Double])] = [
            ("process + maintain, CPU time per detection", "#1f77b4", points.map(\.cpuNsPerDetection)),
            ("process only, CPU time per detection", "#2ca02c", points.map { Double($0.processCpuNs) / Double($0.detections) }),
            ("maintain only, CPU time per detection", "#9467bd", points.map { Double($0.maintainCpuNs) / Double($0.detections) }),
            ("p99 CPU time per datagram", "#d62728", points.map { Double($0.cpuP99) }),
        ]
        // Issue 8's targets: 500,000 detections/s (2 µs each), p99 per datagram 20 µs.
        let targets: [(String, String, Double)] = [
            ("target: 2 µs per detection", "#1f77b4", 2_000), ("target: p99 20 µs", "#d62728", 20_000),
        ]
        let all = series.flatMap(\.2).filter { $0 > 0 } + targets.map(\.2)
        let yLo = pow(10, floor(log10(all.min() ?? 1))), yHi = pow(10, ceil(log10(all.max() ?? 10)))
        let xLo = pow(10, floor(log10(xs.min() ?? 1))), xHi = pow(10, ceil(log10(xs.max() ?? 10)))
        func px(_ x: Double) -> Double { left + (log10(x) - log10(xLo)) / (log10(xHi) - log10(xLo)) * (w - left - right) }
        func py(_ y: Double) -> Double { h - bottom - (log10(y) - log10(yLo)) / (log10(yHi) - log10(yLo)) * (h - top - bottom) }
        var s = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(w))" height="\(Int(h))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(Int(w / 2))" y="22" text-anchor="middle" font-size="15">SkyCue FusionEngine: cost against live tracks (log-log)</text>

            """
        var decade = xLo
        while decade <= xHi * 1.0001 {
            let x = fixed(px(decade), 1)
            s += "<line x1=\"\(x)\" y1=\"\(Int(top))\" x2=\"\(x)\" y2=\"\(Int(h - bottom))\" stroke=\"#ddd\"/>\n"
            s += "<text x=\"\(x)\" y=\"\(Int(h - bottom + 18))\" text-anchor=\"middle\">\(grouped(Int(decade)))</text>\n"
            decade *= 10
        }
        decade = yLo
        while decade <= yHi * 1.0001 {
            let y = fixed(py(decade), 1)
            s += "<line x1=\"\(Int(left))\" y1=\"\(y)\" x2=\"\(Int(w - right))\" y2=\"\(y)\" stroke=\"#ddd\"/>\n"
            let label = decade >= 1_000 ? "\(grouped(Int(decade / 1_000))) µs" : "\(Int(decade)) ns"
            s += "<text x=\"\(Int(left - 6))\" y=\"\(y)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(label)</text>\n"
            decade *= 10
        }
        s += "<rect x=\"\(Int(left))\" y=\"\(Int(top))\" width=\"\(Int(w - left - right))\" height=\"\(Int(h - top - bottom))\" fill=\"none\" stroke=\"#444\"/>\n"
        s += "<text x=\"\(Int((left + w - right) / 2))\" y=\"\(Int(h - 18))\" text-anchor=\"middle\">live tracks (mean over the timed run)</text>\n"
        for (k, (name, colour, ys)) in series.enumerated() {
            let pts = zip(xs, ys).filter { $0.1 > 0 }.map { "\(fixed(px($0.0), 1)),\(fixed(py($0.1), 1))" }
            s += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(pts.joined(separator: " "))\"/>\n"
            for (x, y) in zip(xs, ys) where y > 0 {
                s += "<circle cx=\"\(fixed(px(x), 1))\" cy=\"\(fixed(py(y), 1))\" r=\"3.5\" fill=\"\(colour)\"><title>\(fixed(x, 0)) tracks: \(fixed(y, 0)) ns</title></circle>\n"
            }
            let ly = top + 16 + Double(k) * 18
            s += "<line x1=\"\(Int(left + 12))\" y1=\"\(fixed(ly, 0))\" x2=\"\(Int(left + 36))\" y2=\"\(fixed(ly, 0))\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
            s += "<text x=\"\(Int(left + 42))\" y=\"\(fixed(ly, 0))\" dominant-baseline=\"middle\">\(name)</text>\n"
        }
        for (name, colour, y) in targets {
            let yy = fixed(py(y), 1)
            s += "<line x1=\"\(Int(left))\" y1=\"\(yy)\" x2=\"\(Int(w - right))\" y2=\"\(yy)\" stroke=\"\(colour)\" stroke-dasharray=\"6 4\"/>\n"
            s += "<text x=\"\(Int(w - right - 6))\" y=\"\(fixed(py(y) - 6, 1))\" text-anchor=\"end\" fill=\"\(colour)\">\(name)</text>\n"
        }
        s += "</svg>\n"
        return s
    }
}
