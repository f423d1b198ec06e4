import FusionMath

/// One threat of the current step (internal scratch of `CueingEngine`).
struct Threat {
    var trackIndex: Int
    var trackId: UInt32
    var zoneIndex: Int
    var entryS: Double
    var entryNs: Int64
    /// ENU state at the step time.
    var position: Vector3
    var velocity: Vector3
    /// Interceptor of its active cue, -1 when it has none.
    var previous: Int = -1
    /// Index of its active cue, -1 when it has none (or it was cancelled).
    var cue: Int = -1
    /// Since when its active cue has been on `previous` (`Int64.max`: no cue).
    var heldSinceNs: Int64 = .max
    /// Lost its interceptor to a more urgent threat in this step.
    var preempted = false
    /// Interceptor assigned in this step, -1 when none reaches it.
    var assigned: Int = -1
    var solution = InterceptSolution(timeS: 0, point: .zero)
    var interceptNs: Int64 = 0
}

/// Seconds to whole nanoseconds.
@inline(__always) func nanoseconds(_ s: Double) -> Int64 { Int64((s * 1e9).rounded()) }

extension CueingEngine {
    /// Fills the threat table from the cueable tracks, sorted by entry time
    /// (insertion sort: no allocation, and the table is short). When it is
    /// full, the threat entering last is the one dropped.
    mutating func evaluateThreats(atNs nowNs: Int64, tracks: UnsafeBufferPointer<ThreatTrack>) {
        threatCount = 0
        let zoneList = UnsafeBufferPointer(start: zones, count: zoneCount)
        for i in 0..<tracks.count {
            let track = tracks[i]
            // The safety gate: nothing else about a track is looked at unless
            // it is uncrewed and confirmed or coasting.
            guard track.isCueable else { continue }
            guard track.hasCueQuality(atNs: nowNs, parameters) else { continue }
            var duplicate = false
            for j in 0..<threatCount where threats[j].trackId == track.id { duplicate = true }
            guard !duplicate else { continue }
            let (p, v) = track.predicted(toNs: nowNs)
            guard
                let a = ThreatAssessment.assess(
                    position: p, velocity: v, covariance: track.predictedCovariance(toNs: nowNs), zones: zoneList,
                    horizonS: parameters.horizonS, sigmaK: parameters.sigmaK)
            else { continue }
            if threatCount == threatCapacity {
                statistics.threatsDropped += 1
                guard a.entryS < threats[threatCount - 1].entryS else { continue }
                threatCount -= 1
            }
            var j = threatCount
            while j > 0 && threats[j - 1].entryS > a.entryS {
                threats[j] = threats[j - 1]
                j -= 1
            }
            threats[j] = Threat(
                trackIndex: i, trackId: track.id, zoneIndex: a.zoneIndex, entryS: a.entryS,
                entryNs: nowNs &+ nanoseconds(a.entryS), position: p, velocity: v)
            threatCount += 1
        }
    }

    /// Ties each active cue to this step's threat of the same track.
    mutating func linkCues() {
        for c in 0..<activeCueCount {
            cues[c].threat = -1
            for i in 0..<threatCount where threats[i].trackId == cues[c].trackId {
                threats[i].cue = c
                threats[i].previous = cues[c].interceptor
                threats[i].heldSinceNs = cues[c].sinceNs
                cues[c].threat = i
                break
            }
        }
    }

    /// The intercept of threat `t` by interceptor `k`, if `k` defends the
    /// threatened zone and reaches the target within the horizon.
    func solve(_ t: Threat, by k: Int) -> InterceptSolution? {
        guard interceptorZone[k] == t.zoneIndex else { return nil }
        return interceptors[k].intercept(targetPosition: t.position, targetVelocity: t.velocity, horizonS: parameters.horizonS)
    }

    /// The interceptor with spare capacity that reaches `t` first, other
    /// than `excluding`.
    func bestInterceptor(for t: Threat, excluding: Int) -> (Int, InterceptSolution)? {
        var best: (Int, InterceptSolution)? = nil
        for k in 0..<interceptorCount where k != excluding && load[k] < interceptors[k].capacity {
            if let s = solve(t, by: k), s.timeS < (best?.1.timeS ?? Double.infinity) { best = (k, s) }
        }
        return best
    }

    mutating func assign(_ i: Int, to k: Int, _ s: InterceptSolution, nowNs: Int64) {
        threats[i].assigned = k
        threats[i].preempted = false
        threats[i].solution = s
        threats[i].interceptNs = nowNs &+ nanoseconds(s.timeS)
        load[k] += 1
    }

    /// Greedy assignment in order of zone entry, in four passes:
    /// 1. a threat keeps its current interceptor while that one still
    ///    reaches it and has capacity (engagements in progress are stable);
    /// 2. threats without one take the earliest-intercepting interceptor of
    ///    their zone that has capacity left;
    /// 3. a threat still without one may take a full interceptor's target
    ///    by the crew rule of `CueingEngine+Preemption`: first by moving
    ///    that target to another interceptor that still reaches it (no
    ///    threat loses its cue), else, if it enters much earlier (by
    ///    `preemptMarginS` plus a share of the target's entry time), by
    ///    pre-empting it;
    /// 4. a kept threat moves to a free interceptor only if that one
    ///    intercepts at least `hysteresisS` earlier, so two nearly equal
    ///    interceptors never trade a target back and forth.
    /// Since classes are declared by the datagram that decides them,
    /// threats declared a second apart are assigned one after the other:
    /// in the crossing-short golden replay the drone declared first took
    /// IDR-1 (capacity 1 there), and the one declared a second later, which
    /// GUN-1 cannot reach, got no cue until pass 3 moved the first to GUN-1.
    ///
    /// With `only` (a partial step over those tracks), the cues of tracks
    /// not listed keep their interceptors and count against capacity.
    mutating func assignInterceptors(atNs nowNs: Int64, only: UnsafeBufferPointer<ThreatTrack>?) {
        for k in 0..<interceptorCount { load[k] = 0 }
        if only != nil {
            for c in 0..<activeCueCount where cues[c].interceptor >= 0 && !Self.lists(only, cues[c].trackId) {
                load[cues[c].interceptor] += 1
            }
        }
        for i in 0..<threatCount {
            let c = threats[i].previous
            guard c >= 0 && load[c] < interceptors[c].capacity, let s = solve(threats[i], by: c) else { continue }
            assign(i, to: c, s, nowNs: nowNs)
        }
        for i in 0..<threatCount where threats[i].assigned < 0 {
            if let (k, s) = bestInterceptor(for: threats[i], excluding: -1) { assign(i, to: k, s, nowNs: nowNs) }
        }
        // Re-evaluated per index: a threat pre-empted here has a later
        // entry, so its own turn comes further on.
        for i in 0..<threatCount where threats[i].assigned < 0 {
            _ = rearrange(for: i, nowNs: nowNs) || preempt(for: i, nowNs: nowNs)
        }
        for i in 0..<threatCount where threats[i].assigned >= 0 {
            let current = threats[i].assigned
            guard let (k, s) = bestInterceptor(for: threats[i], excluding: current),
                s.timeS < threats[i].solution.timeS - parameters.hysteresisS
            else { continue }
            load[current] -= 1
            assign(i, to: k, s, nowNs: nowNs)
        }
    }
}
