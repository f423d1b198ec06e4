import FusionCore

/// A predicted intercept: where and when the assigned interceptor meets the
/// target (WGS84 degrees, metres HAE, ns since the Unix epoch UTC).
public struct CueIntercept: Sendable, BitwiseCopyable, Equatable {
    public var latitudeDeg: Double
    public var longitudeDeg: Double
    public var altitudeM: Double
    public var timeNs: Int64

    public init(latitudeDeg: Double, longitudeDeg: Double, altitudeM: Double, timeNs: Int64) {
        self.latitudeDeg = latitudeDeg
        self.longitudeDeg = longitudeDeg
        self.altitudeM = altitudeM
        self.timeNs = timeNs
    }
}

/// One cue event to an interceptor (ICD 2.3), as the Cueing module fills it
/// and as `CueCodec` carries it in the binary cue (Hardware/ICD.md 2.3).
///
/// Units are the node's: degrees, metres, m/s, ns. The binary cue
/// quantises positions to 1e-7 deg, heights and sigmas to 1 mm, speeds to
/// 1 mm/s and the probability to 1e-4, so `decode(encode(x)) == x` holds
/// exactly for values already on that grid and to within half a step
/// otherwise.
public struct CueMessage: Sendable, BitwiseCopyable, Equatable {
    /// The sending node (site configuration `node.id`).
    public var nodeId: UInt32
    /// Cue sequence number of this node, +1 per cue event sent, wraps; the
    /// receiver's anti-replay window runs on it.
    public var sequence: UInt32
    public var kind: CueKind
    /// Time the cue was issued, ns since the Unix epoch, UTC.
    public var timeNs: Int64
    /// The node's track number of the target.
    public var trackId: UInt32
    /// The protected zone, by index into the site configuration's `zones`.
    public var zoneIndex: UInt16
    /// The zone's name, at most 8 ASCII bytes.
    public var zoneName: ShortName
    /// The tasked interceptor, by index into the configuration's `interceptors`.
    public var interceptorIndex: UInt16
    /// The interceptor's name, at most 8 ASCII bytes.
    public var interceptorName: ShortName
    /// The target's classification.
    public var targetClass: TargetClass
    /// Posterior probability that the target is uncrewed, 0...1.
    public var pUncrewed: Double
    /// Target position: WGS84 latitude and longitude (deg), height (m HAE).
    public var latitudeDeg: Double
    public var longitudeDeg: Double
    public var altitudeM: Double
    /// Target velocity in the local ENU frame at the target, m/s.
    public var velocityEastMps: Double
    public var velocityNorthMps: Double
    public var velocityUpMps: Double
    /// 1-sigma horizontal position uncertainty (major semi-axis), m.
    public var sigmaHorizontalM: Double
    /// 1-sigma vertical position uncertainty, m.
    public var sigmaVerticalM: Double
    /// 1-sigma speed uncertainty (largest axis of the velocity covariance), m/s.
    public var sigmaVelocityMps: Double
    /// Predicted intercept, if the interceptor can reach the target.
    public var intercept: CueIntercept?
    /// Predicted time the target enters the zone, if it is predicted to.
    public var zoneEntryTimeNs: Int64?

    public init(
        nodeId: UInt32, sequence: UInt32, kind: CueKind, timeNs: Int64, trackId: UInt32,
        zoneIndex: UInt16, zoneName: ShortName, interceptorIndex: UInt16, interceptorName: ShortName,
        targetClass: TargetClass, pUncrewed: Double,
        latitudeDeg: Double, longitudeDeg: Double, altitudeM: Double,
        velocityEastMps: Double, velocityNorthMps: Double, velocityUpMps: Double,
        sigmaHorizontalM: Double, sigmaVerticalM: Double, sigmaVelocityMps: Double,
        intercept: CueIntercept?, zoneEntryTimeNs: Int64?
    ) {
        self.nodeId = nodeId
        self.sequence = sequence
        self.kind = kind
        self.timeNs = timeNs
        self.trackId = trackId
        self.zoneIndex = zoneIndex
        self.zoneName = zoneName
        self.interceptorIndex = interceptorIndex
        self.interceptorName = interceptorName
        self.targetClass = targetClass
        self.pUncrewed = pUncrewed
        self.latitudeDeg = latitudeDeg
        self.longitudeDeg = longitudeDeg
        self.altitudeM = altitudeM
        self.velocityEastMps = velocityEastMps
        self.velocityNorthMps = velocityNorthMps
        self.velocityUpMps = velocityUpMps
        self.sigmaHorizontalM = sigmaHorizontalM
        self.sigmaVerticalM = sigmaVerticalM
        self.sigmaVelocityMps = sigmaVelocityMps
        self.intercept = intercept
        self.zoneEntryTimeNs = zoneEntryTimeNs
    }
}
