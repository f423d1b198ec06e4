import Foundation
import FusionMath
import Simulation

/// A real flight recorded as ADS-B state vectors (xoolive/traffic samples
/// from the OpenSky Network, ../shared/data/traffic-samples: gzip JSON, one
/// object per state vector), cut into stretches a test can fly through the
/// simulated sensors.
struct RecordedFlight {
    struct Sample {
        var timeNs: Int64
        var latitudeDeg: Double
        var longitudeDeg: Double
        /// Barometric altitude, metres (the recording's feet).
        var altitudeM: Double
        /// Reported ground speed, m/s (the recording's knots).
        var groundSpeedMps: Double?

        var geodetic: Geodetic { Geodetic(latitudeDeg: latitudeDeg, longitudeDeg: longitudeDeg, heightM: altitudeM) }
    }

    let name: String
    /// Airborne samples in time order, one per time.
    let samples: [Sample]

    /// Reads `traffic-samples/<name>.json.gz`; nil when the data or gzip is missing.
    init?(name: String) throws {
        let path = TestPaths.dataFile("traffic-samples/\(name).json.gz")
        guard FileManager.default.fileExists(atPath: path), let gzip = TestPaths.tool("gzip") else { return nil }
        let json = try JSONSerialization.jsonObject(with: try TestPaths.run(gzip, ["-dc", path]))
        guard let rows = json as? [[String: Any]] ?? Self.rows(columns: json) else { return nil }
        func number(_ row: [String: Any], _ key: String) -> Double? { (row[key] as? NSNumber)?.doubleValue }
        var samples: [Sample] = []
        let positionTimes = rows.contains { $0["last_position"] != nil }
        for row in rows {
            // OpenSky repeats the last position in every state vector until
            // a new one comes; `last_position` is when that position was
            // received, so it is the position's time where given.
            guard let t = number(row, "last_position") ?? number(row, "timestamp"), let lat = number(row, "latitude"),
                let lon = number(row, "longitude"), let altFt = number(row, "altitude"), (row["onground"] as? Bool) != true
            else { continue }
            samples.append(
                Sample(
                    timeNs: Int64(t) * 1_000_000, latitudeDeg: lat, longitudeDeg: lon, altitudeM: altFt * 0.3048,
                    groundSpeedMps: number(row, "groundspeed").map { $0 * 0.514444 }))
        }
        samples.sort { $0.timeNs < $1.timeNs }
        // One sample per time and per position: a repeated position is a
        // stale one, and flying through it again would stop the aircraft.
        var unique: [Sample] = []
        for s in samples {
            if let last = unique.last,
                s.timeNs <= last.timeNs || (s.latitudeDeg == last.latitudeDeg && s.longitudeDeg == last.longitudeDeg)
            {
                continue
            }
            unique.append(s)
        }
        self.name = name
        self.samples = Self.smoothedAltitudes(positionTimes ? unique : Self.retimed(unique))
    }

    /// The rows of a column-oriented file (pandas `to_json`: column name to
    /// row index to value), in no particular order; nil for another shape.
    static func rows(columns json: Any) -> [[String: Any]]? {
        guard let columns = json as? [String: [String: Any]] else { return nil }
        var byIndex: [String: [String: Any]] = [:]
        for (column, values) in columns {
            for (index, value) in values { byIndex[index, default: [:]][column] = value }
        }
        return Array(byIndex.values)
    }

    /// Barometric altitude comes in 25 ft steps: at one sample a second a
    /// step is a 7.6 m/s climb for a second, which no aircraft flies. Each
    /// altitude is replaced by the mean over the samples within 5 s of it.
    static func smoothedAltitudes(_ samples: [Sample]) -> [Sample] {
        var out = samples
        var lo = 0, hi = 0
        for i in samples.indices {
            while samples[lo].timeNs < samples[i].timeNs - 5_000_000_000 { lo += 1 }
            while hi + 1 < samples.count, samples[hi + 1].timeNs <= samples[i].timeNs + 5_000_000_000 { hi += 1 }
            out[i].altitudeM = samples[lo...hi].map(\.altitudeM).reduce(0, +) / Double(hi - lo + 1)
        }
        return out
    }

