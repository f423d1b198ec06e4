import FusionCore
import FusionMath
import Simulation

extension ReplayScore {
    /// Scores already-parsed reports (see the type's documentation).
    ///
    /// - Throws: `.noOrigin` when no frame can be placed (no site origin and
    ///   no records at all).
    public init(site: SiteConfiguration, truth: [TruthRecord], tracks: [TrackRecord], cues: [CueRecord])
        throws(ReportError)
    {
        self.init()
        let frame = try Self.frame(site: site, truth: truth, tracks: tracks)
        let truthPaths = TruthPaths(truth, frame: frame)
        truthTargets = truthPaths.ids.count
        reportedTracks = Set(tracks.map(\.track)).count

        // Tracks grouped by snapshot, positions converted once.
        var tracksAt: [Int64: [(record: TrackRecord, enu: Vector3)]] = [:]
        for r in tracks { tracksAt[Self.key(r.t), default: []].append((r, frame.enu(from: r.position))) }
        let grid = Self.snapshotGrid(tracksAt.keys.sorted())
        snapshotPeriodS = Double(grid.periodMs) / 1000

        // Only snapshots within the truth's span can be scored.
        let truthSpan = truthPaths.span
        let times = grid.times.filter { k in truthSpan.map { k >= $0.lowerBound && k <= $0.upperBound } ?? false }

        var maxTracks = 1
        var maxTruths = 1
        for k in times { maxTracks = max(maxTracks, tracksAt[k]?.count ?? 0) }
        maxTruths = max(maxTruths, truthPaths.ids.count)
        var gospa = SplitGOSPA(cutoffM: Self.gospaCutoffM, maxTruths: maxTruths, maxEstimates: maxTracks)
        var matcher = ClusteredAssignment(
            maxTracks: maxTracks, maxMeasurements: maxTruths, maxPairs: max(64, min(maxTracks * maxTruths, 4_000_000)))

        var coverageOf: [Int: TruthCoverage] = [:]
        for id in truthPaths.ids {
            let first = truthPaths.samples[id]![0].record
            coverageOf[id] = TruthCoverage(id: id, kind: first.kind, truthClass: first.truthClass)
        }
        var tracksOfTruth: [Int: Set<Int>] = [:]
        var crewedAsUncrewed: Set<Int> = []
        /// Per track: (snapshot, matched truth id) in time order, for the cues.
        var history: [Int: [CueTargets.Entry]] = [:]
        var gospaSum = 0.0
        var localisationSum = 0.0
        let limit = Self.matchDistanceM * Self.matchDistanceM

        for k in times {
            let present = truthPaths.positions(at: k, holdMs: Self.key(Self.truthHoldS))
            let reported = tracksAt[k] ?? []
            let g = gospa.evaluate(truths: present.map(\.enu), estimates: reported.map(\.enu))
            gospaSum += g.total
            localisationSum += g.localisationSquared
            assignedTotal += g.assigned
            missedTotal += g.missed
            falseTotal += g.falseCount

            matcher.reset(measurementCount: present.count)
            for (i, track) in reported.enumerated() {
                for (j, target) in present.enumerated() {
                    let d2 = (track.enu - target.enu).squaredNorm
                    if d2 <= limit { _ = matcher.addPair(track: i, measurement: j, cost: d2) }
                }
            }
            matcher.solve(missCost: 0.5 * limit)
            var truthOfTrack = [Int?](repeating: nil, count: reported.count)
            for (j, target) in present.enumerated() {
                coverageOf[target.id]!.presentSnapshots += 1
                guard let i = matcher.track(assignedTo: j) else { continue }
                truthOfTrack[i] = j
                let track = reported[i].record
                coverageOf[target.id]!.matchedSnapshots += 1
                tracksOfTruth[target.id, default: []].insert(track.track)
                classification.add(truth: target.truthClass, reported: track.reportedClass)
                if target.truthClass == .crewed && track.reportedClass == .uncrewed {
                    crewedAsUncrewed.insert(track.track)
                }
            }
            for (i, track) in reported.enumerated() {
                var entry = CueTargets.Entry(key: k, truth: truthOfTrack[i].map { present[$0].id }, horizontalOnly: false)
                if entry.truth == nil {
                    // Not matched in 3D: the target horizontally nearest
                    // within the match distance, if any (a 2D radar leaves
                    // a track's altitude to the arrays; see CueTargets).
                    var best = limit
                    for target in present {
                        let de = track.enu.x - target.enu.x, dn = track.enu.y - target.enu.y
                        if de * de + dn * dn <= best {
                            best = de * de + dn * dn
                            entry.truth = target.id
                            entry.horizontalOnly = true
                        }
                    }
                }
                history[track.record.track, default: []].append(entry)
            }
        }

        snapshots = times.count
        if let first = times.first, let last = times.last {
            firstT = Double(first) / 1000
            lastT = Double(last) / 1000
        }
        if snapshots > 0 {
            gospaMeanM = gospaSum / Double(snapshots)
            missedPerSnapshot = Double(missedTotal) / Double(snapshots)
            falsePerSnapshot = Double(falseTotal) / Double(snapshots)
        }
        localisationRMSM = assignedTotal > 0 ? (localisationSum / Double(assignedTotal)).squareRoot() : 0
        crewedTracksEverUncrewed = crewedAsUncrewed.sorted()
        coverage = truthPaths.ids.map { id in
            var c = coverageOf[id]!
            c.tracks = (tracksOfTruth[id] ?? []).sorted()
            return c
        }

        let cueTargets = CueTargets(
            history: history, truthPaths: truthPaths, toleranceMs: Self.key(Self.cueMatchToleranceS),
            afterEndToleranceMs: Self.key(Self.cueAfterTruthEndS))
        let lastReport = tracksAt.reduce(into: [Int: Int64]()) { last, entry in
            for t in entry.value { last[t.record.track] = max(last[t.record.track] ?? .min, entry.key) }
        }
        self.cues = Self.cueSafety(cues, targets: cueTargets, lastReport: lastReport, periodMs: grid.periodMs)
        zoneEntries = Self.zoneEntries(
            site: site, frame: frame, truthPaths: truthPaths, cues: cues, targets: cueTargets)
    }

