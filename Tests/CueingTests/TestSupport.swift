import Cueing
import FusionCore
import FusionMath
import Simulation

/// Shared builders for the cueing tests: a node frame at the reference
/// site's origin, ENU zones and interceptors, synthetic CV tracks.
enum Fixture {
    static let frame = LocalFrame(origin: Geodetic(latitudeDeg: 50.45, longitudeDeg: 30.52, heightM: 180))
    static let t0: Int64 = 1_794_787_200_000_000_000
    static let second: Int64 = 1_000_000_000

    static func name(_ s: String) -> CueName { CueName(s)! }

    static func circle(_ n: String, east: Double, north: Double, radius: Double, floor: Double = 0, ceiling: Double = 4000)
        -> Zone
    {
        try! Zone(
            name: name(n), circleCenterENU: Vector<2>([east, north]), radiusM: radius, floorUpM: floor,
            ceilingUpM: ceiling)
    }

    static func polygon(_ n: String, _ vertices: [(Double, Double)], floor: Double = 0, ceiling: Double = 4000) -> Zone {
        try! Zone(
            name: name(n), polygonENU: vertices.map { Vector<2>([$0.0, $0.1]) }, floorUpM: floor, ceilingUpM: ceiling)
    }

    static func interceptor(
        _ n: String, zone: String, kind: InterceptorKind, at p: Vector3, speed: Double, range: Double,
        capacity: Int? = nil
    ) -> Interceptor {
        Interceptor(
            name: name(n), zoneName: name(zone), kind: kind, positionENU: p, speedMps: speed, rangeM: range,
            capacity: capacity, frame: frame)
    }

    static func track(
        _ id: UInt32, _ cls: TargetClass, at p: Vector3, velocity v: Vector3, timeNs: Int64,
        status: ThreatTrack.Status = .confirmed, sigmaP: Double = 10, sigmaV: Double = 1, pUncrewed: Double? = nil
    ) -> ThreatTrack {
        var cov = Matrix<6, 6>.zero
        for i in 0..<3 {
            cov[i, i] = sigmaP * sigmaP
            cov[i + 3, i + 3] = sigmaV * sigmaV
        }
        let mean = Vector<6>([p.x, p.y, p.z, v.x, v.y, v.z])
        return ThreatTrack(
            id: id, status: status, state: GaussianState(mean: mean, covariance: cov, timeNs: timeNs),
            targetClass: cls, pUncrewed: pUncrewed ?? (cls == .uncrewed ? 0.99 : 0.1))
    }

    static func engine(
        zones: [Zone], interceptors: [Interceptor], parameters: CueingParameters = CueingParameters(),
        threatCapacity: Int = 128, cueCapacity: Int = 128
    ) -> CueingEngine {
        var e = CueingEngine(
            frame: frame, parameters: parameters, threatCapacity: threatCapacity, cueCapacity: cueCapacity)
        try! e.configure(zones: zones, interceptors: interceptors)
        return e
    }

    /// One engine step over `tracks`; the events it sent, in order.
    static func step(_ engine: inout CueingEngine, at nowNs: Int64, _ tracks: [ThreatTrack]) -> [CueEvent] {
        var events: [CueEvent] = []
        tracks.withUnsafeBufferPointer { buffer in
            engine.step(atNs: nowNs, tracks: buffer) { events.append($0) }
        }
        return events
    }
}

/// Follows the cue events of a run and checks the lifecycle invariants that
/// hold whatever the scenario: strictly increasing sequence, `.new` only for
/// a track without a cue, `.update`/`.cancel` only for the cue in force and
/// its interceptor, and engagement cues only for cueable tracks.
struct CueLedger {
    var lastSequence: UInt64 = 0
    /// track id -> interceptor name of its active cue.
    var active: [UInt32: CueName] = [:]
    var problems: [String] = []
    var counts: [CueKind: Int] = [:]
    var cancelReasons: [CueCancelReason: Int] = [:]

    mutating func record(_ events: [CueEvent], tracks: [ThreatTrack]) {
        for e in events {
            if e.sequence <= lastSequence { problems.append("sequence \(e.sequence) after \(lastSequence)") }
            lastSequence = e.sequence
            counts[e.kind, default: 0] += 1
            switch e.kind {
            case .new, .update:
                guard let t = tracks.first(where: { $0.id == e.trackId }), t.isCueable, t.targetClass == .uncrewed,
                    e.targetClass == .uncrewed
                else {
                    problems.append("engagement cue for a track that is not cueable: \(e.trackId)")
                    continue
                }
                if e.kind == .new {
                    if active[e.trackId] != nil { problems.append("duplicate active cue for track \(e.trackId)") }
                    active[e.trackId] = e.interceptorName
                } else if active[e.trackId] != e.interceptorName {
                    problems.append("update without a matching active cue, track \(e.trackId)")
                }
            case .cancel:
                cancelReasons[e.cancelReason, default: 0] += 1
                if active[e.trackId] != e.interceptorName {
                    problems.append("cancel without a matching active cue, track \(e.trackId)")
                }
                active[e.trackId] = nil
            }
        }
    }
}
