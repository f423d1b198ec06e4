import FusionMath

extension FusionEngine {
    /// Removes tracks that follow a target another, older track already
    /// follows. Two tracks on one target arise however careful initiation
    /// is: a late acoustic cross-fix of a target the radars hold, a plot
    /// that missed its track's gate during a manoeuvre, a second radar's
    /// first plots. Once both exist, global nearest neighbour feeds each
    /// its share of the plots and neither ever dies: in a one-hour,
    /// three-radar, 100-array replay such pairs were 16,000 of the 20,800
    /// false track-seconds.
    ///
    /// Test: the states of tracks a and b (b the one to keep: confirmed over
    /// tentative, else older), both predicted
    /// to `nowNs`, differ by d; with Pa + Pb = S (their errors taken as
    /// independent, which makes the test conservative),
    /// `d^T S^-1 d <= chi2(6 dof)` at the gate probability means one target.
    /// Velocity is in the test, so crossing targets (same place, different
    /// motion) are never merged. A tentative track that passes goes at
    /// once (an older track already explains its plots); a confirmed one
    /// only after `duplicateScans` consecutive passes, and the survivor
    /// inherits its cooperative identity, so a transponder or ADS-B
    /// category seen only by the removed track still vetoes uncrewed.
    /// Tracks that one sensor fed with separate plots of one scan are two
    /// targets, whatever their states (`haveSeparatePlotsOfOneScan`).
    ///
    /// Runs for the tracks of one maintenance slice (slots `firstSlot`,
    /// `firstSlot + slotStride`, ...), each just carried to `nowNs`; a
    /// neighbour from another slice is predicted to `nowNs` for the test
    /// (`stateForDuplicateTest`), and the search reaches as far as the
    /// track's own speed carried it since the oldest slice's grid
    /// positions, where a twin on its target would stand.
    mutating func removeDuplicates(atNs nowNs: Int64, firstSlot: Int, slotStride: Int) {
        let threshold = gateThresholds[6]
        let staleS = secondsBetween(scratch.gridOldestNs, nowNs)
        for slot in stride(from: firstSlot, to: tracks.capacity, by: slotStride) where tracks.isOccupied(slot: slot) {
            // Every track of the slice was carried to `nowNs` by the
            // ageing pass just before (`maintain`), and its estimate kept.
            let mine = scratch.predictedAtGrid[slot].unpacked
            guard mine.mean.isFinite else { continue }
            let speed = (mine.mean[3] * mine.mean[3] + mine.mean[4] * mine.mean[4]).squareRoot()
            let radius = min(2_000, 4 * mine.horizontalSigmaM + 200) + speed * max(0, staleS)
            var found = 0
            let limit = scratch.neighbourCapacity, out = scratch.neighbours
            scratch.grid.forEachItem(nearEastM: mine.mean[0], northM: mine.mean[1], radiusM: radius) { item in
                if found < limit {
                    out[found] = item
                    found += 1
                }
            }
            var twin = -1
            for c in 0..<found {
                let other = out[c]
                guard other != slot else { continue }
                if isAcousticTwin(slot, keeper: other, mine: mine, atNs: nowNs) {
                    twin = other
                    break
                }
                guard outranks(other, slot) else { continue }
                let theirs = stateForDuplicateTest(other, atNs: nowNs)
                let s = (mine.covariance + theirs.covariance).symmetrized
                guard let factor = try? Cholesky(s), factor.mahalanobisSquared(mine.mean - theirs.mean) <= threshold
                else { continue }
                guard !haveSeparatePlotsOfOneScan(slot, other) else { continue }
                twin = other
                break
            }
            guard twin >= 0 else {
                tracks[slot].duplicateStreak = 0
                continue
            }
            if tracks[slot].status != .tentative {
                tracks[slot].duplicateStreak &+= 1
                guard tracks[slot].duplicateStreak >= configuration.duplicateScans else { continue }
                tracks[twin].evidence.adoptIdentity(of: tracks[slot].evidence)
                counters.duplicatesRemoved &+= 1
            }
            removeTrack(slot: slot)
            counters.tracksDeleted &+= 1
        }
    }

