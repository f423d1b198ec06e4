import Cueing

extension NodePipeline {
    /// Replaces the zones, the interceptors, the cue endpoints and the
    /// `cueing` parameters with those of `new` (the daemon's SIGHUP),
    /// keeping every track, the track ids, the active cues and their
    /// sequence numbers: cues whose interceptor is gone, or whose track no
    /// longer passes the new quality gates or horizon, are cancelled by the
    /// cueing engine at its next step. Every other section of `new` is
    /// ignored (it needs a restart).
    /// On a throw nothing has changed.
    public mutating func reloadCueing(from new: SiteConfiguration) throws(PipelineError) {
        let merged = configuration.replacingReloadable(with: new)
        try Self.configureCueing(&cueing, merged, frame: frame)
        cueing.parameters = merged.cueingParameters
        let counters = output.counters
        output = PipelineOutput(configuration: merged, frame: frame)
        output.counters = counters
        configuration = merged
    }
}

extension SiteConfiguration {
    /// This configuration with the sections a reload (SIGHUP) replaces
    /// taken from `new`: zones, interceptors, cue endpoints and `cueing`.
    /// The one list of them, for the pipeline and the daemon.
    func replacingReloadable(with new: SiteConfiguration) -> SiteConfiguration {
        var merged = self
        merged.zones = new.zones
        merged.interceptors = new.interceptors
        merged.outputs.cues = new.outputs.cues
        merged.cueing = new.cueing
        return merged
    }

    /// The parameters the cueing engine runs with: `cueing`, carrying `node.id`.
    var cueingParameters: CueingParameters {
        var parameters = cueing
        parameters.nodeId = node.id
        return parameters
    }
}
