extension NodeDaemon {
    /// SIGHUP: reads the configuration file again and replaces the zones,
    /// interceptors, cue endpoints and cueing parameters, keeping every track and cue. An
    /// invalid file, or one the pipeline refuses, is logged and the old
    /// zones and interceptors stay. Changes to other sections are logged as
    /// needing a restart and not applied.
    func reload() {
        let new: SiteConfiguration
        do {
            new = try SiteConfiguration.load(contentsOf: configPath)
        } catch {
            counters.reloadFailures &+= 1
            for issue in error.issues { log.write(.error, "reload_invalid", ["issue": "\(issue)"]) }
            log.write(.error, "reload_rejected", ["config": configPath, "issues": "\(error.issues.count)"])
            return
        }
        var outputs = sink
        var cueOutputs = configuration.outputs
        cueOutputs.cues = new.outputs.cues
        do {
            try outputs.resolve(cueOutputs)
        } catch {
            counters.reloadFailures &+= 1
            log.write(.error, "reload_rejected", ["error": "\(error)"])
            return
        }
        if let holder {
            do {
                try holder.pipeline.reloadCueing(from: new)
            } catch {
                counters.reloadFailures &+= 1
                log.write(.error, "reload_rejected", ["error": "\(error)"])
                return
            }
        }
        sink = outputs
        let merged = configuration.replacingReloadable(with: new)
        counters.reloads &+= 1
        // Anything else that differs is a section only a restart applies.
        if merged != new {
            log.write(
                .warning, "reload_partial",
                ["note": "only zones, interceptors, cue endpoints and cueing reload; restart for the rest"])
        }
        configuration = merged
        log.write(
            .info, "reload",
            ["zones": "\(new.zones.count)", "interceptors": "\(new.interceptors.count)", "cue_endpoints": "\(new.outputs.cues.count)"])
    }
}
