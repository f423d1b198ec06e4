import FusionMath

/// Sound's travel from a source to a microphone array. An array hears a
/// source where it was when the sound left it: a bearing received at `t`
/// points at `p(t_e)`, the source's position at the emission time
///
///     t_e = t - |p(t_e) - s| / c
///
/// (`s` the array's position, `c` the speed of sound). Against the source's
/// position at `t` that is a bias of up to `v / c` radians across the line
/// of sight (8 degrees for a 50 m/s drone crossing), whatever the range.
/// The tracker therefore fuses a bearing as a plain bearing of the
/// target's position at `t_e`, through the same fixed-lag path as a report
/// delivered late (`FusionEngine.emissionTimed`), and the cross-fix
/// initiator crosses bearings by their emission times.
public enum SoundPropagation {
    /// Speed of sound in air, m/s (about 343 at 20 degrees C; 331 at 0).
    public static var speedMps: Double { 343 }
    /// Travel time of sound per metre, ns.
    public static var delayNsPerM: Double { 1e9 / speedMps }

    /// The emission time of sound received at `receivedNs` by an array at
    /// `sensorENU`, from a source at `position` with `velocity` (tracking
    /// ENU, m and m/s) at `stateTimeNs`, moving straight on: Newton on
    /// `f(tau) = |p(t - tau) - s| - c tau`, `f'(tau) = -(u . v) - c` with
    /// `u` the unit vector from the array to the source, from `tau = |p(t) - s| / c`.
    /// Three steps: each squares the relative error, which starts near
    /// `|v| / c`.
    @inlinable public static func emissionTimeNs(
        receivedNs: Int64, sensorENU: Vector3, position: Vector3, velocity: Vector3, stateTimeNs: Int64
    ) -> Int64 {
        let c = speedMps
        let toReceived = secondsBetween(stateTimeNs, receivedNs)
        // The source at the reception time, relative to the array.
        let atReceived = position + toReceived * velocity - sensorENU
        var tau = atReceived.norm / c
        for _ in 0..<3 {
            let rel = atReceived - tau * velocity
            let r = rel.norm
            let f = r - c * tau
            let df = -(r > 0 ? rel.dot(velocity) / r : 0) - c
            tau -= f / df
        }
        // A state kilometres off (a diverging track) gives no time at all.
        guard tau.isFinite, tau >= 0, tau < 1_000 else { return receivedNs }
        return receivedNs &- Int64((tau * 1e9).rounded())
    }
}
