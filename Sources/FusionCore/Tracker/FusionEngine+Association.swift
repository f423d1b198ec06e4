import FusionMath

extension FusionEngine {
    /// Gates, assigns and fuses one chunk of at most `maxBatch` measurements.
    mutating func processChunk(_ batch: UnsafeBufferPointer<Measurement>) {
        scratch.begin(batchCount: batch.count)
        for j in 0..<batch.count {
            counters.measurements &+= 1
            if batch[j].kind == .bearing { crossFix.hear(batch[j]) }
            gate(batch[j], index: j)
        }
        solveAssignment()
        for j in 0..<batch.count {
            if let slot = scratch.assignment.track(assignedTo: j) {
                let prediction = scratch.prediction(ofSlot: slot, forMeasurement: j)
                let fit = bearingFit(batch[j], ofSlot: slot, prediction: prediction)
                fuse(batch[j], intoSlot: slot, prediction: prediction)
                if let fit, tracks[slot].acousticSlot >= 0 {
                    acousticSources.memory(tracks[slot].acousticSlot).pointee.noteFit(
                        of: batch[j].sensor, normalisedSquaredPerDof: fit)
                }
            } else if !scratch.gated[j] || batch[j].kind == .bearing {
                // A bearing in some track's corridor but not assigned may
                // still be another target's: the cross-fix initiator decides.
                initiate(from: batch[j])
            }
        }
    }

    /// Finds the tracks whose gate `m` falls in and records the pairs.
    mutating func gate(_ m: Measurement, index j: Int) {
        let drift = configuration.maxSpeedMps * scratch.gridAgeS(at: m.timeNs)
        if m.kind == .bearing {
            // A bearing has no point: search the corridor along it.
            let az = m.values[0]
            let reach = configuration.acousticRangeM
            let dir = m.pose.rotation.transposed * Vector3(Math.sin(az), Math.cos(az), 0)
            let a = m.pose.positionENU
            let halfWidth = configuration.searchRadiusM + drift + reach * 4 * m.sigmas[0]
            var found = 0
            let limit = scratch.neighbourCapacity, out = scratch.neighbours
            scratch.grid.forEachItem(
                nearSegmentFromEastM: a.x, northM: a.y, toEastM: a.x + reach * dir.x, northM: a.y + reach * dir.y,
                halfWidthM: halfWidth
            ) { item in
                if found < limit {
                    out[found] = item
                    found += 1
                }
            }
            gate(m, index: j, candidates: found)
            return
        }
        let (east, north, extra) = Self.searchCentre(of: m, acousticRangeM: configuration.acousticRangeM)
        guard east.isFinite, north.isFinite else { return }
        let radius = configuration.searchRadiusM + extra + drift
        var found = 0
        let limit = scratch.neighbourCapacity, out = scratch.neighbours
        scratch.grid.forEachItem(nearEastM: east, northM: north, radiusM: radius) { item in
            if found < limit {
                out[found] = item
                found += 1
            }
        }
        let coarse = CoarseGate(m, eastM: east, northM: north, extraM: extra, threshold: gateThresholds[6])
        gate(m, index: j, candidates: found, coarse: coarse)
    }

    /// Gates `m` against the first `n` tracks in the neighbour buffer; with
    /// `coarse`, tracks that cannot pass are skipped before the full test.
    mutating func gate(_ m: Measurement, index j: Int, candidates n: Int, coarse: CoarseGate? = nil) {
        let owner = m.kind == .bearing ? sourceOwner(of: m, candidates: n) : -1
        for c in 0..<n {
            let slot = scratch.neighbours[c]
            if m.kind == .bearing && (owner >= 0 ? slot != owner : isOtherSource(m, forSlot: slot)) { continue }
            // Through the storage pointer: the table's `_read` accessor
            // copied the 1.9 KB filter for each of these calls.
            let record = tracks.storage + slot
            if isPastCoastLimit(slot, atNs: m.timeNs) { continue }
            // A bearing is of the track where it was when the sound left it.
            let e = emissionTimed(m, forSlot: slot)
            let inOrder = e.timeNs >= record.pointee.filter.state.timeNs
            if let coarse, inOrder, !coarse.mayPass(record.pointee.filter, atNs: e.timeNs) { continue }
            let g: InnovationSummary
            if inOrder {
                // Predicted into the scratch slot, not a local: the
                // prediction is 1.8 KB and most candidates never need it.
                let work = scratch.workPrediction
                do throws(FilterError) {
                    try record.pointee.filter.prediction(for: e, into: &work.pointee)
                } catch {
                    continue
                }
                g = work.pointee.innovation
            } else {
                guard let late = lateGateStatistics(ofSlot: slot, for: e) else {
                    if e.kind == .bearing { notesHearing(slot) }
                    continue
                }
                g = late
            }
            guard g.dimension > 0, g.dimension < 7, g.normalisedSquared.isFinite, g.normalisedSquared <= gateThresholds[g.dimension] else {
                continue
            }
            if !scratch.addPair(track: slot, measurement: j, cost: g.normalisedSquared) {
                counters.pairBudgetExceeded &+= 1
            } else if inOrder, scratch.bestSlot[j] < 0 || g.normalisedSquared < scratch.bestCost[j] {
                scratch.keepWorkPrediction(asBestOf: j, slot: slot, cost: g.normalisedSquared)
            }
        }
    }

