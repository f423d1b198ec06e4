import FusionCore
import FusionMath

/// Why a configuration was refused (the previous one stays in force).
public enum CueingConfigurationError: Error, Sendable, Equatable {
    case tooManyZones
    case tooManyInterceptors
    case duplicateZoneName(index: Int)
    case duplicateInterceptorName(index: Int)
    /// Interceptor `index` names a zone that is not configured.
    case unknownZone(interceptorIndex: Int)
}

/// Threat evaluation, interceptor assignment and cue lifecycle for one node.
///
/// Once per `step` (at e.g. 1 Hz, or after each track update) it:
/// 1. assesses every cueable track (`ThreatTrack.isCueable`: uncrewed and
///    confirmed or coasting; nothing else is ever looked at) that is good
///    enough to aim at (`ThreatTrack.hasCueQuality`: coasting at most
///    `maxCoastS`, position sigmas within `maxHorizontalSigmaM` and
///    `maxVerticalSigmaM`, horizontal velocity sigma within
///    `maxHorizontalVelocitySigmaMps`) against the zones (`ThreatAssessment`), and ranks
///    the threats by zone entry time;
/// 2. assigns each threat to an interceptor of its zone that reaches it
///    first, within each interceptor's capacity, keeping current
///    assignments unless another one is `hysteresisS` earlier or the current
///    one can no longer reach it (`CueingEngine+Assignment`); a threat that
///    finds every interceptor reaching it full makes room by moving a
///    target to another interceptor, or pre-empts one entering much later
///    (`CueingEngine+Preemption`);
/// 3. issues `.new`, rate-limited `.update` and `.cancel` events with one
///    node-wide, strictly increasing sequence (`CueingEngine+Lifecycle`).
/// A track that is lost, reclassified, no longer confirmed or no longer good
/// enough to aim at has its cue cancelled in the same step.
///
/// All storage is allocated once at init with fixed capacities; `step`
/// does not allocate. Frame: the node's local ENU frame, metres, seconds;
/// absolute times in nanoseconds since the Unix epoch.
///
/// Cost per step: tracks x zones x 13 closed-form entries (x vertices for
/// polygons), threats x interceptors intercepts, and cues x (threats +
/// tracks) lookups by id; linear scans, since the tables hold tens to a few
/// hundred entries and a hash table would need a heap.
/// FIXME: a threat is offered only to the interceptors of the zone it
/// enters first; a track crossing one zone on its way to another is not
/// offered to the second zone's interceptors.
public struct CueingEngine: ~Copyable {
    public let frame: LocalFrame
    public var parameters: CueingParameters
    public internal(set) var statistics = CueingStatistics()

    public let zoneCapacity: Int
    public let interceptorCapacity: Int
    public let threatCapacity: Int
    public let cueCapacity: Int

    let zones: UnsafeMutablePointer<Zone>
    public internal(set) var zoneCount = 0
    let interceptors: UnsafeMutablePointer<Interceptor>
    public internal(set) var interceptorCount = 0
    /// Zone index of each interceptor.
    let interceptorZone: UnsafeMutablePointer<Int>
    /// Targets assigned to each interceptor in the current step.
    let load: UnsafeMutablePointer<Int>
    /// Threats of the current step, sorted by entry time.
    let threats: UnsafeMutablePointer<Threat>
    var threatCount = 0
    let cues: UnsafeMutablePointer<ActiveCue>
    public internal(set) var activeCueCount = 0
    var nextSequence: UInt64 = 1

    public init(
        frame: LocalFrame, parameters: CueingParameters = CueingParameters(), zoneCapacity: Int = 16,
        interceptorCapacity: Int = 32, threatCapacity: Int = 128, cueCapacity: Int = 128
    ) {
        precondition(zoneCapacity > 0 && interceptorCapacity > 0 && threatCapacity > 0 && cueCapacity > 0)
        self.frame = frame
        self.parameters = parameters
        self.zoneCapacity = zoneCapacity
        self.interceptorCapacity = interceptorCapacity
        self.threatCapacity = threatCapacity
        self.cueCapacity = cueCapacity
        zones = .allocate(capacity: zoneCapacity)
        interceptors = .allocate(capacity: interceptorCapacity)
        interceptorZone = .allocate(capacity: interceptorCapacity)
        load = .allocate(capacity: interceptorCapacity)
        threats = .allocate(capacity: threatCapacity)
        cues = .allocate(capacity: cueCapacity)
    }

    deinit {
        zones.deallocate()
        interceptors.deallocate()
        interceptorZone.deallocate()
        load.deallocate()
        threats.deallocate()
        cues.deallocate()
    }

    /// Replaces zones and interceptors (at start, or on a reload). Cues live
    /// on where an interceptor of the same name defending a zone of the same
    /// name still exists; the others are cancelled (`.reconfigured`) at the
    /// next step. On error nothing changes.
    public mutating func configure<Z: Collection, I: Collection>(zones newZones: Z, interceptors newInterceptors: I)
        throws(CueingConfigurationError) where Z.Element == Zone, I.Element == Interceptor
    {
        guard newZones.count <= zoneCapacity else { throw .tooManyZones }
        guard newInterceptors.count <= interceptorCapacity else { throw .tooManyInterceptors }
        for (i, z) in newZones.enumerated() {
            for (j, other) in newZones.enumerated() where j < i && other.name == z.name {
                throw .duplicateZoneName(index: i)
            }
        }
        for (i, k) in newInterceptors.enumerated() {
            for (j, other) in newInterceptors.enumerated() where j < i && other.name == k.name {
                throw .duplicateInterceptorName(index: i)
            }
            guard newZones.contains(where: { $0.name == k.zoneName }) else { throw .unknownZone(interceptorIndex: i) }
        }
        zoneCount = 0
        for z in newZones {
            zones[zoneCount] = z
            zoneCount += 1
        }
        interceptorCount = 0
        for k in newInterceptors {
            interceptors[interceptorCount] = k
            interceptorZone[interceptorCount] = zoneIndex(named: k.zoneName)
            interceptorCount += 1
        }
        for c in 0..<activeCueCount {
            let k = interceptorIndex(named: cues[c].interceptorName)
            cues[c].interceptor = k >= 0 && interceptors[k].zoneName == cues[c].zoneName ? k : -1
            cues[c].zone = cues[c].interceptor >= 0 ? interceptorZone[k] : -1
        }
    }

