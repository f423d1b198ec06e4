/// Checks that span sections: names, references between entries, ports.
extension SiteConfiguration {
    func crossCheck(log: IssueLog) {
        Self.uniqueNames(radars.map(\.name), "radars", log)
        Self.uniqueNames(zones.map(\.name), "zones", log)
        Self.uniqueNames(interceptors.map(\.name), "interceptors", log)

        // SAC/SIC selects the radar's configuration for every plot.
        var bySource: [UInt16: Int] = [:]
        for (i, radar) in radars.enumerated() {
            let source = UInt16(radar.sac) << 8 | UInt16(radar.sic)
            if let first = bySource[source] {
                log.add("radars[\(i)].sic", "sac \(radar.sac) / sic \(radar.sic) already used by radars[\(first)]")
            } else {
                bySource[source] = i
            }
        }

        let zoneNames = Set(zones.map(\.name))
        for (i, interceptor) in interceptors.enumerated()
        where !interceptor.zone.isEmpty && !zoneNames.contains(interceptor.zone) {
            log.add("interceptors[\(i)].zone", "no zone named \"\(interceptor.zone)\"\(Self.listing(zoneNames))")
        }

        let interceptorNames = Set(interceptors.map(\.name))
        var seenCues: [String: Int] = [:]
        for (i, cue) in outputs.cues.enumerated() {
            let path = "outputs.cues[\(i)]"
            if !cue.interceptor.isEmpty && !interceptorNames.contains(cue.interceptor) {
                log.add(
                    "\(path).interceptor",
                    "no interceptor named \"\(cue.interceptor)\"\(Self.listing(interceptorNames))")
            }
            let identity = "\(cue.interceptor)|\(cue.endpoint)|\(cue.format)"
            if let first = seenCues[identity] {
                log.add(path, "same interceptor, endpoint and format as outputs.cues[\(first)]")
            } else {
                seenCues[identity] = i
            }
            if cue.format == .binary && keys.nodeKey == nil {
                log.add("\(path).format", "\"binary\" cues are authenticated: keys.node_key is required")
            }
        }

        // SKAC and ASTERIX are told apart by port, never by content.
        let asterixPorts = Set(radars.flatMap(\.ports) + [adsb.port])
        if asterixPorts.contains(acoustic.port) {
            log.add("acoustic.port", "\(acoustic.port) is also an ASTERIX (radar or ADS-B) port")
        }
    }

    private static func uniqueNames(_ names: [String], _ section: String, _ log: IssueLog) {
        var first: [String: Int] = [:]
        for (i, name) in names.enumerated() where !name.isEmpty {
            if let earlier = first[name] {
                log.add("\(section)[\(i)].name", "duplicate name \"\(name)\" (also \(section)[\(earlier)])")
            } else {
                first[name] = i
            }
        }
    }

    private static func listing(_ names: Set<String>) -> String {
        names.isEmpty ? " (none defined)" : " (defined: \(names.sorted().joined(separator: ", ")))"
    }
}
