import FusionMath

extension BearingCrossFixInitiator {
    /// Notes a bearing of any acoustic sensor (called for every bearing the
    /// engine receives, before association): the sensor's pose and newest
    /// report time, and the bearing in the heard ring.
    public mutating func hear(_ m: Measurement) {
        guard m.kind == .bearing, m.values.isFinite, m.sigmas[0] > 0 else { return }
        var slot = -1
        for i in 0..<sensorCount where sensorIndex[i] == m.sensor {
            slot = i
            break
        }
        if slot < 0 {
            guard sensorCount < sensorCapacity else { return }
            slot = sensorCount
            sensorCount += 1
            sensorIndex[slot] = m.sensor
            sensorLastNs[slot] = .min
        }
        sensorPose[slot] = m.pose
        sensorLastNs[slot] = max(sensorLastNs[slot], m.timeNs)
        heard[heardNext] = HeardBearing(m, sensorSlot: slot)
        heardNext = (heardNext + 1) % heardCapacity
    }

    /// Sensors not in the fix, closer to it (horizontally) than its nearest
    /// supporting sensor, that reported past the time the fix's sound
    /// reached them, yet have no bearing within the window that passes
    /// through the fix.
    func silentCloserSensors(_ candidate: CrossFix) -> Int {
        let fix = candidate.fix
        var nearest = Double.infinity
        for i in 0..<candidate.bearings.count {
            let p = candidate.bearings.bearings[i].pose.positionENU
            nearest = min(nearest, Math.hypot(p.x - fix.position.x, p.y - fix.position.y))
        }
        var silent = 0
        for s in 0..<sensorCount where sensorLastNs[s] >= fix.timeNs {
            guard !candidate.bearings.contains(sensor: sensorIndex[s]) else { continue }
            let p = sensorPose[s].positionENU
            guard Math.hypot(p.x - fix.position.x, p.y - fix.position.y) < nearest else { continue }
            // The sound had not reached it by its last report.
            let travel = (p - fix.position).norm * soundDelayNsPerM
            guard Double(sensorLastNs[s] &- fix.timeNs) >= travel else { continue }
            if !heardThrough(fix, sensorSlot: s) { silent += 1 }
        }
        return silent
    }

    /// True when the sensor in `slot` reported a bearing within the window
    /// of the fix that passes through it (the support gate).
    func heardThrough(_ fix: TriangulatedFix, sensorSlot slot: Int) -> Bool {
        let c = configuration
        let pose = sensorPose[slot]
        for k in 0..<heardCapacity {
            let h = heard[k]
            guard Int(h.sensorSlot) == slot else { continue }
            let m = Measurement.bearing(
                timeNs: h.timeNs, sensor: sensorIndex[slot], pose: pose, azimuthRad: h.azimuthRad,
                elevationRad: h.hasElevation ? h.elevationRad : nil, sigmaAzimuthRad: h.sigmaAzimuthRad,
                sigmaElevationRad: h.sigmaElevationRad)
            guard abs(BearingTriangulation.emissionNs(of: m, from: fix.position, delayNsPerM: soundDelayNsPerM)
                    &- fix.timeNs) <= c.windowNs,
                let d2 = BearingTriangulation.supportDistance(
                    of: m, from: fix, configuration: c, maxRangeM: .infinity, delayNsPerM: soundDelayNsPerM)
            else { continue }
            if d2 <= gates[h.hasElevation ? 2 : 1] { return true }
        }
        return false
    }
}
