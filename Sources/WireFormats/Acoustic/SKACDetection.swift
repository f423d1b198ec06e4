/// What an acoustic sensor believes made a sound (ICD 1.3, detection byte 15).
public enum SKACSourceHint: UInt8, Sendable, BitwiseCopyable, CaseIterable {
    case unknown = 0
    case pistonEngine = 1
    case electricRotors = 2
    case turbineOrJet = 3
    case helicopterMainRotor = 4
}

/// One 24-byte direction-of-arrival detection of an SKAC report (ICD 1.3),
/// in its wire units so that encode and decode are exact. The computed
/// properties give physical units. The 3 reserved bytes are always zero and
/// not stored.
public struct SKACDetection: Sendable, BitwiseCopyable, Equatable {
    /// Bytes per detection on the wire.
    public static let byteCount = 24

    /// Offset 0: detection time minus the header's report time, microseconds.
    public var timeOffsetUs: Int32
    /// Offset 4: azimuth, degrees clockwise from true north x 65536/360.
    public var azimuthRaw: UInt16
    /// Offset 6: elevation, degrees x 100; valid only with `.elevationValid`.
    public var elevationCentiDeg: Int16
    /// Offset 8: bearing standard deviation (1 sigma), degrees x 100.
    public var bearingSigmaCentiDeg: UInt16
    /// Offset 10: signal-to-noise ratio, dB x 100.
    public var snrCentiDb: Int16
    /// Offset 12: harmonic-series fundamental, Hz x 10, 0 = none;
    /// valid only with `.harmonicsValid`.
    public var fundamentalDeciHz: UInt16
    /// Offset 14: harmonics seen; valid only with `.harmonicsValid`.
    public var harmonicCount: UInt8
    /// Offset 15: source hint as sent (see `sourceHint`); values above 4 are
    /// kept, not rejected, so that a newer sensor's hint is not lost.
    public var sourceHintRaw: UInt8
    /// Offset 16: confidence in the hint, 0...255.
    public var hintConfidence: UInt8
    /// Offset 20: the sensor's own id for this sound source, 0 = none.
    public var sourceId: UInt32

    public init(
        timeOffsetUs: Int32 = 0, azimuthRaw: UInt16 = 0, elevationCentiDeg: Int16 = 0,
        bearingSigmaCentiDeg: UInt16 = 0, snrCentiDb: Int16 = 0, fundamentalDeciHz: UInt16 = 0,
        harmonicCount: UInt8 = 0, sourceHintRaw: UInt8 = 0, hintConfidence: UInt8 = 0, sourceId: UInt32 = 0
    ) {
        self.timeOffsetUs = timeOffsetUs
        self.azimuthRaw = azimuthRaw
        self.elevationCentiDeg = elevationCentiDeg
        self.bearingSigmaCentiDeg = bearingSigmaCentiDeg
        self.snrCentiDb = snrCentiDb
        self.fundamentalDeciHz = fundamentalDeciHz
        self.harmonicCount = harmonicCount
        self.sourceHintRaw = sourceHintRaw
        self.hintConfidence = hintConfidence
        self.sourceId = sourceId
    }

    /// Azimuth in degrees, [0, 360).
    public var azimuthDeg: Double { Double(azimuthRaw) * (360.0 / 65536.0) }
    /// Elevation in degrees.
    public var elevationDeg: Double { Double(elevationCentiDeg) * 0.01 }
    /// Bearing 1-sigma in degrees.
    public var bearingSigmaDeg: Double { Double(bearingSigmaCentiDeg) * 0.01 }
    /// Signal-to-noise ratio in dB.
    public var snrDb: Double { Double(snrCentiDb) * 0.01 }
    /// Fundamental frequency in Hz (0 = none).
    public var fundamentalHz: Double { Double(fundamentalDeciHz) * 0.1 }
    /// The hint, with values this version does not know read as `.unknown`.
    public var sourceHint: SKACSourceHint { SKACSourceHint(rawValue: sourceHintRaw) ?? .unknown }
}
