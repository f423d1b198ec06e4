/// One ADS-B target report to be written as CAT021 edition 2.1 (ICD 1.2),
/// in physical units; `Cat021Encoder` quantises it.
///
/// Items written: I021/010, /040, /071, /073, /130 or /131, /080 always;
/// /140 with `geometricHeightM`, /145 with `flightLevel`, /160 with
/// `groundSpeedMps` and `trackDeg`, /170 with `callsign`, /020 with
/// `emitterCategory`.
public struct Cat021Target: Sendable, BitwiseCopyable, Equatable {
    /// Time of applicability of the position, ns since the Unix epoch (I021/071, 1/128 s of day).
    public var timeNs: Int64
    /// Time the ground station received the position message (I021/073, 1/128 s of day).
    public var receptionNs: Int64
    /// 24-bit ICAO address (I021/080).
    public var address: UInt32
    /// WGS84 position, degrees: I021/131 (180/2^30 deg) when `highResolution`,
    /// else I021/130 (180/2^23 deg).
    public var latitudeDeg: Double
    public var longitudeDeg: Double
    public var highResolution: Bool
    /// Geometric height above the WGS84 ellipsoid, metres (I021/140, 6.25 ft, 16-bit signed).
    public var geometricHeightM: Double?
    /// Flight level (I021/145, 1/4 FL, clamped to the spec's -15 ... 1500 FL).
    public var flightLevel: Double?
    /// Ground speed, m/s (I021/160, 2^-14 NM/s, 15 bits) and track angle,
    /// degrees true (360/2^16 deg); both needed for the item.
    public var groundSpeedMps: Double?
    public var trackDeg: Double?
    /// Target identification (I021/170).
    public var callsign: AsterixCallsign?
    /// Emitter category (I021/020; 13 is an unmanned aerial vehicle).
    public var emitterCategory: UInt8?
    /// I021/040 SIM: a simulated target report.
    public var simulated: Bool

    public init(
        timeNs: Int64, receptionNs: Int64? = nil, address: UInt32, latitudeDeg: Double, longitudeDeg: Double,
        highResolution: Bool = true, geometricHeightM: Double? = nil, flightLevel: Double? = nil,
        groundSpeedMps: Double? = nil, trackDeg: Double? = nil, callsign: AsterixCallsign? = nil,
        emitterCategory: UInt8? = nil, simulated: Bool = false
    ) {
        self.timeNs = timeNs
        self.receptionNs = receptionNs ?? timeNs
        self.address = address
        self.latitudeDeg = latitudeDeg
        self.longitudeDeg = longitudeDeg
        self.highResolution = highResolution
        self.geometricHeightM = geometricHeightM
        self.flightLevel = flightLevel
        self.groundSpeedMps = groundSpeedMps
        self.trackDeg = trackDeg
        self.callsign = callsign
        self.emitterCategory = emitterCategory
        self.simulated = simulated
    }
}
