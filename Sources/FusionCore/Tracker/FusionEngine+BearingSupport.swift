import FusionMath

/// Whether a track that only bearings feed is heard as one source. A
/// bearing is a line, and among dense targets every point has some bearing
/// of every sensor through it: a track can sit where bearings of different
/// targets cross, each sensor faithful to its own source, and move
/// smoothly as they do (the acoustic ghosts of issue 4). What gives it away
/// is the sound: one source has one harmonic fundamental, which arrays
/// hear shifted only by the Doppler of the source's own motion along their
/// lines of sight, while the sources of a ghost crossing have fundamentals
/// of their own (piston drones 100-200 Hz, tens of hertz apart).
extension FusionEngine {
    /// Sensors that fed the track in `slot` a fitting bearing (running NIS
    /// per degree of freedom within `bearingMissNISPerDof`) at or after
    /// `sinceNs` and whose fundamentals agree with one another: the largest
    /// group of sensors agreeing with one sensor of it (a sensor whose
    /// bearings carry no fundamental agrees with all). Two fundamentals
    /// agree within the noise of two reports plus the Doppler difference
    /// that the track's velocity, within 3 sigma, puts between the two
    /// arrays' lines of sight (`CrossFixConfiguration.fundamentalsAgree`):
    /// `f |v . (u_i - u_j)| / c`. Without `bearingSupportNeedsOneFundamental`,
    /// every fitting sensor counts.
    func agreeingBearingSensors(_ slot: Int, sinceNs: Int64) -> Int {
        let c = configuration
        // Through the table's pointer: no copy of the 384 B memory.
        let memory = acousticSources.memory(tracks[slot].acousticSlot)
        guard c.bearingSupportNeedsOneFundamental else {
            return memory.pointee.sensorsHeard(sinceNs: sinceNs, fitLimit: c.bearingMissNISPerDof)
        }
        let s = tracks[slot].filter.state
        let position = s.position
        let velocity = Vector3(s.mean[3], s.mean[4], s.mean[5])
        var velocityCovariance = Matrix3.zero
        for r in 0..<3 { for k in 0..<3 { velocityCovariance[r, k] = s.covariance[r + 3, k + 3] } }
        // Lines of sight (unit vectors from the track to each sensor) of
        // the entries that count; a zero vector when the pose is unknown.
        var counted = InlineArray<12, Bool>(repeating: false)
        var sight = InlineArray<12, Vector3>(repeating: .zero)
        var any = false
        for i in 0..<AcousticSourceMemory.capacity {
            let lastNs = memory.pointee.lastNs[i]
            guard lastNs != .min, lastNs >= sinceNs, memory.pointee.fitPerDof[i] <= c.bearingMissNISPerDof
            else { continue }
            counted[i] = true
            any = true
            if let p = crossFix.sensorPosition(of: memory.pointee.sensors[i]) {
                let d = p - position
                let n = d.norm
                if n > 0 { sight[i] = (1 / n) * d }
            }
        }
        guard any else { return 0 }
        var best = 0
        for i in 0..<AcousticSourceMemory.capacity where counted[i] {
            var agreeing = 0
            for j in 0..<AcousticSourceMemory.capacity where counted[j] {
                let fi = memory.pointee.fundamentalsHz[i], fj = memory.pointee.fundamentalsHz[j]
                guard i != j, fi > 0, fj > 0 else {
                    agreeing += 1
                    continue
                }
                let gap = sight[i] - sight[j]
                let spread = max(0, gap.dot(velocityCovariance * gap)).squareRoot()
                let radialMps = abs(velocity.dot(gap)) + 3 * spread
                if c.crossFix.fundamentalsAgree(fi, fj, speedMps: radialMps, fraction: 1) { agreeing += 1 }
            }
            best = max(best, agreeing)
        }
        return best
    }

    /// Whether the tentative track in `slot`, started by a bearing
    /// cross-fix and fed by bearings only, may confirm now that M-of-N
    /// passed: it has lived `bearingConfirmAgeNs` (consistency over time:
    /// most ghost crossings lose their support within seconds), its
    /// horizontal position is known within
    /// `bearingConfirmSigmaM` (1-sigma, major axis: a crossing of nearly
    /// parallel rays is no position) and `bearingSupportSensors` sensors
    /// hear it as one source (`agreeingBearingSensors`). Tracks any other
    /// sensor fed confirm by M-of-N alone.
    func mayConfirmBearingTrack(_ slot: Int, atNs nowNs: Int64) -> Bool {
        guard tracks[slot].sources == .acoustic else { return true }
        let c = configuration
        guard nowNs &- tracks[slot].createdNs >= c.bearingConfirmAgeNs else { return false }
        let p = tracks[slot].filter.state.covariance
        let a = p[0, 0], b = p[0, 1], d = p[1, 1]
        let major = 0.5 * (a + d) + (0.25 * (a - d) * (a - d) + b * b).squareRoot()
        guard major <= c.bearingConfirmSigmaM * c.bearingConfirmSigmaM else { return false }
        return agreeingBearingSensors(slot, sinceNs: nowNs - bearingSupportWindowNs) >= c.bearingSupportSensors
    }
}

extension FusionEngine {
    /// A tentative track fed by bearings only that has lived
    /// `bearingConfirmAgeNs` without the support a confirmed one needs
    /// (`hasLostBearingSupport`) is deleted: it would otherwise wait,
    /// tentative, for a moment when chance bearings support it.
    func hasFailedBearingProbation(_ slot: Int, atNs nowNs: Int64) -> Bool {
        guard tracks[slot].sources == .acoustic,
            nowNs &- tracks[slot].createdNs >= configuration.bearingConfirmAgeNs
        else { return false }
        return hasLostBearingSupport(slot, atNs: nowNs)
    }
}

extension BearingCrossFixInitiator {
    /// Where acoustic sensor `sensor` was at its newest report (ENU), if
    /// one was heard.
    func sensorPosition(of sensor: SensorIndex) -> Vector3? {
        for i in 0..<sensorCount where sensorIndex[i] == sensor { return sensorPose[i].positionENU }
        return nil
    }
}
