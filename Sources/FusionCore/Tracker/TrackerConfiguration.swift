/// Tuning of the tracker. Defaults suit drone-detection radars with 1-4 s
/// revisit and acoustic reports at about 1 Hz; each is documented with why.
public struct TrackerConfiguration: Sendable {
    /// Track table size, fixed at start-up. A full table refuses new tracks
    /// (counted); existing ones keep working.
    public var capacity: Int = 10_000
    /// M-of-N confirmation: `confirmHits` hits in the last `confirmWindow`
    /// scan opportunities. 3 of 4 keeps a 5-per-scan clutter field from
    /// confirming (a clutter plot must fall in a tentative gate 2 more times)
    /// while a target with Pd 0.9 confirms within 3-4 scans.
    public var confirmHits: Int = 3
    public var confirmWindow: Int = 4
    /// Probability mass inside the association gate. 0.9999 keeps a
    /// consistent track's own plot in the gate except once in 10,000.
    public var gateProbability: Double = 0.9999
    /// A confirmed track becomes coasting after one missed revisit and is
    /// deleted after this long without an update.
    public var coastLimitNs: Int64 = 10_000_000_000
    /// Tracks whose 1-sigma horizontal position error grows beyond this are
    /// deleted: their gate would swallow other targets' plots.
    public var maxPositionSigmaM: Double = 1_500
    /// Late measurements up to this much older than a track's newest are
    /// fused exactly; older ones are dropped and counted (ICD: acoustic
    /// reports trail by up to 3 s, plus up to 0.5 s of analysis window).
    /// A track's window holds up to `lagWindowEntries` measurements.
    public var maxLagNs: Int64 = 4_000_000_000
    /// Most measurements a track's window holds: 32 is 4 s of an acoustic
    /// target heard by 8 arrays at 1 Hz. With
    /// `compensatesSoundDelay`, tracks that hear arrays keep
    /// `acousticLagNs` and up to 160 (`TrackRecord.History`; 32 gave 8
    /// ghosts per 10 minutes among 20 drones against 3.25).
    public var lagWindowEntries: Int = 32
    /// Fuse each bearing at the emission time of its sound, from the
    /// track's range to the array (`SoundPropagation`,
    /// `FusionEngine.emissionTimed`), and cross bearings by emission time
    /// (`BearingCrossFixInitiator`). Off by default, as the simulator's
    /// `modelsSoundDelay` is: with sound's travel simulated it takes acoustic-only
    /// tracking over the 20-drone grid from 281 m to 144 m RMS, but the
    /// hard-case suites, in that world, failed with or without it
    /// (FIXME: README's known shortfalls).
    public var compensatesSoundDelay = false
    /// The lag window of a track that acoustic arrays hear, when
    /// compensating: a bearing's emission time trails its delivery by the
    /// sound's travel (5.8 s at 2 km, 11.7 s at 4 km) plus the delivery
    /// delay (up to 3.5 s). Bearings from farther still are not gated
    /// against the track (the cross-fix initiator finds the track explains
    /// them); they are the least accurate (3 degrees at 5 km is 260 m
    /// across).
    public var acousticLagNs: Int64 = 16_000_000_000
    /// With `compensatesSoundDelay`, how much longer than `bearingSupportNs`
    /// a bearing-only track waits for its sensors' support: the lead of
    /// the nearest array's sound over a farther one's. A new track fuses
    /// only bearings emitted after its cross-fix, which reach an array
    /// 1 km farther 2.9 s later (with sound's travel simulated, 0 -> 3 s
    /// took tentative tracks deleted on probation from 53 to 31 and ghosts
    /// among 20 drones from 28 to 13 in 40 minutes, seeds 1-20).
    public var soundLeadNs: Int64 = 3_000_000_000
    /// Mean lag-window entries per track slot that the shared pool
    /// (`LagEntryPool`, 88 bytes an entry plus a 96-byte pose slot that
    /// only a new sensor pose uses) is sized for: capacity x this, allocated
    /// at start-up; only the entries in use become resident. A radar track
    /// at a 1 s revisit and 4 s lag holds 4-8, an acoustic target heard by
    /// many arrays up to 32, a tentative track 1-3; 8 for every slot of a
    /// table that is rarely full leaves ample room. An empty pool costs
    /// lag, not tracks: a window that cannot grow folds its oldest entry
    /// early (counted, `EngineCounters.lagPoolExhausted`).
    public var lagEntriesPerTrack: Int = 8
    /// 1-sigma speed prior of a track started from one plot, m/s: wide
    /// enough that a jet drone's second plot still falls in the gate.
    public var initialVelocitySigmaMps: Double = 100
    /// A tentative track is judged for deletion this long after the fact,
    /// so that a plot still in flight (late, out of order) can save it.
    public var tentativeGraceNs: Int64 = 3_000_000_000
    /// Consecutive maintenance passes (about one a second) in which a
    /// confirmed track must match an older one before it is removed as its
    /// duplicate (`FusionEngine.removeDuplicates`).
    public var duplicateScans: UInt8 = 3
    /// Revisit period assumed for a track before a sensor tells otherwise.
    public var defaultRevisitNs: Int64 = 1_000_000_000
    /// Slices of the once-a-second ageing pass
    /// (`FusionEngine.maintain(atNs:slice:)`): the node runs one every
    /// `1 s / maintenanceSlices`, each over every N-th table slot, so that
    /// no call does more than about an N-th of the table's work.
    public var maintenanceSlices: Int = 20
    /// Fastest target the node tracks, m/s: bounds how far a track can move
    /// between its spatial-grid positions.
    public var maxSpeedMps: Double = 350
    /// Spatial grid cell size, metres.
    public var gridCellM: Double = 2_000
    /// Horizontal search radius around a located measurement before speed
    /// margins, metres: covers the gate of a coasting track.
    public var searchRadiusM: Double = 1_500
    /// How far acoustic sensors hear, metres: a bearing is gated against
    /// tracks within this distance of its sensor.
    public var acousticRangeM: Double = 8_000
    /// Most measurements in one batch (one datagram); a larger batch is
    /// processed in pieces of this size.
    public var maxBatch: Int = 512
    /// Candidate (track, measurement) pairs considered per batch.
    public var maxPairs: Int = 8_192
    /// How long a track holds to the source a sensor named for it: for this
    /// long after a sensor's bearing was fused into a track, that sensor's
    /// bearings of another source (another sensor-local id, or a
    /// fundamental too far off) are not gated against the track
    /// (`AcousticSourceMemory`). Long enough to bridge a few missed
    /// reports; short enough that a sensor which renumbers its sources
    /// is heard again soon.
    public var acousticSourceMemoryNs: Int64 = 5_000_000_000
    /// A track fed only by bearings is deleted once fewer than
    /// `bearingSupportSensors` sensors gave it a bearing that fits it (by
    /// detection time) within `bearingSupportNs`: delivery delay (up to
    /// 3.5 s) plus a few missed reports (with `compensatesSoundDelay`,
    /// `soundLeadNs` more). Three, because two bearings of two
    /// different sources cross somewhere and move smoothly as the sources
    /// do, so a 2-sensor track among dense targets is as likely a ghost as
    /// a target (2 -> 3 about halved the ghosts among 20 drones); the
    /// issue's accuracy is asked of targets 3 sensors hear.
    public var bearingSupportNs: Int64 = 6_000_000_000
    public var bearingSupportSensors: Int = 3
    /// A sensor whose bearings fused into a bearing-only track keep missing
    /// it (running mean of their NIS per degree of freedom above this; about
    /// 1 when they fit, the running mean's sigma about 0.4) has named
    /// another target for it: it no longer supports the track nor owns its
    /// source for it, and that source's bearings are refused
    /// (`AcousticSourceMemory`). Tracks that sit between targets, fed by
    /// sensors that each hear another, then lose their support.
    public var bearingMissNISPerDof: Double = 3
    /// Those sensors must also hear one source: their fundamentals agree
    /// within noise and the Doppler the track's own velocity puts between
    /// their lines of sight (`FusionEngine.agreeingBearingSensors`). A track
    /// where different sources' bearings cross has each sensor faithful to
    /// its own source, and fundamentals tens of hertz apart.
    public var bearingSupportNeedsOneFundamental = true
    /// A track started by a bearing cross-fix and fed by bearings only
    /// confirms (M-of-N) only once its 1-sigma horizontal position error
    /// (major axis) is within this, metres, and its support holds: a
    /// crossing of nearly parallel rays, or of a distant source's, is no
    /// position yet. Real acoustic tracks sit at 60 m (p50) and 140-180 m
    /// (p99) over the 3 x 3 grid; the ghosts that confirmed at 400-1,000 m
    /// died within seconds.
    public var bearingConfirmSigmaM: Double = 250
    /// ... and once it has lived this long (by detection time since its
    /// first bearing); a tentative one that has lived this long without
    /// the support of `bearingSupportSensors` is deleted. Most ghost
    /// crossings that confirmed within 2-3 s of their cross-fix lost their
    /// support within the next 3 s.
    public var bearingConfirmAgeNs: Int64 = 5_000_000_000
    /// Largest change of a source's radial speed per second, m/s^2, for the
    /// Doppler a fundamental may drift by at one sensor (a drone turning at
    /// 0.3 rad/s at 50 m/s).
    public var acousticSourceAccelerationMps2: Double = 15
    /// Acoustic track initiation by bearing cross-fixes (its window is
    /// config `tracker.cross_fix_window_s`).
    public var crossFix = CrossFixConfiguration()

    public init() {}
}
