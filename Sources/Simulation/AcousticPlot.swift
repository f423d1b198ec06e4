/// One acoustic detection as the sensor reports it in a SKAC datagram (ICD
/// 1.3): the raw values an encoder needs, in the sensor's own local frame.
@frozen
public struct AcousticPlot: Sendable, BitwiseCopyable {
    /// When the sound was analysed, ns since the Unix epoch (before the report time).
    public var timeNs: Int64
    /// Direction of arrival, clockwise from north, [0, 2 pi) rad.
    public var azimuthRad: Double
    /// Elevation above the sensor's horizontal, rad; nil when the array gives none.
    public var elevationRad: Double?
    /// Reported 1-sigma bearing error, rad.
    public var sigmaAzimuthRad: Double
    public var snrDb: Double
    /// Fundamental of the harmonic series, Hz; nil when none was found.
    public var fundamentalHz: Double?
    /// Number of harmonics seen (0 when no fundamental).
    public var harmonicCount: Int
    /// Source hint (ICD 1.3: 0 unknown, 1 piston, 2 electric rotors, 3 turbine/jet, 4 helicopter).
    public var sourceHint: UInt8
    /// Confidence in the hint, 0...1.
    public var hintConfidence: Double
    /// The sensor's own id for this sound source, 0 = none.
    public var sourceID: UInt32

    public init(
        timeNs: Int64, azimuthRad: Double, elevationRad: Double?, sigmaAzimuthRad: Double, snrDb: Double,
        fundamentalHz: Double?, harmonicCount: Int, sourceHint: UInt8, hintConfidence: Double, sourceID: UInt32
    ) {
        self.timeNs = timeNs
        self.azimuthRad = azimuthRad
        self.elevationRad = elevationRad
        self.sigmaAzimuthRad = sigmaAzimuthRad
        self.snrDb = snrDb
        self.fundamentalHz = fundamentalHz
        self.harmonicCount = harmonicCount
        self.sourceHint = sourceHint
        self.hintConfidence = hintConfidence
        self.sourceID = sourceID
    }
}
