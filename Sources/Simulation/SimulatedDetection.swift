import FusionCore

/// One simulated detection with the truth it came from, for scoring.
public struct SimulatedDetection: Sendable {
    /// The measurement as the core receives it.
    public var measurement: Measurement
    /// The truth target's id; nil for clutter or a false alarm.
    public var truthID: Int?
    /// The raw radar plot behind `measurement`; nil for other sensors.
    public var radarPlot: RadarPlot?

    public init(measurement: Measurement, truthID: Int?, radarPlot: RadarPlot? = nil) {
        self.measurement = measurement
        self.truthID = truthID
        self.radarPlot = radarPlot
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