    /// Without `last_position` a sample's time is when the state vector was
    /// written, not when its position was received: between samples ~8 s
    /// apart the speed implied by the positions swings 0.6-1.5 times the
    /// reported ground speed, and a path flown through them would surge and
    /// brake. So the time between close samples (at most 30 s) is the chord
    /// over the mean of their reported ground speeds (within half and twice
    /// the recorded spacing); longer gaps keep theirs.
    static func retimed(_ samples: [Sample]) -> [Sample] {
        var out = samples
        for i in samples.indices.dropFirst() {
            let a = samples[i - 1], b = samples[i]
            var dtNs = b.timeNs - a.timeNs
            if dtNs <= 30_000_000_000, let va = a.groundSpeedMps, let vb = b.groundSpeedMps, va + vb > 10 {
                let d = LocalFrame(origin: a.geodetic).enu(from: b.geodetic)
                let flownNs = Int64(Math.hypot(d.x, d.y) / (0.5 * (va + vb)) * 1e9)
                dtNs = min(max(flownNs, dtNs / 2), dtNs * 2)
            }
            out[i].timeNs = out[i - 1].timeNs + max(dtNs, 1)
        }
        return out
    }

    /// The lowest altitude recorded: taken as the ground under the whole
    /// flight. Flights that start or end at an airfield come down to it;
    /// where the ground rises the heights come out lower than they were,
    /// which makes an aircraft look more like a low drone, not less.
    var groundM: Double { samples.map(\.altitudeM).min() ?? 0 }

    /// Up to `count` stretches of `lengthS`, spread over the recording, in
    /// which samples are at most `maxGapS` apart and the aircraft at least
    /// `minHeightM` above `groundM`.
    func stretches(lengthS: Double, count: Int, maxGapS: Double = 15, minHeightM: Double = 30) -> [ArraySlice<Sample>] {
        let lengthNs = Int64(lengthS * 1e9), maxGapNs = Int64(maxGapS * 1e9), ground = groundM
        var candidates: [ArraySlice<Sample>] = []
        var first = 0
        for i in samples.indices {
            guard samples[i].altitudeM >= ground + minHeightM else {
                first = i + 1
                continue
            }
            if i > first, samples[i].timeNs - samples[i - 1].timeNs > maxGapNs { first = i }
            if samples[i].timeNs - samples[first].timeNs >= lengthNs {
                candidates.append(samples[first...i])
                first = i + 1
            }
        }
        guard candidates.count > count else { return candidates }
        return (0..<count).map { candidates[$0 * candidates.count / count] }
    }

    /// A scenario of one target of `kind` flying `stretch`, without a
    /// transponder, in a frame whose origin is at `groundM`, `southM` south
    /// of the middle of the stretch (0: under it, where the arrays hear it
    /// best; a few km: where a 3D radar sees a high aircraft above its
    /// cone of silence).
    func scenario(_ stretch: ArraySlice<Sample>, kind: TargetKind, southM: Double = 0, seed: UInt64) -> Scenario {
        let n = Double(stretch.count)
        let middle = Geodetic(
            latitudeDeg: stretch.map(\.latitudeDeg).reduce(0, +) / n,
            longitudeDeg: stretch.map(\.longitudeDeg).reduce(0, +) / n, heightM: groundM)
        let frame = LocalFrame(origin: LocalFrame(origin: middle).geodetic(fromENU: Vector3(0, -southM, 0)))
        // Flown from the simulation's usual start (the sensor models' report
        // clocks run from it), not on the recording's date.
        let shiftNs = Scenario.defaultStartNs - stretch[stretch.startIndex].timeNs
        let path = RecordedPath(
            timesNs: stretch.map { $0.timeNs + shiftNs },
            positionsENU: stretch.map { frame.enu(from: $0.geodetic) })
        var g = SeededGenerator(seed: seed)
        let target = TruthTarget(id: 1, kind: kind, trajectory: Trajectory(recorded: path), transponder: false, generator: &g)
        return Scenario(frame: frame, startNs: path.startNs, endNs: path.endNs, seed: seed, targets: [target])
    }
}
