import FusionCore
import FusionMath

/// What a cue event does to the cue of one (track, interceptor) pair.
public enum CueKind: UInt8, Sendable, BitwiseCopyable {
    case new = 0
    case update = 1
    case cancel = 2
}

/// Why a cue was cancelled.
public enum CueCancelReason: UInt8, Sendable, BitwiseCopyable {
    /// Not a cancel.
    case none = 0
    /// The track is gone from the picture.
    case trackLost = 1
    /// The track is no longer classified uncrewed.
    case reclassified = 2
    /// The track is no longer confirmed or coasting (or its state is unusable).
    case notConfirmed = 3
    /// The track is no longer predicted to enter a zone within the horizon.
    case noLongerThreat = 4
    /// The interceptor can no longer reach it (and no other one can).
    case noIntercept = 5
    /// Another interceptor takes it over (a `.new` cue for that one follows).
    case reassigned = 6
    /// A configuration reload removed the interceptor or its zone.
    case reconfigured = 7
    /// The track coasted too long or grew too uncertain to aim at
    /// (`ThreatTrack.hasCueQuality`).
    case trackQuality = 8
    /// A more urgent threat took its interceptor (`CueingEngine+Preemption`).
    case preempted = 9
}

/// Why a `CueEvent` could not be built.
public enum CueEventError: Error, Sendable, Equatable {
    /// A `.new` or `.update` cue for a track not classified uncrewed.
    case notUncrewed
}

/// One cue event to an interceptor (ICD 2.3).
///
/// Positions and velocities are in the node's local ENU frame (metres, m/s)
/// and, for positions, also WGS84 (height HAE); the target velocity is also
/// given in ECEF axes (m/s), which any receiver can rotate into its own
/// frame. Times are nanoseconds since the Unix epoch (UTC).
///
/// Safety: the only initialiser refuses a `.new` or `.update` event for a
/// target class other than `.uncrewed`, so no code path, here or in a
/// decoder, can hold an engagement cue for a crewed, bird or unknown track.
@frozen
public struct CueEvent: Sendable, BitwiseCopyable {
    public let nodeId: UInt32
    /// Node-wide, strictly increasing over all events.
    public let sequence: UInt64
    public let kind: CueKind
    public let cancelReason: CueCancelReason
    public let timeNs: Int64
    public let trackId: UInt32
    /// Index of the zone in the configuration, and its name.
    public let zoneIndex: Int
    public let zoneName: CueName
    /// Index of the interceptor in the configuration, and its name.
    public let interceptorIndex: Int
    public let interceptorName: CueName
    public let targetClass: TargetClass
    public let pUncrewed: Double
    public let targetPositionENU: Vector3
    public let targetVelocityENU: Vector3
    public let targetPosition: Geodetic
    public let targetVelocityECEF: Vector3
    /// 1-sigma horizontal and vertical position uncertainty, metres, and the
    /// 1-sigma speed uncertainty (root mean of the velocity variances), m/s.
    public let horizontalSigmaM: Double
    public let verticalSigmaM: Double
    public let velocitySigmaMps: Double
    /// Predicted intercept: for a gun team where and when the target enters
    /// its range; for a drone or missile where and when it meets the target
    /// if launched at `timeNs` (so it drifts later while the interceptor
    /// waits, which the update thresholds see as movement).
    public let interceptPointENU: Vector3
    public let interceptPoint: Geodetic
    public let interceptTimeNs: Int64
    /// Predicted (earliest, see `ThreatAssessment`) zone entry; the step time
    /// when the target is already inside.
    public let zoneEntryNs: Int64

    public init(
        nodeId: UInt32, sequence: UInt64, kind: CueKind, cancelReason: CueCancelReason, timeNs: Int64,
        trackId: UInt32, zoneIndex: Int, zoneName: CueName, interceptorIndex: Int, interceptorName: CueName,
        targetClass: TargetClass, pUncrewed: Double, targetPositionENU: Vector3, targetVelocityENU: Vector3,
        targetPosition: Geodetic, targetVelocityECEF: Vector3, horizontalSigmaM: Double, verticalSigmaM: Double,
        velocitySigmaMps: Double, interceptPointENU: Vector3, interceptPoint: Geodetic, interceptTimeNs: Int64,
        zoneEntryNs: Int64
    ) throws(CueEventError) {
        guard kind == .cancel || targetClass == .uncrewed else { throw .notUncrewed }
        self.nodeId = nodeId
        self.sequence = sequence
        self.kind = kind
        self.cancelReason = kind == .cancel ? cancelReason : .none
        self.timeNs = timeNs
        self.trackId = trackId
        self.zoneIndex = zoneIndex
        self.zoneName = zoneName
        self.interceptorIndex = interceptorIndex
        self.interceptorName = interceptorName
        self.targetClass = targetClass
        self.pUncrewed = pUncrewed
        self.targetPositionENU = targetPositionENU
        self.targetVelocityENU = targetVelocityENU
        self.targetPosition = targetPosition
        self.targetVelocityECEF = targetVelocityECEF
        self.horizontalSigmaM = horizontalSigmaM
        self.verticalSigmaM = verticalSigmaM
        self.velocitySigmaMps = velocitySigmaMps
        self.interceptPointENU = interceptPointENU
        self.interceptPoint = interceptPoint
        self.interceptTimeNs = interceptTimeNs
        self.zoneEntryNs = zoneEntryNs
    }

    /// This event turned into a cancel at `timeNs`, with the current class
    /// and probability of the track (which may no longer be uncrewed) and the
    /// current configuration indices (-1 when removed by a reload).
    func cancelled(
        sequence: UInt64, timeNs: Int64, reason: CueCancelReason, targetClass: TargetClass, pUncrewed: Double,
        zoneIndex: Int, interceptorIndex: Int
    ) -> CueEvent {
        // A cancel is valid for every class: this cannot throw.
        try! CueEvent(
            nodeId: nodeId, sequence: sequence, kind: .cancel, cancelReason: reason, timeNs: timeNs, trackId: trackId,
            zoneIndex: zoneIndex, zoneName: zoneName, interceptorIndex: interceptorIndex,
            interceptorName: interceptorName, targetClass: targetClass, pUncrewed: pUncrewed,
            targetPositionENU: targetPositionENU, targetVelocityENU: targetVelocityENU, targetPosition: targetPosition,
            targetVelocityECEF: targetVelocityECEF, horizontalSigmaM: horizontalSigmaM, verticalSigmaM: verticalSigmaM,
            velocitySigmaMps: velocitySigmaMps, interceptPointENU: interceptPointENU, interceptPoint: interceptPoint,
            interceptTimeNs: interceptTimeNs, zoneEntryNs: zoneEntryNs)
    }
}
