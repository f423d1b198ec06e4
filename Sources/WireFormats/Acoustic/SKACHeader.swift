/// The 36-byte header of an SKAC acoustic detection report (ICD 1.3),
/// field for field in its wire units, so that encode and decode are exact.
///
/// The magic (`SKAC`) and version (1) are constants of the format and are
/// not stored; `detectionCount` is checked against the datagram length.
public struct SKACHeader: Sendable, BitwiseCopyable, Equatable {
    /// Magic bytes at offset 0: ASCII `SKAC`.
    public static let magic: UInt32 = 0x534B_4143
    /// The only version this codec reads and writes.
    public static let version: UInt8 = 1
    /// Header length in bytes.
    public static let byteCount = 36

    /// Offset 5: which optional fields are valid, and whether a tag follows.
    public var flags: SKACFlags
    /// Offset 6: detections that follow, 1...64.
    public var detectionCount: UInt16
    /// Offset 8: the reporting sensor.
    public var sensorId: UInt32
    /// Offset 12: per-sensor datagram counter, +1 per datagram, wraps.
    public var sequence: UInt32
    /// Offset 16: report time, ns since the Unix epoch, UTC.
    public var reportTimeNs: Int64
    /// Offset 24: sensor latitude, degrees x 1e7 (WGS84).
    public var latitudeE7: Int32
    /// Offset 28: sensor longitude, degrees x 1e7 (WGS84).
    public var longitudeE7: Int32
    /// Offset 32: sensor altitude, millimetres above the WGS84 ellipsoid.
    public var altitudeMm: Int32

    public init(
        flags: SKACFlags = [], detectionCount: UInt16 = 0, sensorId: UInt32 = 0, sequence: UInt32 = 0,
        reportTimeNs: Int64 = 0, latitudeE7: Int32 = 0, longitudeE7: Int32 = 0, altitudeMm: Int32 = 0
    ) {
        self.flags = flags
        self.detectionCount = detectionCount
        self.sensorId = sensorId
        self.sequence = sequence
        self.reportTimeNs = reportTimeNs
        self.latitudeE7 = latitudeE7
        self.longitudeE7 = longitudeE7
        self.altitudeMm = altitudeMm
    }

    /// Sensor latitude in degrees.
    public var latitudeDeg: Double { Double(latitudeE7) * 1e-7 }
    /// Sensor longitude in degrees.
    public var longitudeDeg: Double { Double(longitudeE7) * 1e-7 }
    /// Sensor altitude in metres HAE.
    public var altitudeM: Double { Double(altitudeMm) * 1e-3 }
}