    /// The track in `slot` at `nowNs` for the duplicate test: the estimate
    /// its slice kept when that slice ran at `nowNs`, else its filter
    /// predicted to `nowNs` (a neighbour from another slice, or one
    /// started since).
    func stateForDuplicateTest(_ slot: Int, atNs nowNs: Int64) -> GaussianState {
        if scratch.visitedNs[slot] == nowNs { return scratch.predictedAtGrid[slot].unpacked }
        return withUnsafePointer(to: &(tracks.storage + slot).pointee.filter) {
            Filter.coarselyPredictedState(of: $0, to: nowNs)
        }
    }

    /// Whether one sensor gave the tracks in `a` and `b` a plot (or
    /// position) each within half a revisit of each other, anywhere in
    /// their lag windows: a sensor reports a target once per revisit and a
    /// plot feeds one track, so such tracks follow two targets, however
    /// alike their states (drones of a raid flying in trail 40-50 m apart,
    /// converging on one aim point). A true duplicate, started from a plot
    /// its target's track missed or from a second sensor, shares no scan
    /// with its keeper. In the 200-drone raid (seed 1) the state test
    /// alone removed three tracks of distinct drones, fed 0.2 s before
    /// (two of them declared uncrewed); each drone went 10-16 s without a
    /// track and its new one started again from no evidence. O(window^2)
    /// entries, only for pairs whose states match.
    func haveSeparatePlotsOfOneScan(_ a: Int, _ b: Int) -> Bool {
        // Through the storage pointer: the table's accessor copies the
        // multi-kilobyte record.
        let ra = tracks.storage + a, rb = tracks.storage + b
        let halfRevisit = min(ra.pointee.logic.revisitNs, rb.pointee.logic.revisitNs) / 2
        var i = ra.pointee.history.head
        while i >= 0 {
            let ea = lagPool[i]
            i = ea.next
            guard ea.kind != .bearing else { continue }
            var j = rb.pointee.history.head
            while j >= 0 {
                let eb = lagPool[j]
                j = eb.next
                if eb.kind != .bearing && eb.poseIndex == ea.poseIndex && abs(eb.timeNs - ea.timeNs) < halfRevisit {
                    return true
                }
            }
        }
        return false
    }

    /// Whether the track in `a` is the one to keep over the one in `b`: a
    /// confirmed or coasting track over a tentative one, else the older
    /// (ids break ties; they only grow within a run).
    func outranks(_ a: Int, _ b: Int) -> Bool {
        let ta = tracks[a].status == .tentative, tb = tracks[b].status == .tentative
        if ta != tb { return tb }
        let ca = tracks[a].createdNs, cb = tracks[b].createdNs
        return ca != cb ? ca < cb : tracks[a].id < tracks[b].id
    }

    /// Two tracks fed only by bearings, on one source: each sensor names one
    /// source per target and a named source feeds only its owner
    /// (`sourceOwner`), so two tracks on one target are fed by disjoint
    /// sets of sensors, while two targets near each other are each heard
    /// by the same sensors under different ids. The tracks in `slot` and
    /// `keeper` are twins when no sensor fed both lately and their
    /// horizontal positions agree (2-dof chi-square on the sum of both
    /// covariances). The keeper is the one more sensors feed (older on a
    /// tie): the twin that slid off its target along a poor crossing is
    /// the one fewer sensors still hear.
    func isAcousticTwin(_ slot: Int, keeper: Int, mine: GaussianState, atNs nowNs: Int64) -> Bool {
        guard tracks[slot].sources == .acoustic, tracks[keeper].sources == .acoustic else { return false }
        let since = nowNs - bearingSupportWindowNs
        let a = acousticSources.memory(tracks[slot].acousticSlot).pointee
        let b = acousticSources.memory(tracks[keeper].acousticSlot).pointee
        let heardA = a.sensorsHeard(sinceNs: since), heardB = b.sensorsHeard(sinceNs: since)
        guard heardB > heardA || (heardB == heardA && outranks(keeper, slot)) else { return false }
        guard !a.sharesSensor(with: b, sinceNs: since) else { return false }
        let theirs = stateForDuplicateTest(keeper, atNs: nowNs)
        let dx = mine.mean[0] - theirs.mean[0], dy = mine.mean[1] - theirs.mean[1]
        let p = mine.covariance[0, 0] + theirs.covariance[0, 0]
        let q = mine.covariance[0, 1] + theirs.covariance[0, 1]
        let r = mine.covariance[1, 1] + theirs.covariance[1, 1]
        let det = p * r - q * q
        guard det > 0 else { return false }
        return (r * dx * dx - 2 * q * dx * dy + p * dy * dy) / det <= gateThresholds[2]
    }
}
