import Cueing
import FusionMath

extension ReplayScore {
    /// Every (uncrewed truth, zone) pair where the truth path enters the
    /// zone's prism, with the first `new` cue aimed at that truth.
    ///
    /// Zones are built as the cueing engine builds them (`Cueing.Zone`:
    /// polygon or circle in ENU, floor and ceiling HAE), so "enters" means
    /// what the node itself would call entering.
    static func zoneEntries(
        site: SiteConfiguration, frame: LocalFrame, truthPaths: TruthPaths, cues: [CueRecord], targets: CueTargets
    ) -> [ZoneEntryScore] {
        var zones: [(name: String, zone: Zone)] = []
        for z in site.zones {
            // Cue names hold 16 bytes; a longer configured name is cut only
            // inside this lookup structure, the report keeps it whole.
            let name = CueName(z.name) ?? CueName(utf8: Array(z.name.utf8.prefix(CueName.capacity)))!
            let built: Zone?
            switch z.shape {
            case .polygon(let vertices):
                built = try? Zone(
                    name: name, polygon: vertices, floorHAEM: z.floorM, ceilingHAEM: z.ceilingM, frame: frame)
            case .circle(let center, let radius):
                built = try? Zone(
                    name: name, center: center, radiusM: radius, floorHAEM: z.floorM, ceilingHAEM: z.ceilingM,
                    frame: frame)
            }
            // A validated configuration always builds; anything else is not scored.
            if let built { zones.append((z.name, built)) }
        }
        var firstCue: [Int: CueRecord] = [:]
        for cue in cues where cue.kind == .new {
            guard let id = targets.truthID(of: cue) else { continue }
            if let earlier = firstCue[id], earlier.t <= cue.t { continue }
            firstCue[id] = cue
        }
        var result: [ZoneEntryScore] = []
        for id in truthPaths.ids where truthPaths.truthClass(of: id) == .uncrewed {
            let path = truthPaths.samples[id]!
            for (name, zone) in zones {
                guard let (t, inside) = entry(path, zone) else { continue }
                let cue = firstCue[id]
                result.append(
                    ZoneEntryScore(
                        truthID: id, kind: path[0].record.kind, zone: name, entryT: t, startedInside: inside,
                        firstCueT: cue?.t, cueID: cue?.cue, cueTrack: cue?.track))
            }
        }
        return result
    }

    /// First time the sampled path is in `zone`, and whether it started there.
    ///
    /// Between samples up to `maxInterpolationS` apart the path is the
    /// straight segment, searched in closed form; across a longer gap only
    /// the later sample is tested.
    static func entry(_ path: [TruthPaths.Sample], _ zone: Zone) -> (t: Double, startedInside: Bool)? {
        let maxInterpolationS = 5.0
        if zone.contains(path[0].enu) { return (path[0].record.t, true) }
        for i in 0..<(path.count - 1) {
            let a = path[i]
            let b = path[i + 1]
            let dt = Double(b.key - a.key) / 1000
            guard dt > 0 else { continue }
            if dt > maxInterpolationS {
                if zone.contains(b.enu) { return (b.record.t, false) }
                continue
            }
            let v = (1 / dt) * (b.enu - a.enu)
            if let s = zone.firstEntryS(position: a.enu, velocity: v, horizonS: dt) { return (a.record.t + s, false) }
        }
        return nil
    }
}
