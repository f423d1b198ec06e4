import Cueing
import FusionCore
import FusionMath
import WireFormats

/// The pipeline's output side: reused buffers and writers for CAT062, CoT,
/// binary cues and report lines, the cue routes of the configuration, and
/// the picture of the current tick. Allocated once with the pipeline (a
/// class, so that the engines' closures can reach it while the engines are
/// borrowed); nothing here allocates per tick in steady state.
final class PipelineOutput {
    /// One configured cue endpoint.
    struct CueRoute {
        var interceptorIndex: Int
        var endpointIndex: Int
        var format: CueEndpoint.Format
        var output: NodeOutput
    }

    let nodeId: UInt32
    let frame: LocalFrame
    let zoneNames: [String]
    let interceptorNames: [String]
    let zoneShortNames: [ShortName]
    let interceptorShortNames: [ShortName]
    let cueRoutes: [CueRoute]
    let nodeKey: AuthKey?
    let cat062Output: NodeOutput?
    let cotOutput: NodeOutput?
    /// CoT track events go stale after this many output periods.
    let cotStaleNs: Int64
    /// A cue tasking stays on a TAK map this long unless updated or cancelled.
    static let cueStaleNs: Int64 = 60_000_000_000
    /// Records per CAT062 block: keeps LEN (16 bits) far from overflow at
    /// about 60 bytes per record.
    static let cat062RecordsPerBlock = 512

    var counters = PipelineCounters()
    let cat062Encoder: Cat062Encoder
    var cat062Bytes: [UInt8] = []
    var cot = CoTWriter(capacity: 4_096)
    var json = JSONLinesWriter(capacity: 1_024)
    let cueBytes: UnsafeMutableRawBufferPointer

    /// The tick's reportable tracks, and the same as cueing reads them.
    let viewCapacity: Int
    let views: UnsafeMutablePointer<TrackView>
    let threats: UnsafeMutablePointer<ThreatTrack>
    var viewCount = 0
    var threatCount = 0

    init(configuration c: SiteConfiguration, frame: LocalFrame) {
        nodeId = c.node.id
        self.frame = frame
        zoneNames = c.zones.map(\.name)
        interceptorNames = c.interceptors.map(\.name)
        zoneShortNames = zoneNames.map(Self.shortName)
        interceptorShortNames = interceptorNames.map(Self.shortName)
        var routes: [CueRoute] = []
        for (e, endpoint) in c.outputs.cues.enumerated() {
            guard let k = interceptorNames.firstIndex(of: endpoint.interceptor) else { continue }
            let kind: NodeOutput.Kind = endpoint.format == .binary ? .cueBinary : .cueCoT
            routes.append(
                CueRoute(
                    interceptorIndex: k, endpointIndex: e, format: endpoint.format,
                    output: NodeOutput(
                        kind: kind, endpointIndex: e, destination: IPEndpoint(configured: endpoint.endpoint))))
        }
        cueRoutes = routes
        nodeKey = c.keys.nodeKey.flatMap { AuthKey(bytes: $0.bytes) }
        cat062Output = c.outputs.cat062.map {
            NodeOutput(kind: .cat062, endpointIndex: 0, destination: IPEndpoint(configured: $0))
        }
        cotOutput = c.outputs.cot.map {
            NodeOutput(kind: .cotTrack, endpointIndex: 0, destination: IPEndpoint(configured: $0))
        }
        cotStaleNs = Int64((3 * c.outputs.cotPeriodS * 1e9).rounded())
        // I062/010: the node id's two low bytes as SAC/SIC.
        cat062Encoder = Cat062Encoder(sac: UInt8(truncatingIfNeeded: c.node.id >> 8), sic: UInt8(truncatingIfNeeded: c.node.id))
        cat062Bytes.reserveCapacity(3 + Self.cat062RecordsPerBlock * 80)
        cueBytes = .allocate(byteCount: CueCodec.byteCount, alignment: 8)
        viewCapacity = c.limits.trackCapacity
        views = .allocate(capacity: viewCapacity)
        threats = .allocate(capacity: viewCapacity)
    }

    deinit {
        cueBytes.deallocate()
        views.deallocate()
        threats.deallocate()
    }

    /// The binary cue's 8-byte name: printable ASCII, other characters as
    /// `?`, cut to 8 (the CoT cue and cues.jsonl carry the full name).
    static func shortName(_ name: String) -> ShortName {
        let printable = String(name.unicodeScalars.prefix(ShortName.byteCount).map { s in
            s.isASCII && s.value >= 0x20 && s.value <= 0x7E ? Character(s) : "?"
        })
        return ShortName(printable) ?? .empty
    }

    /// What cueing reads of a track.
    static func threatTrack(_ v: TrackView) -> ThreatTrack {
        ThreatTrack(
            id: v.id, status: ThreatTrack.Status(rawValue: v.status.rawValue) ?? .tentative, state: v.estimate,
            targetClass: v.belief.declared, pUncrewed: v.belief.pUncrewed, lastFixNs: v.lastPositionFixNs)
    }

    /// Collects the reportable tracks at `nowNs` into `views`, for the reports.
    func collect(from engine: borrowing FusionEngine, atNs nowNs: Int64) {
        var n = 0
        let capacity = viewCapacity
        let views = self.views
        engine.forEachReportableTrack(atNs: nowNs) { v in
            guard n < capacity else { return }
            views[n] = v
            n += 1
        }
        viewCount = n
    }

    /// What cueing reads of the reportable tracks at `nowNs`, into
    /// `threats`: the tracks declared uncrewed predicted to `nowNs`, the
    /// others at their own time (cueing looks at nothing of theirs but
    /// class, status and id: `ThreatTrack.isCueable` stops at the class),
    /// so that the periodic pass's cues leave before the whole picture is
    /// predicted for the reports.
    func collectThreats(from engine: borrowing FusionEngine, atNs nowNs: Int64) {
        var n = 0
        let capacity = viewCapacity
        let threats = self.threats
        engine.forEachReportableTrack(atNs: nowNs, predictingIf: { $0.declared == .uncrewed }) { v in
            guard n < capacity else { return }
            threats[n] = Self.threatTrack(v)
            n += 1
        }
        threatCount = n
    }

    var threatBuffer: UnsafeBufferPointer<ThreatTrack> { UnsafeBufferPointer(start: threats, count: threatCount) }

    /// Takes the tracks the engine updated since the last call, at `nowNs`,
    /// into `threats` (every tick collects its own before use, so the
    /// buffer is free between ticks); returns them.
    func collectUpdated(from engine: inout FusionEngine, atNs nowNs: Int64) -> UnsafeBufferPointer<ThreatTrack> {
        var n = 0
        let capacity = viewCapacity
        let threats = self.threats
        engine.takeUpdatedTracks(atNs: nowNs) { v in
            guard n < capacity else { return }
            threats[n] = Self.threatTrack(v)
            n += 1
        }
        threatCount = 0
        return UnsafeBufferPointer(start: threats, count: n)
    }
}
