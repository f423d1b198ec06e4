/// The acoustic sensors' SKAC detection reports.
///
/// JSON section `acoustic` (optional; all keys optional). A detection's own
/// bearing standard deviation is used when it reports one; these sigmas are
/// the fallback for a detection that reports 0, and for the elevation when
/// the report's elevation is valid.
public struct AcousticSettings: Sendable, Equatable {
    public var port: UInt16
    public var sigmaAzimuthDeg: Double
    public var sigmaElevationDeg: Double
    /// `compensate_sound_delay`: the tracker fuses each bearing at the
    /// emission time of its sound (`TrackerConfiguration.compensatesSoundDelay`).
    /// Fixed at start: a SIGHUP does not change it.
    public var compensatesSoundDelay: Bool

    public init(
        port: UInt16 = 4100, sigmaAzimuthDeg: Double = 3.0, sigmaElevationDeg: Double = 5.0,
        compensatesSoundDelay: Bool = false
    ) {
        self.port = port
        self.sigmaAzimuthDeg = sigmaAzimuthDeg
        self.sigmaElevationDeg = sigmaElevationDeg
        self.compensatesSoundDelay = compensatesSoundDelay
    }
}

extension AcousticSettings {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        self.init(
            port: UInt16(r.integer("port", in: 1...65535, default: 4100)),
            sigmaAzimuthDeg: r.number("sigma_az_deg", .positiveUpTo(180), default: 3.0),
            sigmaElevationDeg: r.number("sigma_el_deg", .positiveUpTo(90), default: 5.0),
            compensatesSoundDelay: r.bool("compensate_sound_delay", default: false))
    }
}
