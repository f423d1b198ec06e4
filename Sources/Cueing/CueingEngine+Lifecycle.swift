import FusionCore
import FusionMath

/// One cue in force (internal storage of `CueingEngine`).
struct ActiveCue {
    var trackId: UInt32
    /// Current configuration indices; -1 after a reload removed them.
    var interceptor: Int
    var zone: Int
    /// When the cue was issued to this interceptor (a pre-emption's hold).
    var sinceNs: Int64
    /// Names, so that a reload finds the same interceptor and zone again.
    var interceptorName: CueName
    var zoneName: CueName
    /// The last event sent for this cue (new or update).
    var last: CueEvent
    /// Threat of the current step for this track, -1 when none.
    var threat: Int = -1
}

/// A track that passed the safety gate. The only way to build a `.new` or
/// `.update` event in the engine goes through one of these, and the only
/// way to get one is this failable init, which applies `isCueable`.
struct CueableTrack {
    let track: ThreatTrack

    init?(_ track: ThreatTrack) {
        guard track.isCueable else { return nil }
        self.track = track
    }
}

extension CueingEngine {
    mutating func takeSequence() -> UInt64 {
        defer { nextSequence += 1 }
        return nextSequence
    }

    /// Cancels, updates and new cues for this step, in that order; with
    /// `only`, for the cues of the tracks it lists; without
    /// `updatingFixedTracks`, no update for a cue whose track had a
    /// position fix since the cue's last event, less than
    /// `minUpdateIntervalNs` ago (`periodicStep`).
    mutating func runLifecycle(
        atNs nowNs: Int64, tracks: UnsafeBufferPointer<ThreatTrack>, only: UnsafeBufferPointer<ThreatTrack>?,
        updatingFixedTracks: Bool, emit: (CueEvent) -> Void
    ) {
        var c = activeCueCount - 1
        while c >= 0 {
            defer { c -= 1 }
            let cue = cues[c]
            guard Self.lists(only, cue.trackId) else { continue }
            var reason = CueCancelReason.none
            var targetClass = cue.last.targetClass, pUncrewed = cue.last.pUncrewed
            if cue.interceptor < 0 {
                reason = .reconfigured
            } else if cue.threat < 0 {
                reason = .trackLost
                for i in 0..<tracks.count where tracks[i].id == cue.trackId {
                    let t = tracks[i]
                    targetClass = t.targetClass
                    pUncrewed = t.pUncrewed
                    if t.targetClass != .uncrewed {
                        reason = .reclassified
                    } else if !t.isCueable {
                        reason = .notConfirmed
                    } else {
                        reason = t.hasCueQuality(atNs: nowNs, parameters) ? .noLongerThreat : .trackQuality
                    }
                    break
                }
            } else if threats[cue.threat].preempted {
                reason = .preempted
                statistics.preemptions += 1
            } else if threats[cue.threat].assigned < 0 {
                reason = .noIntercept
            } else if threats[cue.threat].assigned != cue.interceptor {
                reason = .reassigned
                statistics.reassignments += 1
            }
            if reason != .none {
                emit(
                    cue.last.cancelled(
                        sequence: takeSequence(), timeNs: nowNs, reason: reason, targetClass: targetClass,
                        pUncrewed: pUncrewed, zoneIndex: cue.zone, interceptorIndex: cue.interceptor))
                statistics.cancels += 1
                if cue.threat >= 0 { threats[cue.threat].cue = -1 }
                // Swap-remove: the moved cue was already handled (we go backwards).
                activeCueCount -= 1
                cues[c] = cues[activeCueCount]
                continue
            }
            let threat = threats[cue.threat]
            let fixNs = tracks[threat.trackIndex].lastFixNs
            if !updatingFixedTracks && fixNs > cue.last.timeNs && nowNs &- fixNs < parameters.minUpdateIntervalNs {
                continue
            }
            let reindexed = cue.last.interceptorIndex != cue.interceptor || cue.last.zoneIndex != cue.zone
            // Nothing new seen since the last event: an update would only
            // carry our own extrapolation (the interceptor has the last
            // cue's intercept), and after a drone's impact it would keep
            // steering onto empty sky until the track is dropped.
            guard fixNs > cue.last.timeNs || reindexed else { continue }
            let moved =
                (threat.solution.point - cue.last.interceptPointENU).norm > parameters.updateDistanceM
                || Double(threat.interceptNs &- cue.last.interceptTimeNs).magnitude > parameters.updateTimeS * 1e9
            guard nowNs &- cue.last.timeNs >= parameters.minUpdateIntervalNs && (moved || reindexed) else { continue }
            guard let event = makeEvent(.update, threat: threat, tracks: tracks, atNs: nowNs) else { continue }
            cues[c].last = event
            statistics.updates += 1
            emit(event)
        }
        for i in 0..<threatCount where threats[i].assigned >= 0 && threats[i].cue < 0 {
            guard activeCueCount < cueCapacity else {
                statistics.cuesDropped += 1
                continue
            }
            guard let event = makeEvent(.new, threat: threats[i], tracks: tracks, atNs: nowNs) else { continue }
            let k = threats[i].assigned
            cues[activeCueCount] = ActiveCue(
                trackId: event.trackId, interceptor: k, zone: threats[i].zoneIndex, sinceNs: nowNs,
                interceptorName: interceptors[k].name, zoneName: zones[threats[i].zoneIndex].name, last: event)
            threats[i].cue = activeCueCount
            activeCueCount += 1
            statistics.newCues += 1
            emit(event)
        }
    }

    /// Builds a `.new` or `.update` event for an assigned threat. Nil (and a
    /// trap in debug builds) if its track fails the safety gate, which the
    /// threat table makes impossible.
    mutating func makeEvent(_ kind: CueKind, threat t: Threat, tracks: UnsafeBufferPointer<ThreatTrack>, atNs nowNs: Int64)
        -> CueEvent?
    {
        guard let cueable = CueableTrack(tracks[t.trackIndex]) else {
            assertionFailure("threat table holds a track that is not cueable")
            return nil
        }
        let track = cueable.track
        let k = t.assigned
        let p = track.predictedCovariance(toNs: nowNs)
        let zone = zones[t.zoneIndex]
        let interceptor = interceptors[k]
        do {
            return try CueEvent(
                nodeId: parameters.nodeId, sequence: takeSequence(), kind: kind, cancelReason: .none, timeNs: nowNs,
                trackId: track.id, zoneIndex: t.zoneIndex, zoneName: zone.name, interceptorIndex: k,
                interceptorName: interceptor.name, targetClass: track.targetClass, pUncrewed: track.pUncrewed,
                targetPositionENU: t.position, targetVelocityENU: t.velocity,
                targetPosition: frame.geodetic(fromENU: t.position), targetVelocityECEF: frame.rotateToECEF(t.velocity),
                horizontalSigmaM: (0.5 * Swift.max(0, p[0, 0] + p[1, 1])).squareRoot(),
                verticalSigmaM: Swift.max(0, p[2, 2]).squareRoot(),
                velocitySigmaMps: (Swift.max(0, p[3, 3] + p[4, 4] + p[5, 5]) / 3).squareRoot(),
                interceptPointENU: t.solution.point, interceptPoint: frame.geodetic(fromENU: t.solution.point),
                interceptTimeNs: t.interceptNs, zoneEntryNs: t.entryNs)
        } catch {
            assertionFailure("cue event refused for a cueable track")
            return nil
        }
    }
}
