import FusionCore
import FusionMath

/// Scores a tracking run snapshot by snapshot against its truth: GOSPA,
/// the truth-to-track matching, identity swaps and false tracks.
///
/// Matching per snapshot is a global nearest neighbour between truths and
/// reported tracks within `matchDistanceM` (3D), solved by the same clustered
/// optimal assignment the tracker uses. A swap is counted when a truth's
/// matched track changes to a track that was earlier matched to another
/// truth. A false track is a reported track matched to no truth in more than
/// half of the snapshots it was reported in.
public struct RunScorer {
    public let matchDistanceM: Double
    /// Snapshots before this time are not scored (initiation transient).
    public var scoreFromNs: Int64
    var gospa: GOSPA
    var matcher: ClusteredAssignment
    public private(set) var snapshots = 0
    public private(set) var gospaSum = 0.0
    public private(set) var localisationSquaredSum = 0.0
    public private(set) var missedSum = 0
    public private(set) var falseSum = 0
    public private(set) var assignedSum = 0
    public private(set) var identitySwaps = 0
    /// Truth id -> track id last matched.
    public private(set) var trackOfTruth: [Int: UInt32] = [:]
    /// Track id -> truth id first matched.
    public private(set) var truthOfTrack: [UInt32: Int] = [:]
    /// Track id -> (snapshots matched, snapshots reported).
    public private(set) var trackMatches: [UInt32: (matched: Int, reported: Int)] = [:]
    /// Truth id -> snapshots matched, and snapshots present.
    public private(set) var truthMatches: [Int: (matched: Int, present: Int)] = [:]

    public init(matchDistanceM: Double = 500, gospaCutoffM: Double = 500, scoreFromNs: Int64, maxObjects: Int = 1024) {
        self.matchDistanceM = matchDistanceM
        self.scoreFromNs = scoreFromNs
        gospa = GOSPA(cutoffM: gospaCutoffM, maxTruths: maxObjects, maxEstimates: maxObjects)
        matcher = ClusteredAssignment(maxTracks: maxObjects, maxMeasurements: maxObjects, maxPairs: 64 * maxObjects)
    }

    /// Truth ids matched to each track in `s.tracks` (nil: unmatched).
    public mutating func match(_ s: RunSnapshot) -> [Int?] {
        let limit = matchDistanceM * matchDistanceM
        matcher.reset(measurementCount: s.truths.count)
        for (k, track) in s.tracks.enumerated() {
            for (j, truth) in s.truths.enumerated() {
                let d2 = (track.estimate.position - truth.state.positionENU).squaredNorm
                if d2 <= limit { _ = matcher.addPair(track: k, measurement: j, cost: d2) }
            }
        }
        matcher.solve(missCost: 0.5 * limit)
        var result = [Int?](repeating: nil, count: s.tracks.count)
        for j in 0..<s.truths.count {
            if let k = matcher.track(assignedTo: j) { result[k] = s.truths[j].id }
        }
        return result
    }

    public mutating func add(_ s: RunSnapshot) {
        guard s.timeNs >= scoreFromNs else { return }
        snapshots += 1
        let g = gospa.evaluate(truths: s.truths.map(\.state.positionENU), estimates: s.tracks.map(\.estimate.position))
        gospaSum += g.total
        localisationSquaredSum += g.localisationSquared
        missedSum += g.missedCount
        falseSum += g.falseCount
        assignedSum += g.assignedCount
        let matches = match(s)
        for truth in s.truths { truthMatches[truth.id, default: (0, 0)].present += 1 }
        for (k, track) in s.tracks.enumerated() {
            trackMatches[track.id, default: (0, 0)].reported += 1
            guard let truthID = matches[k] else { continue }
            trackMatches[track.id, default: (0, 0)].matched += 1
            truthMatches[truthID, default: (0, 0)].matched += 1
            if let previous = trackOfTruth[truthID], previous != track.id,
                let owner = truthOfTrack[track.id], owner != truthID
            {
                identitySwaps += 1
            }
            trackOfTruth[truthID] = track.id
            if truthOfTrack[track.id] == nil { truthOfTrack[track.id] = truthID }
        }
    }

    public var meanGOSPA: Double { snapshots > 0 ? gospaSum / Double(snapshots) : 0 }

    /// RMS distance of matched (within the GOSPA cut-off) track-truth pairs.
    public var rmsLocalisationM: Double {
        assignedSum > 0 ? (localisationSquaredSum / Double(assignedSum)).squareRoot() : 0
    }

    public var falseTrackCount: Int {
        trackMatches.values.filter { 2 * $0.matched < $0.reported }.count
    }

    /// Share of truth presence (snapshots) covered by a matched track.
    public var coverage: Double {
        let present = truthMatches.values.reduce(0) { $0 + $1.present }
        let matched = truthMatches.values.reduce(0) { $0 + $1.matched }
        return present > 0 ? Double(matched) / Double(present) : 0
    }
}
