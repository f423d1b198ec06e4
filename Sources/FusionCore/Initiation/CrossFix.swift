import FusionMath

/// A cross-fix that passed ghost rejection: where a new track starts, and
/// the bearings that made it (taken out of the initiator's store).
@frozen
public struct CrossFix: Sendable, BitwiseCopyable {
    /// Position, covariance and time of the fix (tracking-frame ENU).
    public var fix: TriangulatedFix
    /// The bearings crossed, from distinct sensors; `bearings.count` of them.
    public var bearings: BearingTriangulation
    /// Distinct sensors that supported this source over its consistent fixes.
    public var sensorCount: Int
    /// Consistent fixes of this source so far (1: a single multi-sensor fix).
    public var consistentFixes: Int

    /// The newest bearing: the track's first measurement.
    public var newest: Measurement {
        var k = 0
        for i in 1..<bearings.count where bearings.bearings[i].timeNs > bearings.bearings[k].timeNs { k = i }
        return bearings.bearings[k]
    }
}

/// What the cross-fix initiator did, for metrics. Monotonic.
@frozen
public struct CrossFixCounters: Sendable, BitwiseCopyable, Equatable {
    /// Unexplained bearings offered.
    public var offered: UInt64 = 0
    /// Bearings dropped as unusable (not finite, no positive sigma).
    public var invalid: UInt64 = 0
    /// Stored bearings overwritten while still inside the window (store full).
    public var overwritten: UInt64 = 0
    /// Candidate pairs solved, and bearings whose pair budget ran out.
    public var pairsSolved: UInt64 = 0
    public var pairBudgetSpent: UInt64 = 0
    /// Fixes that passed the pair test, and those with a third sensor.
    public var fixes: UInt64 = 0
    public var supportedFixes: UInt64 = 0
    /// Fixes rejected because a closer sensor heard nothing through them.
    public var silenced: UInt64 = 0
    /// Fixes that started a track, and those dropped because a track
    /// already explained them.
    public var started: UInt64 = 0
    public var duplicates: UInt64 = 0

    public init() {}
}

/// A fix waiting for a later fix of the same source (consistency over time).
@frozen
public struct PendingFix: Sendable, BitwiseCopyable {
    public var isLive: Bool
    public var fix: TriangulatedFix
    public var firstNs: Int64
    public var fixes: Int
    public var sensorCount: Int
    /// Sensor and sensor-local source ids seen in its fixes, `sensor << 32 | id`
    /// (0: empty; ids of 0 are not kept).
    public var sources: InlineArray<8, UInt64>

    public init() {
        isLive = false
        fix = TriangulatedFix(position: .zero, covariance: .zero, chiSquare: 0, degreesOfFreedom: 0, timeNs: 0)
        firstNs = 0
        fixes = 0
        sensorCount = 0
        sources = InlineArray(repeating: 0)
    }

    /// The key of a bearing's source, or 0 when the sensor gave no id.
    static func key(_ m: Measurement) -> UInt64 {
        m.evidence.sensorSourceID == 0 ? 0 : UInt64(m.sensor) << 32 | UInt64(m.evidence.sensorSourceID)
    }

    /// +1 when the bearings share a (sensor, source id) with this entry, -1
    /// when one of their sensors gave this entry a different id (another
    /// source), 0 when the ids say nothing.
    func idAgreement(with set: BearingTriangulation) -> Int {
        var shared = false
        for i in 0..<set.count {
            let k = Self.key(set.bearings[i])
            guard k != 0 else { continue }
            for j in 0..<8 where sources[j] != 0 && sources[j] >> 32 == k >> 32 {
                if sources[j] == k { shared = true } else { return -1 }
            }
        }
        return shared ? 1 : 0
    }

    /// Remembers the bearings' source ids (first come, up to 8).
    mutating func remember(_ set: BearingTriangulation) {
        for i in 0..<set.count {
            let k = Self.key(set.bearings[i])
            guard k != 0 else { continue }
            var known = false
            for j in 0..<8 where sources[j] == k { known = true }
            if known { continue }
            for j in 0..<8 where sources[j] == 0 {
                sources[j] = k
                break
            }
        }
    }
}
