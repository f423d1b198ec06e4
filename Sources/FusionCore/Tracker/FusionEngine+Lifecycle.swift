import FusionMath

extension FusionEngine {
    /// Fuses `m` into the track in `slot`, in order or by reprocessing;
    /// `prediction`, when given, is the gate's `prediction(for: m)` of the
    /// track's filter as it is, and the in-order update starts from it.
    mutating func fuse(_ m: Measurement, intoSlot slot: Int, prediction: UnsafeMutablePointer<Filter.Prediction>? = nil) {
        let revisitNs = revisit(of: m.sensor)
        let outcome: TrackRecord<Filter>.History.Outcome
        // The filter takes a bearing at its emission time; the rest of the
        // record (hits, support, source memory) keeps the detection time.
        let e = emissionTimed(m, forSlot: slot)
        // Through the storage pointer: the table's `_read` accessor copied
        // the 1.9 KB filter to read its time.
        if let prediction, e.timeNs >= (tracks.storage + slot).pointee.filter.state.timeNs {
            outcome = fuseInOrder(e, intoSlot: slot, from: prediction)
        } else {
            if e.kind == .bearing { notesHearing(slot) }
            let window = lagWindow(ofSlot: slot)
            outcome = tracks[slot].history.add(
                e, to: &tracks[slot].filter, lagNs: window.lagNs, limit: window.entries, pool: &lagPool)
        }
        counters.lagPoolExhausted = lagPool.exhaustedCount
        switch outcome {
        case .tooLate:
            counters.lateDropped &+= 1
            return
        case .windowFull:
            counters.lateDropped &+= 1
            counters.lateDroppedWindowFull &+= 1
            return
        case .failed:
            counters.numericalFailures &+= 1
            return
        case .reprocessed:
            counters.lateFused &+= 1
        case .inOrder:
            break
        }
        counters.associated &+= 1
        // In place: copying the multi-kilobyte record out and back was a
        // tenth of `process`'s time (memmove).
        let record = tracks.storage + slot
        record.pointee.logic.revisitNs = min(record.pointee.logic.revisitNs, revisitNs)
        // A bearing is a line, not a point: the wide corridor of a young
        // track explains bearings of any source along it. So a bearing never
        // counts towards confirming a track that a plot or position started
        // (in the reference raid such hits confirmed clutter and 2D-radar
        // tentatives kilometres from any target); it still updates the
        // filter, and keeps confirmed tracks from coasting.
        if m.kind != .bearing || record.pointee.status != .tentative || record.pointee.startedBy == .bearing {
            record.pointee.logic.recordHit(atNs: m.timeNs)
        }
        record.pointee.lastUpdateNs = max(record.pointee.lastUpdateNs, m.timeNs)
        record.pointee.updates &+= 1
        record.pointee.sources.insert(SensorKinds(kind: m.kind))
        if m.kind == .bearing { acousticSources.slot(&record.pointee.acousticSlot).pointee.remember(m) }
        record.pointee.evidence.absorb(m.evidence, kind: m.kind, timeNs: m.timeNs)
        if m.kind != .bearing {
            // Turns are read from fix to fix: a bearing alone moves the
            // estimate along its line, not along the target's path.
            let s = record.pointee.filter.state
            let outcome = record.pointee.evidence.turns.observe(
                eastMps: s.mean[3], northMps: s.mean[4],
                sigmaMps: (0.5 * max(0, s.covariance[3, 3] + s.covariance[4, 4])).squareRoot(), timeNs: s.timeNs)
            record.pointee.evidence.straightClimb.observe(
                outcome, heightM: s.mean[2], varianceM2: s.covariance[2, 2], timeNs: s.timeNs)
        }
        switch record.pointee.status {
        case .tentative:
            let (hits, window) = (configuration.confirmHits, configuration.confirmWindow)
            if record.pointee.logic.isConfirmed(m: hits, n: window, atNs: m.timeNs)
                && mayConfirmBearingTrack(slot, atNs: m.timeNs)
            {
                record.pointee.status = .confirmed
                record.pointee.confirmedNs = m.timeNs
                counters.tracksConfirmed &+= 1
            }
        case .coasting:
            record.pointee.status = .confirmed
        case .confirmed:
            break
        }
        // The class follows the evidence at the position fix (radar plot,
        // ADS-B) that changes it, so that the datagram that decides a
        // track's class also cues it (the node's partial cueing step)
        // instead of waiting up to a second for `maintain`. Only fixes: a
        // track is cueable only with a recent fix anyway, and a bearing's
        // hint or fundamental is weighed at the next fix or pass (within a
        // second with a 1 Hz radar), which keeps the cost at about one
        // classification per track and second, as with the pass alone (a
        // target heard by eight arrays sends eight bearings a second).
        // A transponder or a crewed emitter category is weighed at once,
        // whatever brought it and even on a tentative track: the veto must
        // be in place before cueing can ever see the track.
        if (m.kind != .bearing && record.pointee.status != .tentative)
            || (record.pointee.evidence.hasCooperativeCrewedEvidence && !record.pointee.belief.cooperativeVeto)
        {
            record.pointee.belief = classifier.classify(
                record.pointee.evidence, state: record.pointee.filter.state, updates: record.pointee.updates,
                previous: record.pointee.belief)
        }
        if record.pointee.status != .tentative { updated.insert(slot) }
    }

