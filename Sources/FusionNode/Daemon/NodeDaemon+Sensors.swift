extension NodeDaemon {
    /// Once a second: logs each radar going silent (`SensorHealth`) and
    /// coming back, so a dead radar is an event in the log and not only a
    /// picture that empties. A radar never heard since start is silent too,
    /// once its grace (three periods) after start has passed.
    func checkSensors(nowNs: Int64) {
        guard let holder, nowNs - lastSensorCheckNs >= 1_000_000_000 else { return }
        lastSensorCheckNs = nowNs
        let count = holder.pipeline.radarCount
        if silentRadars.count != count { silentRadars = [Bool](repeating: false, count: count) }
        for i in 0..<count {
            let radar = holder.pipeline.radarHealth(i)
            var silent = radar.isSilent(atNs: nowNs)
            // Not yet heard: give it its grace from start before calling it dead.
            if radar.lastHeardNs == nil && nowNs - startedNs <= radar.silentAfterNs { silent = false }
            guard silent != silentRadars[i] else { continue }
            silentRadars[i] = silent
            let quietS = radar.lastHeardNs.map { String(Double(nowNs - $0) / 1e9) } ?? "never heard"
            if silent {
                log.write(.warning, "radar_silent", ["radar": radar.name, "quiet_s": quietS, "records": "\(radar.records)"])
            } else {
                log.write(.info, "radar_back", ["radar": radar.name, "records": "\(radar.records)"])
            }
        }
    }
}
