import Cueing
import FusionCore
import FusionMath

/// How the site configuration maps onto the engine, cueing and ports.
extension NodePipeline {
    /// Tracker settings of the configuration (Hardware/CONFIG.md `tracker`,
    /// `limits`). `delete_misses` becomes a silence limit: that many of the
    /// slowest radar's revisits (at least 1 s each: acoustic reports).
    /// `cross_fix_window_s` is the window of acoustic cross-fixes.
    /// `acoustic.compensate_sound_delay` turns on the sound's travel time.
    /// FIXME: `process_noise_mps2` and `history_depth` have no hook in
    /// FusionEngine yet; its own defaults apply.
    static func trackerConfiguration(_ c: SiteConfiguration) -> TrackerConfiguration {
        var t = TrackerConfiguration()
        t.capacity = c.limits.trackCapacity
        t.confirmHits = c.tracker.confirmM
        t.confirmWindow = c.tracker.confirmN
        t.gateProbability = c.tracker.gateProbability
        t.maxLagNs = Int64((c.limits.maxLagS * 1e9).rounded())
        t.crossFix.windowNs = Int64((c.tracker.crossFixWindowS * 1e9).rounded())
        t.compensatesSoundDelay = c.acoustic.compensatesSoundDelay
        let slowestS = max(1.0, c.radars.map(\.periodS).max() ?? 1.0)
        t.coastLimitNs = Int64((Double(c.tracker.deleteMisses) * slowestS * 1e9).rounded())
        return t
    }

    /// Classifier settings: `uncrewed_threshold` is the posterior to declare
    /// uncrewed; it is released 0.04 lower (hysteresis, as the core's
    /// defaults 0.99 / 0.95), never below 0.5.
    static func classifierConfiguration(_ c: SiteConfiguration) -> ClassifierConfiguration {
        var k = ClassifierConfiguration()
        k.declareUncrewed = c.tracker.uncrewedThreshold
        k.releaseUncrewed = max(0.5, c.tracker.uncrewedThreshold - 0.04)
        return k
    }

    /// The name cueing knows a zone or interceptor by: its first 16 UTF-8
    /// bytes (the pipeline maps back to the full name by index).
    static func cueName(_ name: String) -> CueName {
        CueName(utf8: name.utf8.prefix(CueName.capacity)) ?? CueName()
    }

    /// Zones and interceptors a reload may bring, at least.
    static let reloadZoneCapacity = 64
    static let reloadInterceptorCapacity = 128

    static func cueingEngine(_ c: SiteConfiguration, frame: LocalFrame) throws(PipelineError) -> CueingEngine {
        var engine = emptyCueingEngine(c, frame: frame)
        try configureCueing(&engine, c, frame: frame)
        return engine
    }

    static func emptyCueingEngine(_ c: SiteConfiguration, frame: LocalFrame) -> CueingEngine {
        let parameters = c.cueingParameters
        // Room beyond the file's lists, so that a reload (SIGHUP) can add
        // zones and interceptors without rebuilding the engine.
        let engine = CueingEngine(
            frame: frame, parameters: parameters, zoneCapacity: max(reloadZoneCapacity, c.zones.count),
            interceptorCapacity: max(reloadInterceptorCapacity, c.interceptors.count))
        return engine
    }

    /// Builds `c`'s zones and interceptors and hands them to `engine`; on
    /// a throw the engine keeps what it had.
    static func configureCueing(
        _ engine: inout CueingEngine, _ c: SiteConfiguration, frame: LocalFrame
    ) throws(PipelineError) {
        var zones: [Zone] = []
        for z in c.zones {
            do throws(ZoneError) {
                switch z.shape {
                case .polygon(let vertices):
                    zones.append(
                        try Zone(
                            name: cueName(z.name), polygon: vertices, floorHAEM: z.floorM, ceilingHAEM: z.ceilingM,
                            frame: frame))
                case .circle(let center, let radius):
                    zones.append(
                        try Zone(
                            name: cueName(z.name), center: center, radiusM: radius, floorHAEM: z.floorM,
                            ceilingHAEM: z.ceilingM, frame: frame))
                }
            } catch {
                throw .zone(name: z.name, error)
            }
        }
        let interceptors = c.interceptors.map { i in
            Interceptor(
                name: cueName(i.name), zoneName: cueName(i.zone),
                kind: InterceptorKind(configName: i.kind.rawValue) ?? .gunTeam, position: i.position,
                speedMps: i.speedMps, rangeM: i.rangeM, capacity: i.maxTargets, frame: frame)
        }
        do throws(CueingConfigurationError) {
            try engine.configure(zones: zones, interceptors: interceptors)
        } catch {
            throw .cueing(error)
        }
    }

    /// Every configured port, in order of first mention, with who uses it.
    static func portTable(_ c: SiteConfiguration) -> [PortCounters] {
        var table: [PortCounters] = []
        func add(_ port: UInt16, _ role: PortCounters.Role, _ label: String) {
            if let i = table.firstIndex(where: { $0.port == port }) {
                table[i].label += ", " + label
            } else {
                table.append(PortCounters(port: port, role: role, label: label))
            }
        }
        for r in c.radars {
            for p in r.ports { add(p, .asterix, "radar \(r.name)") }
        }
        add(c.adsb.port, .asterix, "adsb")
        add(c.acoustic.port, .acoustic, "acoustic")
        return table
    }
}
