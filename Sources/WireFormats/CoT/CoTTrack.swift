import FusionCore

/// One confirmed track as the CoT air-picture writer needs it (ICD 2.2).
/// The node fills it from its track table; `CoTWriter.writeTrack` turns it
/// into one `<event>`.
///
/// Position is WGS84 (degrees, metres HAE); velocity and covariances are in
/// the local East-North-Up frame at the track, in m/s and m^2.
public struct CoTTrack: Sendable, BitwiseCopyable {
    public var nodeId: UInt32
    public var trackId: UInt32
    /// Time of the state (the event's `time` and `start`), ns since epoch, UTC.
    public var timeNs: Int64
    /// When the event goes stale, ns since epoch, UTC (e.g. time + 3 periods).
    public var staleNs: Int64
    public var latitudeDeg: Double
    public var longitudeDeg: Double
    public var altitudeM: Double
    public var velocityEastMps: Double
    public var velocityNorthMps: Double
    public var velocityUpMps: Double
    /// Horizontal position covariance: var(E), var(N), cov(E, N), m^2.
    public var covEastEastM2: Double
    public var covNorthNorthM2: Double
    public var covEastNorthM2: Double
    /// Vertical position variance, m^2.
    public var covUpUpM2: Double
    public var targetClass: TargetClass
    /// Posterior probability of uncrewed, 0...1.
    public var pUncrewed: Double
    public var status: TrackReportStatus
    public var sources: TrackSources

    public init(
        nodeId: UInt32, trackId: UInt32, timeNs: Int64, staleNs: Int64,
        latitudeDeg: Double, longitudeDeg: Double, altitudeM: Double,
        velocityEastMps: Double, velocityNorthMps: Double, velocityUpMps: Double,
        covEastEastM2: Double, covNorthNorthM2: Double, covEastNorthM2: Double, covUpUpM2: Double,
        targetClass: TargetClass, pUncrewed: Double, status: TrackReportStatus = .confirmed,
        sources: TrackSources = []
    ) {
        self.nodeId = nodeId
        self.trackId = trackId
        self.timeNs = timeNs
        self.staleNs = staleNs
        self.latitudeDeg = latitudeDeg
        self.longitudeDeg = longitudeDeg
        self.altitudeM = altitudeM
        self.velocityEastMps = velocityEastMps
        self.velocityNorthMps = velocityNorthMps
        self.velocityUpMps = velocityUpMps
        self.covEastEastM2 = covEastEastM2
        self.covNorthNorthM2 = covNorthNorthM2
        self.covEastNorthM2 = covEastNorthM2
        self.covUpUpM2 = covUpUpM2
        self.targetClass = targetClass
        self.pUncrewed = pUncrewed
        self.status = status
        self.sources = sources
    }
}

/// The CoT `type` of a track and the error figures of its `<point>`.
public enum CoTTrackType {
    /// CoT type for a class (ICD 2.2). Only `.uncrewed` is hostile
    /// (`a-h-A-M-F-Q`, MIL-STD-2525 air / military / fixed wing / drone).
    /// A crewed aircraft is never hostile: `a-n-A` (neutral air), so a TAK
    /// user sees it in a different colour from unknowns. Birds and unknowns
    /// are `a-u-A` (unknown air).
    public static func type(for targetClass: TargetClass) -> StaticString {
        switch targetClass {
        case .uncrewed: "a-h-A-M-F-Q"
        case .crewed: "a-n-A"
        case .bird, .unknown: "a-u-A"
        }
    }

    /// CoT's "unknown" error value (used by ATAK for ce/le/hae it does not know).
    public static let unknownError = 9_999_999.0

    /// Circular error for `<point ce>`: the 1-sigma major semi-axis of the
    /// horizontal covariance ellipse, sqrt(lambda_max), in metres. The CoT
    /// schema defines ce as a 1-sigma value; using the major axis makes the
    /// circle cover the 1-sigma ellipse in every direction, which errs on the
    /// safe side for an elongated (e.g. bearings-only) track. Returns
    /// `unknownError` for a covariance that is not finite or not PSD.
    public static func circularError(ee: Double, nn: Double, en: Double) -> Double {
        let half = 0.5 * (ee + nn)
        let r = (0.25 * (ee - nn) * (ee - nn) + en * en).squareRoot()
        let lambdaMax = half + r
        guard lambdaMax.isFinite, ee >= 0, nn >= 0, lambdaMax >= 0 else { return unknownError }
        return lambdaMax.squareRoot()
    }

    /// Linear error for `<point le>`: the 1-sigma vertical error sqrt(var(U)).
    public static func linearError(uu: Double) -> Double {
        guard uu.isFinite, uu >= 0 else { return unknownError }
        return uu.squareRoot()
    }
}
