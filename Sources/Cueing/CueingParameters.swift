/// Tunable behaviour of `CueingEngine`, with the defaults of the design.
@frozen
public struct CueingParameters: Sendable, BitwiseCopyable, Equatable {
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
    /// Pre-emption (`CueingEngine+Preemption`): a threat that no free
    /// interceptor reaches takes a full interceptor's target only if it is
    /// predicted to enter its zone at least this much earlier, seconds.
    /// Zone entry is estimated from noisy tracks (a few seconds of scatter
    /// at 1 Hz): a margin well above it keeps two threats from taking the
    /// interceptor back and forth.
    public var preemptMarginS: Double = 30
    /// ... plus this share of the displaced target's own time to entry: a
    /// track's speed error makes its entry estimate uncertain in proportion
    /// (a 10 % speed error is 10 % of the time), so a far threat's entry
    /// scatters by tens of seconds where a near one's scatters by a few.
    public var preemptMarginFraction: Double = 0.25
    /// ... and only if the displaced threat enters no earlier than the new
    /// intercept plus this, seconds: the time an interceptor needs after
    /// one engagement to be ready for the next (a gun team re-laying, an
    /// interceptor drone turning to its next target), so that the first
    /// target is deferred, not given up.
    public var preemptReengageS: Double = 60
    /// A cue younger than this is never pre-empted nor moved to another
    /// interceptor to make room, seconds: an interceptor just tasked keeps
    /// its task long enough to act on it.
    public var preemptHoldS: Double = 10
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
    /// ... and a 1-sigma horizontal velocity uncertainty at most this, m/s.
    /// An intercept is aimed where the target will be a minute or more
    /// ahead: at 50 m/s of velocity error that is kilometres off. A
    /// converged radar track knows its velocity to a few m/s; a track left
    /// behind by its target (a drone that came down) and dragged about by a
    /// stray plot and other sources' bearings does not (found in the demo
    /// raid: a new cue on such a track, 2 km from any target, its velocity
    /// uncertain by over 100 m/s).
    public var maxHorizontalVelocitySigmaMps: Double = 50

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
    /// Cues cancelled because a more urgent threat took their interceptor.
    public var preemptions: Int = 0
    public var newCues: Int = 0
    public var updates: Int = 0
    public var cancels: Int = 0

    public init() {}
}