    /// The tracks file's snapshot times with the empty grid slots put back.
    ///
    /// The period is the smallest gap between consecutive snapshot times
    /// (1 s when there are fewer than two); within a gap longer than 1.5
    /// periods the missing slots are inserted, one period apart.
    static func snapshotGrid(_ sorted: [Int64]) -> (times: [Int64], periodMs: Int64) {
        var period: Int64 = 1000
        if sorted.count >= 2 {
            period = .max
            for i in 1..<sorted.count { period = min(period, sorted[i] - sorted[i - 1]) }
        }
        var times: [Int64] = []
        for (i, k) in sorted.enumerated() {
            if i > 0 {
                var slot = sorted[i - 1] + period
                while slot < k - period / 2 {
                    times.append(slot)
                    slot += period
                }
            }
            times.append(k)
        }
        return (times, period)
    }

    /// Counts cue targets and cancels (see `CueSafety`).
    static func cueSafety(_ cues: [CueRecord], targets: CueTargets, lastReport: [Int: Int64], periodMs: Int64)
        -> CueSafety
    {
        var safety = CueSafety()
        var open: Set<Int> = []
        for cue in cues {
            switch cue.kind {
            case .new, .update:
                let matched = targets.target(of: cue)
                let target = matched.flatMap { targets.truthPaths.truthClass(of: $0.id) } ?? .unknown
                let horizontalOnly = matched?.horizontalOnly == true ? 1 : 0
                let afterEnd = matched?.afterEnd == true ? 1 : 0
                if cue.kind == .new {
                    safety.newCues[target.index] += 1
                    safety.horizontalOnlyNew += horizontalOnly
                    safety.afterTruthEndNew += afterEnd
                    open.insert(cue.track)
                } else {
                    safety.updateCues[target.index] += 1
                    safety.horizontalOnlyUpdates += horizontalOnly
                    safety.afterTruthEndUpdates += afterEnd
                }
            case .cancel:
                safety.cancels += 1
                open.remove(cue.track)
                // Lost: no report of the track after the cancel (one period of slack).
                if (lastReport[cue.track] ?? .min) <= key(cue.t) + periodMs { safety.cancelsForLostTracks += 1 }
            }
        }
        let end = lastReport.values.max() ?? .min
        for track in open where (lastReport[track] ?? .min) < end - periodMs / 2 { safety.lostWithoutCancel += 1 }
        return safety
    }
}
