/// One monoradar plot to be written as a CAT048 target report (ICD 1.1), in
/// physical units; `Cat048Encoder` quantises it to the items' LSBs.
///
/// Which items are written follows from which fields are set: I048/010,
/// /140, /020 and /040 always; /070 with `mode3A`, /090 with
/// `flightLevel`, /130 (PAM only) with `amplitudeDbm`, /220 with
/// `address`, /161 with `trackNumber`, /110 with `heightM`, /120 (CAL) with
/// `rangeRateMps`.
public struct Cat048Detection: Sendable, BitwiseCopyable, Equatable {
    /// Detection time (antenna on the target), ns since the Unix epoch, UTC
    /// (I048/140 keeps its time of day, 1/128 s).
    public var timeNs: Int64
    /// Slant range, metres (I048/040 RHO, 1/256 NM, 0 ... 256 NM).
    public var rangeM: Double
    /// Azimuth, degrees clockwise from north at the radar (I048/040 THETA, 360/2^16 deg).
    public var azimuthDeg: Double
    /// 3D height above mean sea level, metres (I048/110, 25 ft, 14-bit
    /// signed); nil for a 2D radar.
    public var heightM: Double?
    /// Radial Doppler speed, m/s, positive receding (I048/120 CAL, 1 m/s,
    /// 10-bit signed: -512 ... 511); nil without Doppler.
    public var rangeRateMps: Double?
    /// I048/120 D bit: the Doppler speed is doubtful.
    public var rangeRateDoubtful: Bool
    /// Primary plot amplitude, dBm (I048/130 PAM, 1 dBm, signed octet:
    /// -128 ... 127). Weak plots clamp to -128: a bird at 16 km with K = 70
    /// (about -133 dBm) is written as -128, so the node reads its RCS about
    /// 5 dB too large; that bias is the format's, not the encoder's.
    public var amplitudeDbm: Double?
    /// Mode S address (I048/220, 24 bits); present means a Mode S reply.
    public var address: UInt32?
    /// Mode 3/A code as its four octal digits printed in decimal (7000 for
    /// 7000 octal), I048/070; digits above 7 are clamped to 7.
    public var mode3A: UInt16?
    /// Flight level (Mode C / Mode S altitude), I048/090, 1/4 FL, 14-bit signed.
    public var flightLevel: Double?
    /// Local track number, I048/161 (12 bits).
    public var trackNumber: UInt16?
    /// True when the plot has a primary (PSR) part; false for a
    /// secondary-only reply. Decides I048/020 TYP with `address`/`mode3A`.
    public var primary: Bool
    /// I048/020 SIM: a simulated target report (the node ignores those).
    public var simulated: Bool

    public init(
        timeNs: Int64, rangeM: Double, azimuthDeg: Double, heightM: Double? = nil, rangeRateMps: Double? = nil,
        rangeRateDoubtful: Bool = false, amplitudeDbm: Double? = nil, address: UInt32? = nil, mode3A: UInt16? = nil,
        flightLevel: Double? = nil, trackNumber: UInt16? = nil, primary: Bool = true, simulated: Bool = false
    ) {
        self.timeNs = timeNs
        self.rangeM = rangeM
        self.azimuthDeg = azimuthDeg
        self.heightM = heightM
        self.rangeRateMps = rangeRateMps
        self.rangeRateDoubtful = rangeRateDoubtful
        self.amplitudeDbm = amplitudeDbm
        self.address = address
        self.mode3A = mode3A
        self.flightLevel = flightLevel
        self.trackNumber = trackNumber
        self.primary = primary
        self.simulated = simulated
    }

    /// I048/020 TYP: 1 single PSR, 2 single SSR, 3 SSR + PSR, 5 Mode S
    /// roll-call, 7 Mode S roll-call + PSR (EUROCONTROL-SPEC-0149-4, 5.2.3).
    public var typ: UInt8 {
        if address != nil { return primary ? 7 : 5 }
        if mode3A != nil || flightLevel != nil { return primary ? 3 : 2 }
        return 1
    }
}
