import FusionMath

/// Starts tracks on targets that only acoustic sensors hear, by crossing
/// bearings of two or more sensors taken within a time window.
///
/// Bearings that no track explained are offered one at a time. Each is kept
/// in a fixed-capacity store (by detection time, so late and reordered
/// reports pair as if on time; only the newest bearing per sensor-local
/// source id is kept, or with sound's travel compensated, also those of the
/// last `soundSpreadNs`) and crossed with the stored bearings of OTHER
/// sensors whose times lie within `windowNs` of it: detection times, or
/// with sound's travel compensated, emission times at the rays' crossing
/// (two arrays at different ranges hear one instant seconds apart; pairing
/// by detection time crossed one source's bearings emitted up to 10 s
/// apart, fixes whose motion allowance let ghosts through too). The fix is
/// `BearingTriangulation`'s: a weighted closest approach of the rays,
/// elevation when given, else an assumed altitude band. A pair must cross
/// in front of both sensors at a useful angle, pass a chi-square test when it is over-determined, lie in
/// the altitude band and agree on the harmonic fundamental when both carry
/// one (within noise plus the Doppler that a moving source can put between
/// two arrays). Ghosts (crossings of two different sources' bearings) are
/// rejected by asking for more: a fix starts a track only when a third
/// sensor's bearing passes through it (`startSensors`) and a later fix of
/// the same source confirms it (`supportedStartFixes`), or when enough
/// later two-sensor fixes do (`startConsistentFixes`); a later fix is of the
/// same source when its sensor-local source ids, where given, are never
/// different ones and it lies within the distance the target can fly
/// (consistency over time). A fix is also rejected when a sensor closer to
/// it than every supporting one reported past its time with no bearing
/// through it (negative evidence). The engine then starts
/// a tentative track at the fix, which still has to pass M-of-N.
///
/// Work per bearing is bounded: one pass over the store with cheap tests,
/// at most `maxPairsPerBearing` pair solutions and `maxSupportScans`
/// searches for third-sensor support, so a raid cannot blow up the cost.
/// Nothing allocates after `init`; no Foundation, no existentials.
public struct BearingCrossFixInitiator: ~Copyable {
    public let configuration: CrossFixConfiguration
    /// Farthest a sensor hears, metres: crossings beyond it are rejected.
    public let maxRangeM: Double
    /// Sound's travel time per metre, ns (`SoundPropagation.delayNsPerM`;
    /// 0: bearings are taken as of their detection times). Fixes are of
    /// the target's position at their bearings' newest emission time.
    public let soundDelayNsPerM: Double
    /// How far apart two arrays' detection times of one emission can lie:
    /// the sound's travel over `maxRangeM` (0 without compensation).
    /// Bearings of one source are kept this long besides newer ones, so
    /// that a far array's bearing still finds a near one's of its emission.
    let soundSpreadNs: Int64
    public internal(set) var counters = CrossFixCounters()
    let store: UnsafeMutablePointer<Measurement>
    /// Detection time of each stored bearing (`Int64.min`: empty slot) and
    /// its sensor, apart from the bearings so that a scan stays in cache.
    let storeTimeNs: UnsafeMutablePointer<Int64>
    let storeSensor: UnsafeMutablePointer<SensorIndex>
    let storeCapacity: Int
    var storeNext = 0
    let pending: UnsafeMutablePointer<PendingFix>
    let pendingCapacity: Int
    var pendingNext = 0
    /// Sensors met (index, pose, newest bearing time), `sensorCount` of them.
    let sensorIndex: UnsafeMutablePointer<SensorIndex>
    let sensorPose: UnsafeMutablePointer<SensorPose>
    let sensorLastNs: UnsafeMutablePointer<Int64>
    let sensorCapacity: Int
    var sensorCount = 0
    /// Every recent bearing, in arrival order (`timeNs == .min`: empty).
    let heard: UnsafeMutablePointer<HeardBearing>
    let heardCapacity: Int
    var heardNext = 0
    /// Chi-square thresholds by degrees of freedom 1...8 at the fix gate.
    let gates: InlineArray<9, Double>

