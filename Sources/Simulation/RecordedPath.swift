import FusionCore
import FusionMath

/// A flight path given by recorded position samples (ADS-B state vectors,
/// a GPS log) in the tracking ENU frame: metres, times ns since the Unix
/// epoch.
///
/// Between samples the path is a cubic Hermite curve whose tangents are the
/// non-uniform Catmull-Rom estimates (the chord through both neighbours over
/// their time span; one-sided at the ends), so position and velocity are
/// continuous and pass exactly through every sample. Recorded velocities
/// (ground speed, track, vertical rate) are not used: they are quantised and
/// lag the positions, and a tangent that disagrees with the chord makes the
/// curve loop. With samples seconds apart a tight turn (a glider's thermal
/// circle, ~20 s a turn) is flown as a rounder, wider curve through the
/// recorded points: the kinematics are the recording's, smoothed at its
/// sampling interval.
public struct RecordedPath: Sendable {
    public let timesNs: [Int64]
    public let positionsENU: [Vector3]
    /// Velocity at each sample, m/s.
    let tangents: [Vector3]

    /// A path through `positionsENU` at `timesNs` (at least two samples,
    /// times strictly increasing).
    public init(timesNs: [Int64], positionsENU: [Vector3]) {
        precondition(timesNs.count >= 2 && timesNs.count == positionsENU.count, "a recorded path needs two samples")
        let n = timesNs.count
        var tangents = [Vector3](repeating: .zero, count: n)
        for i in 0..<n {
            let a = max(0, i - 1), b = min(n - 1, i + 1)
            precondition(i == 0 || timesNs[i] > timesNs[i - 1], "sample times must increase")
            tangents[i] = (1 / secondsBetween(timesNs[a], timesNs[b])) * (positionsENU[b] - positionsENU[a])
        }
        self.timesNs = timesNs
        self.positionsENU = positionsENU
        self.tangents = tangents
    }

    public var startNs: Int64 { timesNs[0] }
    public var endNs: Int64 { timesNs[timesNs.count - 1] }

    /// Horizontal length of the polyline through the samples, metres.
    public var lengthM: Double {
        var s = 0.0
        for i in 1..<positionsENU.count {
            let d = positionsENU[i] - positionsENU[i - 1]
            s += Math.hypot(d.x, d.y)
        }
        return s
    }

    /// The largest turn rate between consecutive sample tangents, rad/s.
    public var peakTurnRateRadPerS: Double {
        var peak = 0.0
        for i in 1..<tangents.count {
            let a = tangents[i - 1], b = tangents[i]
            guard Math.hypot(a.x, a.y) > 1, Math.hypot(b.x, b.y) > 1 else { continue }
            let turn = abs(Math.atan2(a.x * b.y - a.y * b.x, a.x * b.x + a.y * b.y))
            peak = max(peak, turn / secondsBetween(timesNs[i - 1], timesNs[i]))
        }
        return peak
    }

    /// Position and velocity at `timeNs`; nil outside the recording.
    public func state(atNs timeNs: Int64) -> TruthState? {
        guard timeNs >= startNs, timeNs <= endNs else { return nil }
        // The last sample at or before timeNs (the one before the end at the end).
        var lo = 0, hi = timesNs.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if timesNs[mid] <= timeNs { lo = mid } else { hi = mid - 1 }
        }
        let h = secondsBetween(timesNs[lo], timesNs[lo + 1])
        let u = secondsBetween(timesNs[lo], timeNs) / h
        let p0 = positionsENU[lo], p1 = positionsENU[lo + 1]
        let m0 = h * tangents[lo], m1 = h * tangents[lo + 1]
        let u2 = u * u, u3 = u2 * u
        let position =
            (2 * u3 - 3 * u2 + 1) * p0 + (u3 - 2 * u2 + u) * m0 + (-2 * u3 + 3 * u2) * p1 + (u3 - u2) * m1
        let rate = (6 * u2 - 6 * u) * p0 + (3 * u2 - 4 * u + 1) * m0 + (-6 * u2 + 6 * u) * p1 + (3 * u2 - 2 * u) * m1
        return TruthState(positionENU: position, velocityENU: (1 / h) * rate)
    }
}
