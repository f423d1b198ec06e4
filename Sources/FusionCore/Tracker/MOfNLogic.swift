/// M-of-N confirmation over scan opportunities, and the miss bookkeeping
/// that drives coasting and deletion.
///
/// A scan opportunity is one revisit period of the sensors that update the
/// track (a radar's antenna period, an acoustic sensor's report interval).
/// Updates less than half a period apart belong to the same opportunity (two
/// radars, or a split plot). `window` keeps the last 32 opportunities, most
/// recent in bit 0.
@frozen
public struct MOfNLogic: Sendable, BitwiseCopyable {
    public var window: UInt32
    /// Opportunities since the track started, saturating.
    public var opportunities: UInt16
    public var lastHitNs: Int64
    public var revisitNs: Int64

    @inlinable public init(firstHitNs: Int64, revisitNs: Int64) {
        window = 1
        opportunities = 1
        lastHitNs = firstHitNs
        self.revisitNs = max(revisitNs, 1)
    }

    /// Whole revisit periods without a hit between the last hit and `nowNs`
    /// (a period counts as missed once 1.5 periods have passed).
    @inlinable public func missedOpportunities(atNs nowNs: Int64) -> Int {
        let elapsed = nowNs &- lastHitNs
        guard elapsed > revisitNs + revisitNs / 2 else { return 0 }
        return Int((elapsed - revisitNs / 2) / revisitNs)
    }

    /// Records a hit at `timeNs` (a measurement was assigned to the track).
    /// A late hit, older than the last one, marks the opportunity it belongs
    /// to, so a late plot counts towards confirmation as if it had been on time.
    @inlinable public mutating func recordHit(atNs timeNs: Int64) {
        let elapsed = timeNs &- lastHitNs
        if elapsed < 0 {
            let back = Int((-elapsed + revisitNs / 2) / revisitNs)
            if back < 32 && back < Int(opportunities) { window |= UInt32(1) << UInt32(back) }
            return
        }
        guard elapsed >= revisitNs / 2 else { return }
        // Opportunities strictly between the two hits were missed.
        let skipped = Int((elapsed + revisitNs / 2) / revisitNs) - 1
        let shift = min(31, skipped + 1)
        window = (window << UInt32(shift)) | 1
        opportunities = UInt16(min(Int(UInt16.max), Int(opportunities) + skipped + 1))
        lastHitNs = timeNs
    }

    /// Hits among the last `n` opportunities as of `nowNs` (n <= 32).
    @inlinable public func hits(inLast n: Int, atNs nowNs: Int64) -> Int {
        let missed = missedOpportunities(atNs: nowNs)
        guard missed < n else { return 0 }
        let mask: UInt32 = n - missed >= 32 ? .max : (UInt32(1) << UInt32(n - missed)) - 1
        return (window & mask).nonzeroBitCount
    }

    /// Opportunities since the first hit as of `nowNs`.
    @inlinable public func totalOpportunities(atNs nowNs: Int64) -> Int {
        Int(opportunities) + missedOpportunities(atNs: nowNs)
    }

    /// True when `m` of the last `n` opportunities had a hit.
    @inlinable public func isConfirmed(m: Int, n: Int, atNs nowNs: Int64) -> Bool {
        hits(inLast: n, atNs: nowNs) >= m
    }

    /// True when a tentative track can no longer reach `m` of `n` within its
    /// first `n` opportunities... or has gone silent for more than `n - m`
    /// opportunities in a row.
    @inlinable public func cannotConfirm(m: Int, n: Int, atNs nowNs: Int64) -> Bool {
        let total = totalOpportunities(atNs: nowNs)
        if missedOpportunities(atNs: nowNs) > n - m { return true }
        let hitsSoFar = hits(inLast: min(n, 32), atNs: nowNs)
        let remaining = max(0, n - total)
        return total >= n && hitsSoFar + remaining < m
    }
}