    /// The in-order branch of `FixedLagHistory.add`, updating from the
    /// gate's prediction instead of predicting again (the same result).
    mutating func fuseInOrder(
        _ m: Measurement, intoSlot slot: Int, from prediction: UnsafeMutablePointer<Filter.Prediction>
    ) -> TrackRecord<Filter>.History.Outcome {
        do throws(FilterError) {
            try (tracks.storage + slot).pointee.filter.update(with: m, from: &prediction.pointee)
        } catch {
            return .failed
        }
        // Through the pointer: the table's accessors copied the filter for
        // the call.
        let record = tracks.storage + slot
        let window = lagWindow(ofSlot: slot)
        record.pointee.history.recordInOrder(
            m, live: record.pointee.filter, lagNs: window.lagNs, limit: window.entries, pool: &lagPool)
        return .inOrder
    }

    /// Starts a tentative track from a measurement no track explained.
    mutating func initiate(from m: Measurement) {
        // A lone bearing cannot start a track (not observable): bearings go
        // to the cross-fix initiator. Checked first: the initialiser's
        // thrown error would cost an allocation per unexplained bearing.
        guard m.kind != .bearing else { return initiateFromBearing(m) }
        guard let start = try? initializer.state(from: m), start.mean.isFinite else { return }
        let filter = StandardIMM.standard(state: start)
        guard !tracks.isFull else {
            counters.tableFull &+= 1
            return
        }
        let record = TrackRecord(id: nextID, filter: filter, first: m, revisitNs: revisit(of: m.sensor))
        nextID = nextID == UInt32.max ? 1 : nextID + 1
        guard let slot = tracks.insert(record) else { return }
        counters.tracksStarted &+= 1
        let p = filter.state.position
        enterGrid(slot, eastM: p.x, northM: p.y)
    }

    /// Ages every track to `nowNs` in one call: every slice of the pass at
    /// once (`maintain(atNs:slice:)`), for tools and tests that step the
    /// engine by whole seconds. Forgets the tracks updated since the last
    /// `takeUpdatedTracks` (the caller's periodic pass looks at every
    /// track), except those this pass re-declared.
    public mutating func maintain(atNs nowNs: Int64) {
        updated.removeAll()
        for k in 0..<scratch.sliceCount { scratch.sliceVisitNs[k] = nowNs }
        scratch.gridOldestNs = nowNs
        maintain(atNs: nowNs, firstSlot: 0, slotStride: 1)
    }