    /// NIS per degree of freedom of bearing `m` against the bearing-only
    /// track in `slot` before fusing it (nil for other pairs): the gate's
    /// prediction when kept, else the track's (in order) or its lagged
    /// checkpoint's (late, conservative) prediction. Feeds the per-sensor
    /// fit of `AcousticSourceMemory`.
    func bearingFit(_ m: Measurement, ofSlot slot: Int, prediction: UnsafePointer<Filter.Prediction>?) -> Double? {
        guard m.kind == .bearing, tracks[slot].sources == .acoustic else { return nil }
        let g: InnovationSummary?
        let e = emissionTimed(m, forSlot: slot)
        if let prediction {
            g = prediction.pointee.innovation
        } else if e.timeNs >= tracks[slot].filter.state.timeNs {
            g = try? tracks[slot].filter.prediction(for: e).innovation
        } else {
            g = lateGateStatistics(ofSlot: slot, for: e)
        }
        guard let g, g.dimension > 0 else { return nil }
        return g.normalisedSquared / Double(g.dimension)
    }

    /// Gate statistics of a measurement `m` older than the track in `slot`
    /// (nil when older than its lag window): it is gated against the
    /// newest estimate the window holds from before `m`'s time
    /// (`FixedLagHistory.snapshot(before:in:)`) predicted forward, which
    /// lacks the data after `m` and so gives a gate at least as wide as
    /// in-order processing would have.
    func lateGateStatistics(ofSlot slot: Int, for m: Measurement) -> InnovationSummary? {
        let record = tracks.storage + slot
        guard m.timeNs >= record.pointee.history.oldestFusableNs else { return nil }
        // Only with sound's travel compensated for now: in a world without
        // it, this gate took acoustic ghosts among 20 drones from 4 to 7
        // in 40 minutes (RMS 73 -> 68 m); with it, the checkpoint's gate
        // (up to 32 s of prediction) gave 184 m RMS against 143 m.
        let before = configuration.compensatesSoundDelay
            ? record.pointee.history.snapshot(before: m.timeNs, in: lagPool) : record.pointee.history.checkpoint
        return try? record.pointee.filter.resumed(from: before).gateInnovation(for: m)
    }

    /// Horizontal point around which to look for tracks, and how much wider
    /// than the base radius to look, for each kind of measurement. Static:
    /// as a method of the engine, the optimiser copied the whole engine
    /// value for each call from the mutating gate.
    static func searchCentre(of m: Measurement, acousticRangeM: Double) -> (east: Double, north: Double, extra: Double) {
        switch m.kind {
        case .position:
            return (m.values[0], m.values[1], 0)
        case .bearing:
            return (m.pose.positionENU.x, m.pose.positionENU.y, acousticRangeM)
        case .radar:
            let r = m.values[0], az = m.values[1]
            var ground = r, extra = 0.0
            if m.hasElevation {
                ground = r * Math.cos(m.values[2])
            } else {
                // 2D radar: the target is somewhere up to ~6 km above the
                // horizon, so its ground range lies in [sqrt(r^2 - h^2), r].
                let h = 6_000.0
                let lower = r > h ? (r * r - h * h).squareRoot() : 0
                ground = 0.5 * (r + lower)
                extra = 0.5 * (r - lower)
            }
            // Sensor-local east/north, rotated back into the tracking frame.
            let local = Vector3(ground * Math.sin(az), ground * Math.cos(az), 0)
            let v = m.pose.rotation.transposed * local
            return (m.pose.positionENU.x + v.x, m.pose.positionENU.y + v.y, extra)
        }
    }

    /// Fills `assignedTrack` from the gated pairs: optimal assignment of
    /// normalised innovations per cluster (global nearest neighbour).
    mutating func solveAssignment() {
        scratch.assignment.solve(missCost: 0.5 * gateThresholds[4])
    }
}
