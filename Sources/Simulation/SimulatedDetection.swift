import FusionCore

/// One simulated detection with the truth it came from, for scoring, and the
/// raw sensor report behind it, for the wire encoders.
public struct SimulatedDetection: Sendable {
    /// The measurement as the core receives it.
    public var measurement: Measurement
    /// The truth target's id; nil for clutter or a false alarm.
    public var truthID: Int?
    /// The raw radar plot (radar detections only).
    public var radarPlot: RadarPlot?
    /// The raw acoustic detection (acoustic detections only).
    public var acousticPlot: AcousticPlot?
    /// The raw ADS-B report (ADS-B detections only).
    public var adsbReport: ADSBReport?

    public init(
        measurement: Measurement, truthID: Int?, radarPlot: RadarPlot? = nil, acousticPlot: AcousticPlot? = nil,
        adsbReport: ADSBReport? = nil
    ) {
        self.measurement = measurement
        self.truthID = truthID
        self.radarPlot = radarPlot
        self.acousticPlot = acousticPlot
        self.adsbReport = adsbReport
    }

    public var isClutter: Bool { truthID == nil }
}

/// The plots of one antenna revolution, in time order.
public struct RadarScan: Sendable {
    public var index: Int
    /// The north crossing that starts the scan, ns since the Unix epoch.
    public var startNs: Int64
    public var detections: [SimulatedDetection]
}
