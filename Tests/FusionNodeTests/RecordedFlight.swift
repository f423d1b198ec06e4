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
    }

    let name: String
    /// Airborne samples in time order, one per time.
    let samples: [Sample]

    /// Reads `traffic-samples/<name>.json.gz`; nil when the data or gzip is missing.
    init?(name: String) throws {
        let path = TestPaths.dataFile("traffic-samples/\(name).json.gz")
        guard FileManager.default.fileExists(atPath: path), let gzip = TestPaths.tool("gzip") else { return nil }
        let json = try JSONSerialization.jsonObject(with: try TestPaths.run(gzip, ["-dc", path]))
        guard let rows = json as? [[String: Any]] else { return nil }
        func number(_ row: [String: Any], _ key: String) -> Double? { (row[key] as? NSNumber)?.doubleValue }
        var samples: [Sample] = []
        for row in rows {
            guard let t = number(row, "timestamp"), let lat = number(row, "latitude"), let lon = number(row, "longitude"),
                let altFt = number(row, "altitude"), (row["onground"] as? Bool) != true
            else { continue }
            samples.append(Sample(timeNs: Int64(t) * 1_000_000, latitudeDeg: lat, longitudeDeg: lon, altitudeM: altFt * 0.3048))
        }
        samples.sort { $0.timeNs < $1.timeNs }
        var unique: [Sample] = []
        for s in samples where unique.last.map({ s.timeNs > $0.timeNs }) ?? true { unique.append(s) }
        self.name = name
        self.samples = unique
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
    /// transponder, in a frame centred under the stretch at `groundM`.
    func scenario(_ stretch: ArraySlice<Sample>, kind: TargetKind, seed: UInt64) -> Scenario {
        let n = Double(stretch.count)
        let centre = Geodetic(
            latitudeDeg: stretch.map(\.latitudeDeg).reduce(0, +) / n,
            longitudeDeg: stretch.map(\.longitudeDeg).reduce(0, +) / n, heightM: groundM)
        let frame = LocalFrame(origin: centre)
        let path = RecordedPath(
            timesNs: stretch.map(\.timeNs),
            positionsENU: stretch.map {
                frame.enu(from: Geodetic(latitudeDeg: $0.latitudeDeg, longitudeDeg: $0.longitudeDeg, heightM: $0.altitudeM))
            })
        var g = SeededGenerator(seed: seed)
        let target = TruthTarget(id: 1, kind: kind, trajectory: Trajectory(recorded: path), transponder: false, generator: &g)
        return Scenario(frame: frame, startNs: path.startNs, endNs: path.endNs, seed: seed, targets: [target])
    }
}