    /// One slice of the ageing pass: the tracks in slots `k`, `k + N`,
    /// `k + 2N`, ... (N = `configuration.maintenanceSlices`), at `nowNs`.
    /// The node runs slice `k` at each whole multiple of `1 s / N` whose
    /// index is `k` mod N, between datagrams, so that each call does an
    /// N-th of the table's work (a 10,000-track pass took 28-44 ms of CPU
    /// in one call, and every datagram that arrived meanwhile waited) and
    /// every track is still aged once a second, at its slot's phase.
    ///
    /// Per track, as the one-call pass did for all: a confirmed track that
    /// missed a revisit coasts; a tentative track that can no longer reach
    /// M-of-N, a track silent past the coast limit, too uncertain, or a
    /// bearing-only track that lost its support is deleted; a confirmed
    /// track without a fix since its last slice is classified on its
    /// predicted state (one whose declared class changes is listed for the
    /// caller's partial cueing step, so a track that stops being uncrewed
    /// has its cue cancelled at this slice, not at the next whole second);
    /// it moves to its predicted position in the spatial grid; then its
    /// duplicate test runs against every neighbour, both predicted to
    /// `nowNs` (`removeDuplicates`). A deletion therefore happens at its
    /// slot's slice: still at most one pass period (1 s) after its
    /// condition holds, but at up to one period minus one slice interval
    /// from the whole second the one-call pass used; a track past the
    /// coast limit is meanwhile neither gated nor reported
    /// (`isPastCoastLimit`), so that delay cannot revive it, and a
    /// bearing-only track that has lost its arrays' support
    /// (`hasLostBearingSupport`) is not reported (nor cued) meanwhile.
    public mutating func maintain(atNs nowNs: Int64, slice k: Int) {
        let n = scratch.sliceCount
        precondition(k >= 0 && k < n, "maintenance slice out of range")
        // The slice's tracks are about to stand at `nowNs` in the grid.
        scratch.sliceVisitNs[k] = nowNs
        var oldest = nowNs
        for j in 0..<n { oldest = min(oldest, scratch.sliceVisitNs[j]) }
        scratch.gridOldestNs = oldest
        maintain(atNs: nowNs, firstSlot: k, slotStride: n)
    }

    /// How often a slice of the ageing pass is due when a pass of `slices`
    /// slices runs once a second (`slices` should divide 10^9).
    public static func maintenanceSlicePeriodNs(slices: Int) -> Int64 { 1_000_000_000 / Int64(max(1, slices)) }

    /// The slice due at `t`, a whole multiple of the slice period: its
    /// index follows from the time, so every caller (node, replay,
    /// simulation, benchmark) ages the same slots at the same times.
    public static func maintenanceSlice(dueAtNs t: Int64, slices: Int) -> Int {
        let n = Int64(max(1, slices))
        let k = (t / maintenanceSlicePeriodNs(slices: slices)) % n
        return Int(k < 0 ? k + n : k)
    }

    /// The ageing pass over slots `firstSlot`, `firstSlot + slotStride`, ...
    mutating func maintain(atNs nowNs: Int64, firstSlot: Int, slotStride: Int) {
        let m = configuration.confirmHits, n = configuration.confirmWindow
        let maxSigma = configuration.maxPositionSigmaM
        // One reference per pass (`ClassifierTables`; the classifier was
        // a 4 KB value the optimiser copied per call).
        let classifier = self.classifier
        for slot in stride(from: firstSlot, to: tracks.capacity, by: slotStride) where tracks.isOccupied(slot: slot) {
            // In place through the table's accessors: copying the
            // multi-kilobyte record out and back was 2.3 % of the profile.
            var delete = false
            let status = tracks[slot].status
            switch status {
            case .tentative:
                delete = tracks[slot].logic.cannotConfirm(m: m, n: n, atNs: nowNs - configuration.tentativeGraceNs)
                    || hasFailedBearingProbation(slot, atNs: nowNs)
            case .confirmed, .coasting:
                if tracks[slot].logic.missedOpportunities(atNs: nowNs) > 0 { tracks[slot].status = .coasting }
                delete = nowNs - tracks[slot].lastUpdateNs > configuration.coastLimitNs
                    || hasLostBearingSupport(slot, atNs: nowNs)
            }
            // Through a pointer to the filter in the table: the method
            // form copied the 1.9 KB filter for this call.
            let estimate = withUnsafePointer(to: &(tracks.storage + slot).pointee.filter) {
                Filter.coarselyPredictedState(of: $0, to: nowNs)
            }
            if !(estimate.horizontalSigmaM <= maxSigma) || !estimate.mean.isFinite { delete = true }
            if delete {
                removeTrack(slot: slot)
                counters.tracksDeleted &+= 1
                continue
            }
            // A track classified at a fix since its last slice (`fuse`;
            // confirmed at or before that fix) is not classified again here.
            let record = tracks.storage + slot
            let fix = record.pointee.evidence.lastPositionFixNs
            let classifiedAtFix = fix > scratch.visitedNs[slot] && record.pointee.confirmedNs <= fix
            if status != .tentative && !classifiedAtFix {
                let before = record.pointee.belief.declared
                record.pointee.belief = classifier.classify(
                    record.pointee.evidence, state: estimate, updates: record.pointee.updates,
                    previous: record.pointee.belief)
                if record.pointee.belief.declared != before { updated.insert(slot) }
            }
            scratch.grid.move(slot, eastM: estimate.mean[0], northM: estimate.mean[1])
            (scratch.predictedAtGrid + slot).initialize(to: PackedGaussianState(estimate))
            scratch.visitedNs[slot] = nowNs
        }
        scratch.gridTimeNs = nowNs
        removeDuplicates(atNs: nowNs, firstSlot: firstSlot, slotStride: slotStride)
    }

