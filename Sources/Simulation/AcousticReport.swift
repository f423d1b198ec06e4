import FusionMath

/// One SKAC datagram's worth of acoustic detections (ICD 1.3).
public struct AcousticReport: Sendable {
    /// The sensor's own id (SKAC header).
    public var sensorID: UInt32
    /// Per-sensor sequence number, +1 per report.
    public var sequence: UInt32
    /// Report time, ns since the Unix epoch.
    public var reportTimeNs: Int64
    /// When the datagram reaches the node: report time plus the delivery delay.
    public var arrivalNs: Int64
    /// Where the sensor is (its own GPS).
    public var site: Geodetic
    /// 1...64 detections, each with its `acousticPlot`.
    public var detections: [SimulatedDetection]
}
