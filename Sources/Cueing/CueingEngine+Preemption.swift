/// The crew rule for a threat that no interceptor with spare capacity
/// reaches (pass 3 of `CueingEngine.assignInterceptors`), in two steps:
///
/// 1. **Make room** (`rearrange`): if an interceptor that reaches it is full,
///    and one of its targets can move to another interceptor of its zone
///    with spare capacity that still reaches that target, the target moves
///    (its cue is cancelled as `reassigned` and a new one goes to the other
///    interceptor) and the new threat takes the freed place. Nobody loses a
///    cue, so this needs no urgency test.
/// 2. **Pre-empt** (`preempt`): otherwise the new threat takes a full
///    interceptor's target away (its cue is cancelled as `preempted`) when
///    - it enters its zone earlier than that target by at least
///      `preemptMarginS` plus `preemptMarginFraction` of that target's time
///      to entry (entry estimates scatter in proportion to it), and
///    - that target enters no earlier than the new intercept plus
///      `preemptReengageS`: the interceptor deals with the urgent threat and
///      is ready again before the deferred one arrives.
///    Among candidates the target entering last is displaced. It is then
///    an unassigned threat like any other and takes the next interceptor
///    that frees up or that it may itself take by this rule.
///
/// Against flapping: a cue younger than `preemptHoldS` is never displaced,
/// and a target just displaced cannot take the interceptor back unless the
/// two entry estimates swing past each other by twice the margin (the
/// noise of a track's speed does not). Making room needs no hold: it only ever cues
/// one more threat, and undoing it would need a threat to lose its cue
/// first. Each step of the rule either cues one more threat (1) or gives
/// an interceptor to a threat entering at least the margin earlier (2), so
/// on a steady picture it cannot cycle.
///
/// Only threats of the current step take part: in a partial step (one
/// datagram's tracks) the other tracks' cues keep their interceptors, and
/// the next periodic step, within a second, considers everyone.
extension CueingEngine {
    /// Whether threat `j`'s assignment may be given up for another threat:
    /// assigned in this step without a cue yet, or (with `holding`) on a
    /// cue held at least `preemptHoldS` on its current interceptor.
    func isMovable(_ j: Int, nowNs: Int64, holding: Bool) -> Bool {
        let t = threats[j]
        guard t.assigned >= 0 else { return false }
        if t.cue < 0 || !holding { return true }
        guard t.previous == t.assigned, t.heldSinceNs != .max else { return false }
        return Double(nowNs &- t.heldSinceNs) >= parameters.preemptHoldS * 1e9
    }

    /// Step 1: frees a place for unassigned threat `i` on a full interceptor
    /// by moving one of its targets to an interceptor with spare capacity
    /// that reaches that target. The place giving `i` the earliest intercept
    /// is taken. True when `i` is now assigned.
    mutating func rearrange(for i: Int, nowNs: Int64) -> Bool {
        var best: (k: Int, s: InterceptSolution, j: Int, other: Int, moved: InterceptSolution)? = nil
        for k in 0..<interceptorCount where load[k] >= interceptors[k].capacity {
            guard let s = solve(threats[i], by: k), s.timeS < (best?.s.timeS ?? .infinity) else { continue }
            for j in 0..<threatCount where j != i && threats[j].assigned == k && isMovable(j, nowNs: nowNs, holding: false) {
                guard let (other, moved) = bestInterceptor(for: threats[j], excluding: k) else { continue }
                best = (k, s, j, other, moved)
                break
            }
        }
        guard let best else { return false }
        assign(best.j, to: best.other, best.moved, nowNs: nowNs)
        load[best.k] -= 1
        assign(i, to: best.k, best.s, nowNs: nowNs)
        return true
    }

    /// Step 2: gives unassigned threat `i` a full interceptor whose target
    /// enters after `i` by at least the margin (`preemptMarginS` plus
    /// `preemptMarginFraction` of its own entry time) and no earlier than `i`'s
    /// intercept plus `preemptReengageS`; the target entering last is
    /// displaced (marked `preempted`, its cue cancelled in the lifecycle).
    /// True when `i` is now assigned.
    mutating func preempt(for i: Int, nowNs: Int64) -> Bool {
        let entry = threats[i].entryS
        var best: (k: Int, s: InterceptSolution, j: Int)? = nil
        for k in 0..<interceptorCount where load[k] >= interceptors[k].capacity {
            guard let s = solve(threats[i], by: k) else { continue }
            for j in 0..<threatCount where j != i && threats[j].assigned == k && isMovable(j, nowNs: nowNs, holding: true) {
                let later = threats[j].entryS
                let margin = parameters.preemptMarginS + parameters.preemptMarginFraction * later
                guard later - entry >= margin, later >= s.timeS + parameters.preemptReengageS
                else { continue }
                if let b = best {
                    let current = threats[b.j].entryS
                    guard later > current || (later == current && s.timeS < b.s.timeS) else { continue }
                }
                best = (k, s, j)
            }
        }
        guard let best else { return false }
        threats[best.j].assigned = -1
        threats[best.j].preempted = true
        load[best.k] -= 1
        assign(i, to: best.k, best.s, nowNs: nowNs)
        return true
    }
}
