/// Tuning of acoustic track initiation by bearing cross-fixes
/// (`BearingCrossFixInitiator`). Defaults suit arrays with 2-5 degree
/// bearing noise, about 1 report per second, 1.5-2 km apart, hearing drones
/// out to a few kilometres; each is documented with why.
public struct CrossFixConfiguration: Sendable {
    /// Bearings whose detection times differ by more than this are never
    /// crossed (config `tracker.cross_fix_window_s`; with sound's travel
    /// compensated, their emission times at the rays' crossing): the
    /// target moves between them, which the fix absorbs only as extra noise.
    public var windowNs: Int64 = 2_000_000_000
    /// Unexplained bearings kept, fixed at start-up. A full store overwrites
    /// its oldest entry (counted).
    public var storeCapacity: Int = 1_024
    /// Candidate pairs solved per new bearing (the expensive step); with
    /// `maxSupportScans`, this bounds the work per bearing whatever the
    /// raid size.
    public var maxPairsPerBearing: Int = 32
    /// Pair fixes per new bearing that are searched for third-sensor support.
    public var maxSupportScans: Int = 8
    /// Acoustic sensors remembered (position, axes, last report), and
    /// recent bearings of all of them, explained or not: the negative
    /// evidence of `silentCloserAllowed`.
    public var sensorCapacity: Int = 256
    public var heardCapacity: Int = 4_096
    /// Sensors closer to a fix than its nearest supporting sensor, which
    /// reported past the fix's time without any bearing through it, that a
    /// fix tolerates. A source that a sensor hears is louder still at a
    /// closer one; a closer sensor that stays silent marks a ghost crossing.
    public var silentCloserAllowed: Int = 0
    /// Fixes waiting for confirmation by a later fix (consistency over time).
    public var pendingCapacity: Int = 256
    /// A pending fix is forgotten this long after its last fix.
    public var pendingLifetimeNs: Int64 = 10_000_000_000
    /// Two fixes of one source must be at least this far apart in time to
    /// count as consistency over time (closer ones share most of their noise).
    public var minConsistencyGapNs: Int64 = 700_000_000
    /// Fixes supported by this many distinct sensors start a track at once.
    public var startSensors: Int = 3
    /// Consistent fixes a fix with `startSensors` sensors needs (1: at
    /// once). 2 (a third sensor and a later fix) halves the ghost tracks
    /// among 20 dense drones against 1, at the cost of about a second.
    public var supportedStartFixes: Int = 2
    /// Consistent fixes (each from at least two sensors) that start a track
    /// without a third sensor.
    public var startConsistentFixes: Int = 3
    /// Rays crossing at less than this angle give a fix too long along the
    /// rays to be of use (and most ghosts of distant sources), rad.
    public var minCrossingAngleRad: Double = 0.15
    /// 1-sigma target speed for the motion between two bearings' times and
    /// between two fixes of one source, m/s (drones: 40-55 m/s).
    public var motionSigmaMps: Double = 50
    /// Probability mass of the chi-square tests of a fix and of support.
    public var fixGateProbability: GateProbability = .p999
    /// Prior on a fix's height above the tracking frame's origin when
    /// bearings carry no elevation (the altitude band), metres.
    public var assumedAltitudeM: Double = 600
    public var altitudeSigmaM: Double = 1_000
    /// Fixes outside this height band (tracking-frame up) are rejected,
    /// metres: below ground or above any acoustically heard target.
    public var altitudeBandM: ClosedRange<Double> = -300...6_000
    /// 1-sigma noise of a reported fundamental, Hz.
    public var fundamentalSigmaHz: Double = 2
    /// Largest source speed the fundamental tolerance allows for Doppler,
    /// m/s: two arrays hear `f0 / (1 - v.u_i / c)`, so their ratio can differ
    /// by up to `v |u_1 - u_2| / c`.
    public var dopplerSpeedMps: Double = 60
    /// Speed of sound in air, m/s: the scale of a fundamental's Doppler shift.
    public static var speedOfSoundMps: Double { SoundPropagation.speedMps }
    /// 1-sigma vertical speed prior of a new acoustic track, m/s.
    public var verticalVelocitySigmaMps: Double = 10

    public init() {}

    /// Whether fundamentals `fa` and `fb`, Hz, can be one source's: they
    /// differ by at most 3 sigma of the difference of two reports plus the
    /// Doppler shift of the source's radial speed changing by `speedMps`
    /// times `fraction` (two arrays' lines of sight: `dopplerSpeedMps` and
    /// `|u1 - u2|`; one array over time: the change itself and 1).
    @inlinable public func fundamentalsAgree(_ fa: Double, _ fb: Double, speedMps: Double, fraction: Double) -> Bool {
        let noise = 3 * fundamentalSigmaHz * 2.0.squareRoot()
        let doppler = max(fa, fb) * speedMps * fraction / Self.speedOfSoundMps
        return abs(fa - fb) <= noise + doppler
    }
}