    /// Whether the confirmed or coasting track in `slot` is silent past the
    /// coast limit at `t`: deleted in effect from that moment, so not gated
    /// (a plot or clutter in its wide gate must not revive it) or reported,
    /// though its slice removes it only up to a second later. Without
    /// this, a jet drone's track coasting on past the drone's impact took a
    /// stray plot 0.1 s after its limit and was cued again (hard case,
    /// seed 18), where the one-call pass had deleted it on the second.
    func isPastCoastLimit(_ slot: Int, atNs t: Int64) -> Bool {
        let record = tracks.storage + slot
        guard record.pointee.status != .tentative else { return false }
        let last = record.pointee.lastUpdateNs
        return t > last && t - last > configuration.coastLimitNs
    }

    /// Puts a new track in the spatial grid at its first position (left
    /// out when not finite; its first slice deletes it).
    mutating func enterGrid(_ slot: Int, eastM: Double, northM: Double) {
        scratch.visitedNs[slot] = .min
        if eastM.isFinite && northM.isFinite { scratch.grid.insert(slot, eastM: eastM, northM: northM) }
    }

    /// Deletes the track in `slot`: out of the grid and the updated list,
    /// its lag window back to the pool. Notes a deleted track declared
    /// uncrewed (`removedDeclaredUncrewed`): it may hold a cue, which the
    /// caller's periodic cueing step cancels.
    mutating func removeTrack(slot: Int) {
        if tracks[slot].belief.declared == .uncrewed { removedDeclaredUncrewed = true }
        if scratch.grid.contains(slot) { scratch.grid.remove(slot) }
        updated.remove(slot)
        tracks[slot].history.release(to: &lagPool)
        acousticSources.release(&tracks[slot].acousticSlot)
        tracks.remove(slot: slot)
    }

    /// A track that only bearings have fed is located only while enough
    /// sensors keep hearing it consistently: one bearing fixes no range,
    /// two sources' bearings cross somewhere whatever the sources do (among
    /// dense targets, 2-sensor tracks were most of the ghosts), and a track
    /// whose sensors each name another target sits between them. True when
    /// fewer than `bearingSupportSensors` sensors fed it within
    /// `bearingSupportNs` with bearings that fit it (running NIS per degree
    /// of freedom within `bearingMissNISPerDof`, `AcousticSourceMemory`)
    /// and fundamentals that agree (`agreeingBearingSensors`), or
    /// when its horizontal speed exceeds `maxSpeedMps`: a bearing-only
    /// track that runs along its rays at kilometres a second has lost its
    /// range, not found a target.
    func hasLostBearingSupport(_ slot: Int, atNs nowNs: Int64) -> Bool {
        guard tracks[slot].sources == .acoustic else { return false }
        let c = configuration
        let v = tracks[slot].filter.state.mean
        if v[3] * v[3] + v[4] * v[4] > c.maxSpeedMps * c.maxSpeedMps { return true }
        return agreeingBearingSensors(slot, sinceNs: nowNs - bearingSupportWindowNs) < c.bearingSupportSensors
    }
}
