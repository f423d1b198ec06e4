/// Tunable behaviour of `CueingEngine`, with the defaults of the design.
@frozen
public struct CueingParameters: Sendable, BitwiseCopyable {
    /// Carried in every cue event (ICD 2.3).
    public var nodeId: UInt32 = 0
    /// How far ahead threats and intercepts are predicted, seconds.
    public var horizonS: Double = 600
    /// Spread of the sigma trajectories used for the conservative zone
    /// entry (see `ThreatAssessment`), in standard deviations.
    public var sigmaK: Double = 2
    /// A threat moves to another interceptor only when that one intercepts
    /// at least this much earlier, seconds (or the current one can no longer
    /// reach it). Stops two nearly equal interceptors from trading a target.
    public var hysteresisS: Double = 5
    /// Least time between two updates of one cue, nanoseconds (1 Hz).
    public var minUpdateIntervalNs: Int64 = 1_000_000_000
    /// An update is sent only when the intercept point moved more than this,
    /// metres, ...
    public var updateDistanceM: Double = 50
    /// ... or the intercept time moved more than this, seconds.
    public var updateTimeS: Double = 1
    /// Track quality needed for a cue (`ThreatTrack.hasCueQuality`): at most
    /// this long since the last position fix, seconds (a radar track misses
    /// one or two 1 s scans; longer, it is guessing) ...
    public var maxCoastS: Double = 6
    /// ... and 1-sigma position uncertainties at most these, metres. A
    /// converged 3D radar track at 15 km is within about 60 m horizontally
    /// and 150 m vertically, an acoustic cross-fix within a few hundred; a
    /// 2D radar's track carries the initial 1,000 m of height uncertainty.
    public var maxHorizontalSigmaM: Double = 500
    public var maxVerticalSigmaM: Double = 500

    public init() {}
}

/// Counters of what the engine refused or did, for the node's metrics.
@frozen
public struct CueingStatistics: Sendable, BitwiseCopyable {
    /// Threats not evaluated because the threat table was full.
    public var threatsDropped: Int = 0
    /// New cues not issued because the cue table was full.
    public var cuesDropped: Int = 0
    /// Threats moved from one interceptor to another.
    public var reassignments: Int = 0
    public var newCues: Int = 0
    public var updates: Int = 0
    public var cancels: Int = 0

    public init() {}
}
