/// What a track has heard of its target from each acoustic sensor: the
/// sensor-local source id and the harmonic fundamental of the newest
/// bearing that sensor gave it, and when. A bearing is a line, and among
/// 20 drones a sensor reports a bearing every 20 degrees or so: a track's
/// corridor nearly always holds some bearing of every sensor, and global
/// nearest neighbour per report would feed a track that has slipped off
/// its target with other sources' bearings for ever (the acoustic ghost
/// tracks of issue 4). A sensor that has told us, seconds ago, which of
/// its sources this track is has already decided: a bearing of another of
/// its sources (another id, or a fundamental too far off) is not this
/// track's (`FusionEngine.gate`).
///
/// Each sensor's bearings are also scored against the track (`noteFit`):
/// a sensor whose bearings keep missing the track has named another target
/// for it, so its source is refused, it owns nothing here and it does not
/// count as support (`FusionEngine.hasLostBearingSupport`): the third
/// sensor's bearing that continues to miss is how a ghost shows itself.
///
/// Fixed size, inline: the sensors heard most recently are kept, the
/// stalest entry is replaced by a new sensor.
@frozen
public struct AcousticSourceMemory: Sendable, BitwiseCopyable {
    public static var capacity: Int { 12 }
    @usableFromInline var sensors: InlineArray<12, SensorIndex>
    @usableFromInline var sourceIDs: InlineArray<12, UInt32>
    /// Fundamental of the newest bearing, Hz (0: none reported).
    @usableFromInline var fundamentalsHz: InlineArray<12, Double>
    /// Detection time of the newest bearing (`Int64.min`: empty entry).
    @usableFromInline var lastNs: InlineArray<12, Int64>
    /// Per sensor: running mean of the NIS per degree of freedom of its
    /// bearings fused into the track (1 for a new entry or a new source).
    @usableFromInline var fitPerDof: InlineArray<12, Double>

    @inlinable public init() {
        sensors = InlineArray(repeating: 0)
        sourceIDs = InlineArray(repeating: 0)
        fundamentalsHz = InlineArray(repeating: 0)
        lastNs = InlineArray(repeating: .min)
        fitPerDof = InlineArray(repeating: 1)
    }

    @inlinable func entry(of sensor: SensorIndex) -> Int? {
        for i in 0..<12 where lastNs[i] != .min && sensors[i] == sensor { return i }
        return nil
    }

    /// True when the track's memory of `m`'s sensor, no older than
    /// `memoryNs` at `m`'s time, names another source: a different
    /// sensor-local id when both have one, else fundamentals that do not
    /// agree (`CrossFixConfiguration.fundamentalsAgree`) allowing for the
    /// Doppler change the source's motion can make between the two times at
    /// one sensor (radial speed changing by at most `accelerationMps2` per
    /// second, and by at most twice `fundamentals.dopplerSpeedMps`).
    /// When the sensor's bearings miss the track (fit above `fitLimit`), it
    /// is the same source id that conflicts. Without an entry nothing
    /// conflicts.
    @inlinable public func conflicts(
        with m: Measurement, memoryNs: Int64, fundamentals: CrossFixConfiguration, accelerationMps2: Double,
        fitLimit: Double = .infinity
    ) -> Bool {
        guard let i = entry(of: m.sensor) else { return false }
        let gapNs = abs(m.timeNs &- lastNs[i])
        guard gapNs <= memoryNs else { return false }
        let id = m.evidence.sensorSourceID
        if id != 0 && sourceIDs[i] != 0 {
            // A source whose bearings keep missing the track is not its
            // target: that source is refused, another one of the sensor's
            // may be tried.
            return fitPerDof[i] > fitLimit ? id == sourceIDs[i] : id != sourceIDs[i]
        }
        guard let f = m.evidence.fundamentalHz, f > 0, fundamentalsHz[i] > 0 else { return false }
        let radialChangeMps = min(2 * fundamentals.dopplerSpeedMps, accelerationMps2 * Double(gapNs) * 1e-9)
        return !fundamentals.fundamentalsAgree(f, fundamentalsHz[i], speedMps: radialChangeMps, fraction: 1)
    }

    /// True when `m`'s sensor named `m`'s source (its sensor-local id, not 0)
    /// for this track within `memoryNs` of `m`'s time, with bearings that
    /// fit the track within `fitLimit`: the track owns it.
    @inlinable public func holds(_ m: Measurement, memoryNs: Int64, fitLimit: Double = .infinity) -> Bool {
        let id = m.evidence.sensorSourceID
        guard id != 0, let i = entry(of: m.sensor), sourceIDs[i] == id, fitPerDof[i] <= fitLimit else { return false }
        return abs(m.timeNs &- lastNs[i]) <= memoryNs
    }

    /// Notes a bearing fused into the track (a late one only when it does
    /// not contradict a newer one of its sensor).
    @inlinable public mutating func remember(_ m: Measurement) {
        guard m.kind == .bearing else { return }
        let f = m.evidence.fundamentalHz ?? 0
        if let i = entry(of: m.sensor) {
            guard m.timeNs >= lastNs[i] else { return }
            if m.evidence.sensorSourceID != sourceIDs[i] { fitPerDof[i] = 1 }
            sourceIDs[i] = m.evidence.sensorSourceID
            fundamentalsHz[i] = f > 0 ? f : 0
            lastNs[i] = m.timeNs
            return
        }
        var stalest = 0
        for i in 1..<12 where lastNs[i] < lastNs[stalest] { stalest = i }
        sensors[stalest] = m.sensor
        fitPerDof[stalest] = 1
        sourceIDs[stalest] = m.evidence.sensorSourceID
        fundamentalsHz[stalest] = f > 0 ? f : 0
        lastNs[stalest] = m.timeNs
    }

    /// Distinct sensors whose newest bearing is at or after `sinceNs` and
    /// whose bearings fit the track within `fitLimit`.
    @inlinable public func sensorsHeard(sinceNs: Int64, fitLimit: Double = .infinity) -> Int {
        var n = 0
        for i in 0..<12 where lastNs[i] != .min && lastNs[i] >= sinceNs && fitPerDof[i] <= fitLimit { n += 1 }
        return n
    }

    /// True when some sensor gave both tracks a bearing at or after `sinceNs`.
    @inlinable public func sharesSensor(with other: AcousticSourceMemory, sinceNs: Int64) -> Bool {
        for i in 0..<12 where lastNs[i] != .min && lastNs[i] >= sinceNs {
            if let j = other.entry(of: sensors[i]), other.lastNs[j] >= sinceNs { return true }
        }
        return false
    }

    /// Notes how well a bearing of `sensor` just fused fitted the track:
    /// its NIS per degree of freedom before the update, into a running mean
    /// (weight 0.3, so about the last 3 bearings; one wild bearing is capped
    /// at 50).
    @inlinable public mutating func noteFit(of sensor: SensorIndex, normalisedSquaredPerDof v: Double) {
        guard v.isFinite, let i = entry(of: sensor) else { return }
        fitPerDof[i] = 0.7 * fitPerDof[i] + 0.3 * min(v, 50)
    }
}
