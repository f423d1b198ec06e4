import FusionMath

extension BearingCrossFixInitiator {
    /// Stores an unexplained bearing. A newer bearing of a sensor-local
    /// source id replaces a stored one of that source older than it by more
    /// than `soundSpreadNs` (0 unless sound's travel is compensated, when a
    /// farther array's bearing may still pair with the older ones); an
    /// older one, arrived late, is kept beside it, so that it can still
    /// pair with bearings of its own time. Otherwise the next slot in arrival order is taken,
    /// overwriting the oldest arrival.
    mutating func keep(_ m: Measurement) {
        if m.evidence.sensorSourceID != 0 {
            for slot in 0..<storeCapacity where storeTimeNs[slot] != .min && storeSensor[slot] == m.sensor {
                guard store[slot].evidence.sensorSourceID == m.evidence.sensorSourceID,
                    storeTimeNs[slot] < m.timeNs &- soundSpreadNs
                else { continue }
                write(m, at: slot)
                return
            }
        }
        let slot = storeNext
        if storeTimeNs[slot] != .min && abs(storeTimeNs[slot] &- m.timeNs) <= configuration.windowNs {
            counters.overwritten &+= 1
        }
        write(m, at: slot)
        storeNext = (storeNext + 1) % storeCapacity
    }

    mutating func write(_ m: Measurement, at slot: Int) {
        store[slot] = m
        storeTimeNs[slot] = m.timeNs
        storeSensor[slot] = m.sensor
    }

    /// Takes the bearings of a fix that starts a track out of the store, so
    /// that they cannot start another.
    mutating func forget(_ set: BearingTriangulation) {
        for i in 0..<set.count {
            let m = set.bearings[i]
            for slot in 0..<storeCapacity where storeTimeNs[slot] == m.timeNs && storeSensor[slot] == m.sensor {
                if store[slot].values[0] == m.values[0] { storeTimeNs[slot] = .min }
            }
        }
    }

    /// The live pending fix that `candidate` continues, if any: not told
    /// apart by source ids, within the distance the target can fly
    /// (chi-square on `P1 + P2 + (v dt)^2 I`); shared source ids first, then
    /// the nearest. Sets the candidate's count of consistent fixes (a fix
    /// less than `minConsistencyGapNs` after the entry's does not count).
    /// Entries older than `pendingLifetimeNs` are retired on the way.
    mutating func consistentPending(for candidate: inout CrossFix) -> Int? {
        let c = configuration
        var best: Int?
        var bestAgreement = -1
        var bestDistance = Double.infinity
        for i in 0..<pendingCapacity where pending[i].isLive {
            let entry = pending[i]
            let gapNs = candidate.fix.timeNs &- entry.fix.timeNs
            if abs(gapNs) > c.pendingLifetimeNs {
                if gapNs > 0 { pending[i].isLive = false }
                continue
            }
            let agreement = entry.idAgreement(with: candidate.bearings)
            guard agreement >= 0 else { continue }
            let drift = c.motionSigmaMps * secondsBetween(entry.fix.timeNs, candidate.fix.timeNs)
            var s = entry.fix.covariance + candidate.fix.covariance
            for k in 0..<3 { s[k, k] += drift * drift }
            guard let factor = try? Cholesky(s) else { continue }
            let d2 = factor.mahalanobisSquared(candidate.fix.position - entry.fix.position)
            guard d2 <= gates[3] else { continue }
            if agreement > bestAgreement || (agreement == bestAgreement && d2 < bestDistance) {
                best = i
                bestAgreement = agreement
                bestDistance = d2
            }
        }
        if let best {
            let entry = pending[best]
            let counts = abs(candidate.fix.timeNs &- entry.fix.timeNs) >= c.minConsistencyGapNs
            candidate.consistentFixes = entry.fixes + (counts ? 1 : 0)
        }
        return best
    }
}
