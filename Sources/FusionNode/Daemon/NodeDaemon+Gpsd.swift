import FusionMath

extension NodeDaemon {
    /// Polls gpsd without waiting, re-registers its socket after a
    /// reconnect, and applies what it reports: the first good fix becomes
    /// the frame's origin when the configuration gives none; every fix is
    /// the node's own position (the site of `moving` radars).
    func pollGpsd(_ gpsd: GpsdClient, nowNs: Int64) {
        gpsd.poll(nowNs: nowNs, waitUs: 0) { event in
            switch event {
            case .fix(let fix):
                applyFix(fix)
            case .clockOffset:
                break  // exported from `gpsd.lastClockOffset`
            case .statusChanged(let from, let to, _, let error):
                var fields: KeyValuePairs<String, String> = ["from": "\(from)", "to": "\(to)"]
                if let error { fields = ["from": "\(from)", "to": "\(to)", "error": "\(error)"] }
                log.write(to.isDegraded ? .warning : .info, to.isDegraded ? "gpsd_degraded" : "gpsd_fix", fields)
            }
        }
        if gpsd.counters.connects != gpsdRegisteredConnects, let fd = gpsd.fileDescriptor {
            // A new connection is a new socket; the old one left epoll when it closed.
            gpsdRegisteredConnects = gpsd.counters.connects
            try? loop.add(fd, token: Self.tokenGpsd)
        }
    }

    func applyFix(_ fix: OwnFix) {
        let position = Geodetic(
            latitudeDeg: fix.latitudeDeg, longitudeDeg: fix.longitudeDeg, heightM: fix.altitudeHaeM ?? 0)
        if holder == nil {
            do {
                try makePipeline(origin: position)
            } catch {
                log.write(.error, "pipeline", ["error": "\(error)"])
                return
            }
        }
        holder?.pipeline.setOwnPosition(position)
        counters.ownFixesApplied &+= 1
    }
}