    public init(
        configuration: CrossFixConfiguration = CrossFixConfiguration(), maxRangeM: Double,
        soundDelayNsPerM: Double = 0
    ) {
        precondition(configuration.storeCapacity > 0 && configuration.pendingCapacity > 0, "cross-fix capacities")
        self.configuration = configuration
        self.maxRangeM = maxRangeM
        self.soundDelayNsPerM = soundDelayNsPerM
        soundSpreadNs = soundDelayNsPerM > 0 ? Int64((maxRangeM * soundDelayNsPerM).rounded()) : 0
        storeCapacity = configuration.storeCapacity
        store = .allocate(capacity: storeCapacity)
        storeTimeNs = .allocate(capacity: storeCapacity)
        storeTimeNs.initialize(repeating: .min, count: storeCapacity)
        storeSensor = .allocate(capacity: storeCapacity)
        storeSensor.initialize(repeating: 0, count: storeCapacity)
        pendingCapacity = configuration.pendingCapacity
        pending = .allocate(capacity: pendingCapacity)
        pending.initialize(repeating: PendingFix(), count: pendingCapacity)
        sensorCapacity = max(1, configuration.sensorCapacity)
        sensorIndex = .allocate(capacity: sensorCapacity)
        sensorIndex.initialize(repeating: 0, count: sensorCapacity)
        sensorPose = .allocate(capacity: sensorCapacity)
        sensorPose.initialize(repeating: SensorPose(positionENU: .zero), count: sensorCapacity)
        sensorLastNs = .allocate(capacity: sensorCapacity)
        sensorLastNs.initialize(repeating: .min, count: sensorCapacity)
        heardCapacity = max(1, configuration.heardCapacity)
        heard = .allocate(capacity: heardCapacity)
        var empty = HeardBearing(.bearing(timeNs: .min, sensor: 0, pose: SensorPose(positionENU: .zero), azimuthRad: 0,
            elevationRad: nil, sigmaAzimuthRad: 1, sigmaElevationRad: 1), sensorSlot: -1)
        empty.timeNs = .min
        heard.initialize(repeating: empty, count: heardCapacity)
        var g = InlineArray<9, Double>(repeating: .infinity)
        for k in 1...8 { g[k] = ChiSquare.gate(degreesOfFreedom: k, probability: configuration.fixGateProbability) }
        gates = g
    }

    deinit {
        store.deallocate()
        storeTimeNs.deallocate()
        storeSensor.deallocate()
        pending.deallocate()
        sensorIndex.deallocate()
        sensorPose.deallocate()
        sensorLastNs.deallocate()
        heard.deallocate()
    }

    /// Bearings held now (tests, metrics).
    public var storedCount: Int {
        var n = 0
        for i in 0..<storeCapacity where storeTimeNs[i] != .min { n += 1 }
        return n
    }

    /// Offers a bearing that no track explained; returns the cross-fix that
    /// should start a track now, or nil (the bearing is kept for later).
    public mutating func offer(_ m: Measurement) -> CrossFix? {
        counters.offered &+= 1
        guard m.kind == .bearing, m.values.isFinite, m.sigmas[0] > 0, m.sigmas[0].isFinite,
            !m.hasElevation || (m.sigmas[1] > 0 && m.sigmas[1].isFinite), m.pose.positionENU.isFinite
        else {
            counters.invalid &+= 1
            return nil
        }
        guard var best = bestFix(for: m) else {
            keep(m)
            return nil
        }
        let slot = consistentPending(for: &best)
        if (best.sensorCount >= configuration.startSensors && best.consistentFixes >= configuration.supportedStartFixes)
            || best.consistentFixes >= configuration.startConsistentFixes {
            if let slot { pending[slot].isLive = false }
            forget(best.bearings)
            counters.started &+= 1
            return best
        }
        if let slot {
            // Only a fix far enough in time moves the entry on: bearings of
            // other sensors trickle in every fraction of a second, and an
            // entry refreshed by each would never age into a second fix.
            if best.consistentFixes > pending[slot].fixes {
                pending[slot].fix = best.fix
                pending[slot].fixes = best.consistentFixes
            }
            pending[slot].sensorCount = max(pending[slot].sensorCount, best.sensorCount)
            pending[slot].remember(best.bearings)
        } else {
            var entry = PendingFix()
            entry.isLive = true
            entry.fix = best.fix
            entry.firstNs = best.fix.timeNs
            entry.fixes = 1
            entry.sensorCount = best.sensorCount
            entry.remember(best.bearings)
            pending[pendingNext] = entry
            pendingNext = (pendingNext + 1) % pendingCapacity
        }
        keep(m)
        return nil
    }

