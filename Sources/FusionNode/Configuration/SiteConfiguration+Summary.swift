import FusionMath

/// A one-paragraph, human-readable account of a loaded configuration, for
/// the start-up log: what a crew checks before trusting the node. Keys are
/// never shown, only whether they are set.
extension SiteConfiguration {
    public var summary: String {
        var parts: [String] = []
        let origin =
            node.origin.map { "origin \(Self.latLon($0)) \(Self.fixed($0.heightM, 1)) m HAE" }
            ?? "origin from the first gpsd fix"
        parts.append("Node \(node.id), \(origin), geoid separation \(Self.fixed(node.geoidSeparationM, 1)) m")
        let radarList = radars.map { r in
            let kind = (r.threeD ? "3D" : "2D") + (r.doppler ? " Doppler" : "") + (r.moving ? " moving" : "")
            return "\(r.name) \(kind) SAC/SIC \(r.sac)/\(r.sic) on UDP \(r.ports.map(String.init).joined(separator: "+"))"
        }
        parts.append("\(Self.count(radars.count, "radar"))\(Self.list(radarList))")
        let adsbSource = adsb.sac.map { "SAC/SIC \($0)/\(adsb.sic ?? 0)" } ?? "any source"
        parts.append("ADS-B on UDP \(adsb.port) (\(adsbSource))")
        let auth = keys.requireAcousticAuth ? "authentication required" : "authentication not required"
        parts.append("acoustic on UDP \(acoustic.port) (\(auth), \(Self.count(keys.acousticKeys.count, "sensor key")))")
        let zoneList = zones.map { z in
            switch z.shape {
            case .polygon(let v): "\(z.name) polygon of \(v.count) vertices"
            case .circle(_, let r): "\(z.name) circle of radius \(Self.fixed(r, 0)) m"
            }
        }
        parts.append("\(Self.count(zones.count, "zone"))\(Self.list(zoneList))")
        let interceptorList = interceptors.map { "\($0.name) \($0.kind.rawValue) for \($0.zone)" }
        parts.append("\(Self.count(interceptors.count, "interceptor"))\(Self.list(interceptorList))")
        let cat062 = outputs.cat062.map { "CAT062 to \($0)" } ?? "CAT062 off"
        let cot = outputs.cot.map { "CoT to \($0)" } ?? "CoT off"
        parts.append("\(cat062), \(cot), \(Self.count(outputs.cues.count, "cue endpoint"))")
        parts.append("node key \(keys.nodeKey == nil ? "not set" : "set")")
        parts.append("up to \(limits.trackCapacity) tracks, late measurements fused up to \(limits.maxLagS) s")
        parts.append("confirmation \(tracker.confirmM) of \(tracker.confirmN)")
        parts.append("threats judged up to \(Self.fixed(cueing.horizonS, 0)) s ahead")
        parts.append(metrics.enabled ? "metrics on \(metrics.bind):\(metrics.port)" : "metrics off")
        parts.append(recording.directory.map { "recording to \($0) in \(recording.rotateMB) MB files" } ?? "recording off")
        return parts.joined(separator: "; ") + "."
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private static func list(_ items: [String]) -> String { items.isEmpty ? "" : " (\(items.joined(separator: ", ")))" }

    private static func latLon(_ g: Geodetic) -> String {
        let lat = g.latitudeDeg, lon = g.longitudeDeg
        return "\(fixed(abs(lat), 5)) \(lat < 0 ? "S" : "N") \(fixed(abs(lon), 5)) \(lon < 0 ? "W" : "E")"
    }

    /// `x` with `digits` decimals, without Foundation's locale-dependent formatting.
    private static func fixed(_ x: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        let whole = Int(scaled / scale)
        let frac = Int(scaled - Double(whole) * scale)
        let sign = x < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        let fracText = String(frac)
        return "\(sign)\(whole).\(String(repeating: "0", count: digits - fracText.count))\(fracText)"
    }
}
