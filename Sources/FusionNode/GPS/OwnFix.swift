/// The node's own position, velocity and time from one gpsd TPV report with
/// mode >= 2 (ICD 1.4). Plain values, WGS84, SI units; times in ns since
/// the Unix epoch (UTC).
///
/// What gpsd 3.22 puts in a TPV, and how it lands here:
/// - `lat`/`lon` (deg, WGS84): always, for mode >= 2.
/// - `altHAE` (height above the WGS84 ellipsoid, m), `altMSL` (above mean
///   sea level, m) and `geoidSep` (geoid above ellipsoid, m): mode 3 only.
///   NMEA receivers give MSL and the separation in GGA; gpsd 3.22 then
///   derives `altHAE = altMSL + geoidSep` itself (and fills `geoidSep` from
///   its own model when the receiver gives none). `alt` is a deprecated
///   copy of `altMSL` and is ignored. The node's geodesy is ellipsoidal, so
///   `altitudeHaeM` prefers `altHAE`, else `altMSL` plus the reported or,
///   failing that, the configured geoid separation (see `altitudeSource`).
/// - `speed` (m/s over ground), `track` (deg from true north), `climb`
///   (m/s, up): each when the receiver or gpsd's differencing gives it.
/// - `eph` (horizontal) and `epv` (vertical) error estimates in m, at
///   gpsd's ~95 % confidence: when gpsd can compute them (DOPs needed).
/// - `time`: the fix's UTC time, absent on a fix without a time (a GGA-only
///   first fix). gpsd 3.22 applies its GPS-week-rollover guess to old
///   logs: bt451.log (2009-12-09) comes back dated 2029-07-25, same time of
///   day.
public struct OwnFix: Equatable, Sendable {
    /// How `altitudeHaeM` was obtained.
    public enum AltitudeSource: Equatable, Sendable {
        /// gpsd's `altHAE`.
        case reportedHAE
        /// `altMSL + geoidSep`, both from gpsd.
        case mslPlusReportedGeoid
        /// `altMSL` plus `GpsdConfiguration.geoidSeparationM`.
        case mslPlusConfiguredGeoid
        /// No usable altitude (a 2D fix, or MSL with no separation known).
        case none
    }

    /// 2 (horizontal only) or 3 (with altitude).
    public var mode: Int
    /// UTC time of the fix per the receiver, if the TPV had one.
    public var timeNs: Int64?
    /// The node's clock when the client read the report (the `nowNs` given
    /// to `GpsdClient.poll`).
    public var receivedNs: Int64
    public var latitudeDeg: Double
    public var longitudeDeg: Double
    /// Height above the WGS84 ellipsoid, m; nil when `altitudeSource` is
    /// `.none`.
    public var altitudeHaeM: Double?
    /// Height above mean sea level as gpsd reported it, m.
    public var altitudeMslM: Double?
    /// Geoid height above the ellipsoid as gpsd reported it, m.
    public var geoidSeparationM: Double?
    public var altitudeSource: AltitudeSource
    /// Speed over ground, m/s.
    public var speedMps: Double?
    /// Course over ground, degrees clockwise from true north, [0, 360).
    public var trackDeg: Double?
    /// Vertical speed, m/s, positive up.
    public var climbMps: Double?
    /// Horizontal position error estimate, m.
    public var ephM: Double?
    /// Vertical position error estimate, m.
    public var epvM: Double?

    public init(
        mode: Int, timeNs: Int64?, receivedNs: Int64, latitudeDeg: Double, longitudeDeg: Double,
        altitudeHaeM: Double?, altitudeMslM: Double?, geoidSeparationM: Double?,
        altitudeSource: AltitudeSource, speedMps: Double?, trackDeg: Double?, climbMps: Double?,
        ephM: Double?, epvM: Double?
    ) {
        self.mode = mode
        self.timeNs = timeNs
        self.receivedNs = receivedNs
        self.latitudeDeg = latitudeDeg
        self.longitudeDeg = longitudeDeg
        self.altitudeHaeM = altitudeHaeM
        self.altitudeMslM = altitudeMslM
        self.geoidSeparationM = geoidSeparationM
        self.altitudeSource = altitudeSource
        self.speedMps = speedMps
        self.trackDeg = trackDeg
        self.climbMps = climbMps
        self.ephM = ephM
        self.epvM = epvM
    }
}