    /// The best fix of `m` with a stored bearing, extended by third-sensor
    /// support: most sensors first, then the smallest chi-square per degree
    /// of freedom.
    mutating func bestFix(for m: Measurement) -> CrossFix? {
        let c = configuration
        var best: CrossFix?
        var solved = 0, scans = 0
        for k in 0..<storeCapacity {
            let slot = (storeNext - 1 - k + 2 * storeCapacity) % storeCapacity
            let t = storeTimeNs[slot]
            guard t != .min, storeSensor[slot] != m.sensor, abs(t &- m.timeNs) <= c.windowNs &+ soundSpreadNs
            else { continue }
            let s = store[slot]
            guard fundamentalsAgree(m, s, lineOfSightGap: 2),
                let cross = BearingTriangulation.horizontalCrossing(
                    m, s, minAngleRad: c.minCrossingAngleRad, maxRangeM: maxRangeM)
            else { continue }
            if soundDelayNsPerM > 0 {
                // Emission times at the crossing: detection times less each
                // array's travel time (horizontal ranges: the height moves it little).
                let gap = Double(m.timeNs &- t) - (cross.rangeA - cross.rangeB) * soundDelayNsPerM
                guard abs(gap) <= Double(c.windowNs) else { continue }
            }
            guard solved < c.maxPairsPerBearing else {
                counters.pairBudgetSpent &+= 1
                break
            }
            solved += 1
            counters.pairsSolved &+= 1
            var set = BearingTriangulation(m, s)
            guard let fix = set.solve(configuration: c, maxRangeM: maxRangeM, delayNsPerM: soundDelayNsPerM), acceptable(fix, set) else { continue }
            counters.fixes &+= 1
            var candidate = CrossFix(fix: fix, bearings: set, sensorCount: 2, consistentFixes: 1)
            if scans < c.maxSupportScans {
                scans += 1
                addSupport(to: &candidate, set: &set)
            }
            if silentCloserSensors(candidate) > c.silentCloserAllowed {
                counters.silenced &+= 1
                continue
            }
            if let b = best, !isBetter(candidate, than: b) { continue }
            best = candidate
        }
        return best
    }

    func isBetter(_ a: CrossFix, than b: CrossFix) -> Bool {
        if a.sensorCount != b.sensorCount { return a.sensorCount > b.sensorCount }
        let qa = a.fix.chiSquare / Double(max(1, a.fix.degreesOfFreedom))
        let qb = b.fix.chiSquare / Double(max(1, b.fix.degreesOfFreedom))
        return qa < qb
    }

    /// A solved fix is usable: in the altitude band, consistent with its
    /// bearings when over-determined, fundamentals agreeing at its geometry.
    func acceptable(_ fix: TriangulatedFix, _ set: BearingTriangulation) -> Bool {
        guard fix.position.isFinite, configuration.altitudeBandM.contains(fix.position.z) else { return false }
        if fix.degreesOfFreedom >= 1 {
            guard fix.chiSquare <= gates[min(8, fix.degreesOfFreedom)] else { return false }
        }
        for i in 0..<set.count {
            for j in (i + 1)..<set.count {
                let gap = (unitToward(set.bearings[i], from: fix.position) - unitToward(set.bearings[j], from: fix.position)).norm
                if !fundamentalsAgree(set.bearings[i], set.bearings[j], lineOfSightGap: gap) { return false }
            }
        }
        return true
    }

    /// Adds the best-fitting stored bearing of each further sensor whose ray
    /// passes through the fix, re-solving after each, while the fix stays
    /// acceptable.
    mutating func addSupport(to candidate: inout CrossFix, set: inout BearingTriangulation) {
        let c = configuration
        var found = 0
        for k in 0..<storeCapacity where found < BearingTriangulation.capacity - 2 {
            let slot = (storeNext - 1 - k + 2 * storeCapacity) % storeCapacity
            let t = storeTimeNs[slot]
            guard t != .min, !set.contains(sensor: storeSensor[slot]) else { continue }
            let s = store[slot]
            let emission = BearingTriangulation.emissionNs(
                of: s, from: candidate.fix.position, delayNsPerM: soundDelayNsPerM)
            guard abs(emission &- candidate.fix.timeNs) <= c.windowNs,
                let d2 = BearingTriangulation.supportDistance(
                    of: s, from: candidate.fix, configuration: c, maxRangeM: maxRangeM, delayNsPerM: soundDelayNsPerM),
                d2 <= gates[s.hasElevation ? 2 : 1]
            else { continue }
            guard set.append(s) else { return }
            if let fix = set.solve(configuration: c, maxRangeM: maxRangeM, delayNsPerM: soundDelayNsPerM), acceptable(fix, set) {
                candidate.fix = fix
                candidate.bearings = set
                candidate.sensorCount = set.count
                found += 1
            } else {
                set.removeLast()
            }
        }
        if candidate.sensorCount >= 3 { counters.supportedFixes &+= 1 }
    }

    /// Unit vector from `position` toward the bearing's sensor.
    func unitToward(_ m: Measurement, from position: Vector3) -> Vector3 {
        let d = m.pose.positionENU - position
        let n = d.norm
        return n > 0 ? (1 / n) * d : .zero
    }

    /// Fundamentals agree when either is missing, or within 3 sigma of noise
    /// plus the Doppler difference a source at `dopplerSpeedMps` can make
    /// between two arrays whose lines of sight differ by `lineOfSightGap`
    /// (`|u1 - u2|`, at most 2).
    func fundamentalsAgree(_ a: Measurement, _ b: Measurement, lineOfSightGap: Double) -> Bool {
        guard let fa = a.evidence.fundamentalHz, let fb = b.evidence.fundamentalHz, fa > 0, fb > 0 else { return true }
        return configuration.fundamentalsAgree(
            fa, fb, speedMps: configuration.dopplerSpeedMps, fraction: lineOfSightGap)
    }
}
