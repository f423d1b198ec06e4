import FusionMath

extension FusionEngine {
    /// Fuses `m` into the track in `slot`, in order or by reprocessing.
    mutating func fuse(_ m: Measurement, intoSlot slot: Int) {
        let lag = configuration.maxLagNs
        let revisitNs = revisit(of: m.sensor)
        let outcome = tracks[slot].history.add(m, to: &tracks[slot].filter, lagNs: lag)
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
        var record = tracks[slot]
        record.logic.revisitNs = min(record.logic.revisitNs, revisitNs)
        // A bearing is a line, not a point: the wide corridor of a young
        // track explains bearings of any source along it. So a bearing never
        // counts towards confirming a track that a plot or position started
        // (in the reference raid such hits confirmed clutter and 2D-radar
        // tentatives kilometres from any target); it still updates the
        // filter, and keeps confirmed tracks from coasting.
        if m.kind != .bearing || record.status != .tentative || record.startedBy == .bearing {
            record.logic.recordHit(atNs: m.timeNs)
        }
        record.lastUpdateNs = max(record.lastUpdateNs, m.timeNs)
        record.updates &+= 1
        record.sources.insert(SensorKinds(kind: m.kind))
        record.acousticSources.remember(m)
        record.evidence.absorb(m.evidence, kind: m.kind, timeNs: m.timeNs)
        if record.evidence.hasCooperativeCrewedEvidence && !record.belief.cooperativeVeto {
            // A transponder or a crewed emitter category: reclassify now, so
            // that cueing sees the veto in its very next step.
            record.belief = classifier.classify(
                record.evidence, state: record.filter.state, updates: record.updates, previous: record.belief)
        }
        switch record.status {
        case .tentative:
            if record.logic.isConfirmed(m: configuration.confirmHits, n: configuration.confirmWindow, atNs: m.timeNs) {
                record.status = .confirmed
                record.confirmedNs = m.timeNs
                counters.tracksConfirmed &+= 1
            }
        case .coasting:
            record.status = .confirmed
        case .confirmed:
            break
        }
        tracks[slot] = record
        if record.status != .tentative { updated.insert(slot) }
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
        if p.x.isFinite && p.y.isFinite { scratch.grid.insert(slot, eastM: p.x, northM: p.y) }
    }

    /// Ages every track to `nowNs`: confirmed tracks that missed a revisit
    /// coast, tentative tracks that can no longer reach M-of-N and tracks
    /// silent past the coast limit or too uncertain are deleted; then the
    /// spatial grid is rebuilt at the tracks' predicted positions.
    ///
    /// Forgets the tracks updated since the last `takeUpdatedTracks` (slots
    /// are freed here; the caller's periodic pass looks at every track).
    public mutating func maintain(atNs nowNs: Int64) {
        updated.removeAll()
        let m = configuration.confirmHits, n = configuration.confirmWindow
        let maxSigma = configuration.maxPositionSigmaM
        scratch.grid.removeAll()
        var i = tracks.count - 1
        while i >= 0 {
            let slot = tracks.slot(atActiveIndex: i)
            i -= 1
            // In place through the table's accessors: copying the
            // multi-kilobyte record out and back was 2.3 % of the profile.
            var delete = false
            let status = tracks[slot].status
            switch status {
            case .tentative:
                delete = tracks[slot].logic.cannotConfirm(m: m, n: n, atNs: nowNs - configuration.tentativeGraceNs)
            case .confirmed, .coasting:
                if tracks[slot].logic.missedOpportunities(atNs: nowNs) > 0 { tracks[slot].status = .coasting }
                delete = nowNs - tracks[slot].lastUpdateNs > configuration.coastLimitNs
                    || hasLostBearingSupport(slot, atNs: nowNs)
            }
            let estimate = tracks[slot].filter.coarselyPredictedState(to: nowNs)
            if !(estimate.horizontalSigmaM <= maxSigma) || !estimate.mean.isFinite { delete = true }
            if delete {
                tracks.remove(slot: slot)
                counters.tracksDeleted &+= 1
                continue
            }
            if status != .tentative {
                let belief = classifier.classify(
                    tracks[slot].evidence, state: estimate, updates: tracks[slot].updates,
                    previous: tracks[slot].belief)
                tracks[slot].belief = belief
            }
            scratch.grid.insert(slot, eastM: estimate.mean[0], northM: estimate.mean[1])
        }
        scratch.gridTimeNs = nowNs
        removeDuplicates(atNs: nowNs)
    }

    /// A track that only bearings have fed is located only while two or
    /// more sensors keep hearing it: one bearing alone fixes no range, and
    /// such a track slides along it onto whatever else that sensor hears.
    /// True when fewer than 2 sensors fed it within `bearingSupportNs`.
    func hasLostBearingSupport(_ slot: Int, atNs nowNs: Int64) -> Bool {
        guard tracks[slot].sources == .acoustic else { return false }
        return tracks[slot].acousticSources.sensorsHeard(sinceNs: nowNs - configuration.bearingSupportNs) < configuration.bearingSupportSensors
    }
}
