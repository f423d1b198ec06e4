import FusionMath

extension FusionEngine {
    /// Offers an unexplained bearing to the cross-fix initiator and starts a
    /// tentative track from the fix it returns, unless a track already
    /// explains that fix (a late bearing of a tracked target, older than
    /// its track's start, is unexplained but must not start a duplicate).
    mutating func initiateFromBearing(_ m: Measurement) {
        guard let cross = crossFix.offer(m) else { return }
        if isExplainedByTrack(cross.fix) || isOwnedByTrack(cross.bearings) {
            crossFix.counters.duplicates &+= 1
            return
        }
        guard !tracks.isFull else {
            counters.tableFull &+= 1
            return
        }
        var mean = StateVector.zero
        var cov = StateCovariance.zero
        for i in 0..<3 { mean[i] = cross.fix.position[i] }
        cov.setBlock(cross.fix.covariance, row: 0, column: 0)
        // Bearings say nothing about speed yet: the wide prior of any new track.
        let v = configuration.initialVelocitySigmaMps, vz = configuration.crossFix.verticalVelocitySigmaMps
        cov.setBlock(Matrix3.diagonal(Vector3(v * v, v * v, vz * vz)), row: 3, column: 3)
        let start = GaussianState(mean: mean, covariance: cov, timeNs: cross.fix.timeNs)
        let first = cross.newest
        var record = TrackRecord(
            id: nextID, filter: StandardIMM.standard(state: start), first: first, revisitNs: revisit(of: first.sensor))
        // The first bearing, then all (as an inline memory was fed: the
        // record's start, then this loop).
        let memory = acousticSources.slot(&record.acousticSlot)
        memory.pointee.remember(first)
        for i in 0..<cross.bearings.count { memory.pointee.remember(cross.bearings.bearings[i]) }
        for i in 0..<cross.bearings.count where cross.bearings.bearings[i].timeNs != first.timeNs
            || cross.bearings.bearings[i].sensor != first.sensor
        {
            record.evidence.absorb(
                cross.bearings.bearings[i].evidence, kind: .bearing, timeNs: cross.bearings.bearings[i].timeNs)
        }
        record.updates = UInt32(cross.bearings.count)
        nextID = nextID == UInt32.max ? 1 : nextID + 1
        guard let slot = tracks.insert(record) else { return acousticSources.release(&record.acousticSlot) }
        counters.tracksStarted &+= 1
        enterGrid(slot, eastM: mean[0], northM: mean[1])
    }

    /// True when some track's estimate, carried to the fix's time, lies
    /// within the fix's gate (horizontal chi-square on the sum of both
    /// covariances and the track's velocity uncertainty over the gap).
    func isExplainedByTrack(_ fix: TriangulatedFix) -> Bool {
        let drift = configuration.maxSpeedMps * scratch.gridAgeS(at: fix.timeNs)
        let radius = configuration.searchRadiusM + drift
        var explained = false
        let threshold = gateThresholds[2]
        scratch.grid.forEachItem(nearEastM: fix.position.x, northM: fix.position.y, radiusM: radius) { slot in
            guard !explained else { return }
            let s = tracks[slot].filter.state
            let dt = secondsBetween(s.timeNs, fix.timeNs)
            let dx = fix.position.x - (s.mean[0] + dt * s.mean[3])
            let dy = fix.position.y - (s.mean[1] + dt * s.mean[4])
            let a = fix.covariance[0, 0] + s.covariance[0, 0] + dt * dt * s.covariance[3, 3]
            let b = fix.covariance[0, 1] + s.covariance[0, 1] + dt * dt * s.covariance[3, 4]
            let d = fix.covariance[1, 1] + s.covariance[1, 1] + dt * dt * s.covariance[4, 4]
            let det = a * d - b * b
            guard det > 0 else { return }
            let d2 = (d * dx * dx - 2 * b * dx * dy + a * dy * dy) / det
            if d2 <= threshold { explained = true }
        }
        return explained
    }

    /// True when bearing `m`'s sensor lately named another source for the
    /// track in `slot` (`AcousticSourceMemory`): the bearing is not gated
    /// against it.
    func isOtherSource(_ m: Measurement, forSlot slot: Int) -> Bool {
        let c = configuration
        return acousticSources.memory(tracks[slot].acousticSlot).pointee.conflicts(
            with: m, memoryNs: c.acousticSourceMemoryNs, fundamentals: c.crossFix,
            accelerationMps2: c.acousticSourceAccelerationMps2, fitLimit: c.bearingMissNISPerDof)
    }

    /// The slot of the track among the first `n` neighbours that owns
    /// bearing `m`'s source (its sensor named that source id for the track
    /// lately), or -1. A source that a track owns is that track's: its
    /// bearings are gated against no other track, so a track that has
    /// slipped off its own target cannot live on another's.
    func sourceOwner(of m: Measurement, candidates n: Int) -> Int {
        guard m.evidence.sensorSourceID != 0 else { return -1 }
        let memoryNs = configuration.acousticSourceMemoryNs
        for c in 0..<n where acousticSources.memory(tracks[scratch.neighbours[c]].acousticSlot).pointee.holds(
            m, memoryNs: memoryNs, fitLimit: configuration.bearingMissNISPerDof)
        {
            return scratch.neighbours[c]
        }
        return -1
    }

    /// True when some track owns the source of one of a fix's bearings: the
    /// fix crosses a tracked source's bearing (a duplicate of its track, or
    /// a ghost crossing with another source), so it starts nothing. One
    /// pass over the table, only for a fix that would start a track.
    func isOwnedByTrack(_ set: BearingTriangulation) -> Bool {
        let memoryNs = configuration.acousticSourceMemoryNs
        for i in 0..<tracks.count {
            let slot = tracks.slot(atActiveIndex: i)
            let memory = acousticSources.memory(tracks[slot].acousticSlot)
            for k in 0..<set.count where memory.pointee.holds(set.bearings[k], memoryNs: memoryNs) {
                return true
            }
        }
        return false
    }
}