    /// The configured zones, in configuration order.
    public func zone(_ i: Int) -> Zone { zones[i] }

    /// The configured interceptors, in configuration order.
    public func interceptor(_ i: Int) -> Interceptor { interceptors[i] }

    func zoneIndex(named name: CueName) -> Int {
        for z in 0..<zoneCount where zones[z].name == name { return z }
        return -1
    }

    func interceptorIndex(named name: CueName) -> Int {
        for k in 0..<interceptorCount where interceptors[k].name == name { return k }
        return -1
    }

    /// Runs evaluation, assignment and cue lifecycle at `nowNs` over the
    /// current track picture (unique track ids), calling `emit` for each cue
    /// event in sending order: cancels and updates first, then new cues.
    public mutating func step(atNs nowNs: Int64, tracks: UnsafeBufferPointer<ThreatTrack>, emit: (CueEvent) -> Void) {
        stepOverEveryTrack(atNs: nowNs, tracks: tracks, updatingFixedTracks: true, emit: emit)
    }

    /// `step` as the periodic pass of a node that also runs the partial
    /// step after each datagram: the same, except that a cue whose track
    /// had a position fix since the cue's last event, less than
    /// `minUpdateIntervalNs` ago, gets no update here. That fix's datagram
    /// owns the update (its partial step sends it, or the next fix's once
    /// the 1 s limit allows); otherwise a pass on whole seconds would take
    /// each cue's once-a-second slot before the data came, and updates
    /// would carry predictions instead of plots. Cues of tracks that miss
    /// their fixes still get updates here.
    public mutating func periodicStep(
        atNs nowNs: Int64, tracks: UnsafeBufferPointer<ThreatTrack>, emit: (CueEvent) -> Void
    ) {
        stepOverEveryTrack(atNs: nowNs, tracks: tracks, updatingFixedTracks: false, emit: emit)
    }

    /// `step` and `periodicStep`: threats, assignment and every cue's lifecycle.
    mutating func stepOverEveryTrack(
        atNs nowNs: Int64, tracks: UnsafeBufferPointer<ThreatTrack>, updatingFixedTracks: Bool,
        emit: (CueEvent) -> Void
    ) {
        evaluateThreats(atNs: nowNs, tracks: tracks)
        linkCues()
        assignInterceptors(atNs: nowNs, only: nil)
        runLifecycle(atNs: nowNs, tracks: tracks, only: nil, updatingFixedTracks: updatingFixedTracks, emit: emit)
    }

    /// The same decisions as `step`, for just `updated` (the tracks one
    /// datagram has just updated, unique ids): their threats, their
    /// assignment (other tracks' cues keep their interceptors and count
    /// against capacity), and their cues' new, update (still at most
    /// `minUpdateIntervalNs` apart) and cancel events, in `step`'s order.
    /// Cues of tracks not listed are left alone: losing a track, time
    /// passing and quality decaying are the periodic `step`'s to find.
    ///
    /// This is what lets a plot's own processing send the cue it causes
    /// at once. `forEachThreat` then shows these tracks' threats only.
    public mutating func step(
        atNs nowNs: Int64, updated: UnsafeBufferPointer<ThreatTrack>, emit: (CueEvent) -> Void
    ) {
        guard updated.count > 0 else { return }
        evaluateThreats(atNs: nowNs, tracks: updated)
        linkCues()
        assignInterceptors(atNs: nowNs, only: updated)
        runLifecycle(atNs: nowNs, tracks: updated, only: updated, updatingFixedTracks: true, emit: emit)
    }

    /// Whether `only` (nil: every track) lists `trackId`.
    static func lists(_ only: UnsafeBufferPointer<ThreatTrack>?, _ trackId: UInt32) -> Bool {
        guard let only else { return true }
        for i in 0..<only.count where only[i].id == trackId { return true }
        return false
    }

    /// Calls `body` for each threat of the last step (of a partial step:
    /// its tracks' threats), earliest entry first.
    public func forEachThreat(_ body: (ThreatSummary) -> Void) {
        for i in 0..<threatCount {
            let t = threats[i]
            body(
                ThreatSummary(
                    trackId: t.trackId, zoneIndex: t.zoneIndex, entryNs: t.entryNs, interceptorIndex: t.assigned,
                    interceptTimeNs: t.assigned >= 0 ? t.interceptNs : nil))
        }
    }

    /// Calls `body` with the last event sent for each active cue.
    public func forEachActiveCue(_ body: (CueEvent) -> Void) {
        for c in 0..<activeCueCount { body(cues[c].last) }
    }
}

/// One threat of the last step, for metrics and displays.
@frozen
public struct ThreatSummary: Sendable, BitwiseCopyable {
    public var trackId: UInt32
    public var zoneIndex: Int
    public var entryNs: Int64
    /// Assigned interceptor, -1 when none can reach it.
    public var interceptorIndex: Int
    public var interceptTimeNs: Int64?
}
