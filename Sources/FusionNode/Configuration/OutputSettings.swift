/// What the node sends: the air picture (CAT062, CoT) and interceptor cues.
///
/// JSON section `outputs` (optional). Sub-objects `cat062` and `cot` take
/// `host`, `port`, `period_s` and `enabled`, all optional; `cues` is an
/// array of `CueEndpoint`s (default none).
public struct OutputSettings: Sendable, Equatable {
    /// System tracks, ASTERIX CAT062; nil when disabled. Default
    /// 127.0.0.1:4062, so that an unconfigured node sprays nothing.
    public var cat062: NetworkEndpoint?
    /// Seconds between CAT062 picture updates.
    public var cat062PeriodS: Double
    /// Air picture for TAK users; nil when disabled. Default is the TAK
    /// situational-awareness multicast group 239.2.3.1:6969 (ICD 2.2).
    public var cot: NetworkEndpoint?
    /// Seconds between CoT picture updates.
    public var cotPeriodS: Double
    /// Cue destinations, several per interceptor allowed.
    public var cues: [CueEndpoint]

    public init(
        cat062: NetworkEndpoint? = NetworkEndpoint(host: "127.0.0.1", port: 4062), cat062PeriodS: Double = 1.0,
        cot: NetworkEndpoint? = NetworkEndpoint(host: "239.2.3.1", port: 6969), cotPeriodS: Double = 1.0,
        cues: [CueEndpoint] = []
    ) {
        self.cat062 = cat062
        self.cat062PeriodS = cat062PeriodS
        self.cot = cot
        self.cotPeriodS = cotPeriodS
        self.cues = cues
    }
}

extension OutputSettings {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        let defaults = OutputSettings()
        let cat062 = Self.periodic(r, "cat062", default: defaults.cat062!)
        let cot = Self.periodic(r, "cot", default: defaults.cot!)
        self.init(
            cat062: cat062.endpoint, cat062PeriodS: cat062.periodS, cot: cot.endpoint, cotPeriodS: cot.periodS,
            cues: r.objects("cues") { CueEndpoint(reading: $0) })
    }

    /// A periodic output sub-object, or its defaults when absent.
    private static func periodic(
        _ r: ConfigObject, _ key: String, default fallback: NetworkEndpoint
    ) -> (endpoint: NetworkEndpoint?, periodS: Double) {
        guard let o = r.object(key) else { return (fallback, 1.0) }
        defer { o.finish() }
        let endpoint = o.endpoint(defaultHost: fallback.host, defaultPort: fallback.port)
        let period = o.number("period_s", .within(0.1...60), default: 1.0)
        return (o.bool("enabled", default: true) ? endpoint : nil, period)
    }
}
