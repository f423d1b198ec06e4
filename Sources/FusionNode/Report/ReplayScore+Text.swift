extension ReplayScore {
    /// The score as a fixed-width text table for the terminal (about 80
    /// columns). Times are seconds from the first scored snapshot. Safety
    /// lines end in OK or FAIL so that a crew sees them at a glance.
    public func render() -> String {
        typealias T = ReportText
        var out: [String] = []
        let span = T.fixed(lastT - firstT, 0)
        out.append(
            "SkyCue replay score: \(snapshots) snapshots over \(span) s (period \(T.fixed(snapshotPeriodS, 2)) s), "
                + "\(truthTargets) truth targets, \(reportedTracks) tracks")
        out.append("")
        out.append("GOSPA (c = \(T.fixed(Self.gospaCutoffM, 0)) m, p = 2, alpha = 2, 3D ENU)")
        out.append("  mean                    \(T.right(T.fixed(gospaMeanM, 1), 10)) m")
        out.append(
            "  localisation RMS        \(T.right(T.fixed(localisationRMSM, 1), 10)) m   (\(assignedTotal) pairs)")
        out.append(
            "  missed per snapshot     \(T.right(T.fixed(missedPerSnapshot, 3), 10))     (\(missedTotal) in all)")
        out.append("  false per snapshot      \(T.right(T.fixed(falsePerSnapshot, 3), 10))     (\(falseTotal) in all)")
        out.append("")
        let unit = snapshotPeriodS == 1 ? "track-seconds" : "track-snapshots of \(T.fixed(snapshotPeriodS, 2)) s"
        out.append("Classification (matched \(unit); rows truth, columns reported)")
        out.append("  " + T.left("truth", 10) + ReportClass.allCases.map { T.right($0.rawValue, 10) }.joined())
        for c in ReportClass.truthClasses {
            out.append(
                "  " + T.left(c.rawValue, 10)
                    + ReportClass.allCases.map { T.right("\(classification[c, $0])", 10) }.joined())
        }
        out.append("  correct \(T.fixed(100 * classification.accuracy, 1)) %")
        let safety = crewedTracksEverUncrewed.isEmpty ? "OK" : "FAIL"
        let listed =
            crewedTracksEverUncrewed.isEmpty
            ? "" : " (tracks \(crewedTracksEverUncrewed.map(String.init).joined(separator: ", ")))"
        out.append("  crewed tracks ever classified uncrewed: \(crewedTracksEverUncrewed.count)\(listed)  \(safety)")
        out.append("")
        out.append("Coverage per truth")
        out.append(
            "  " + T.right("id", 6) + "  " + T.left("kind", 14) + T.left("class", 10) + T.right("present", 8)
                + T.right("matched", 8) + T.right("cover", 8) + T.right("tracks", 8))
        for c in coverage {
            out.append(
                "  " + T.right("\(c.id)", 6) + "  " + T.left(c.kind, 14) + T.left(c.truthClass.rawValue, 10)
                    + T.right("\(c.presentSnapshots)", 8) + T.right("\(c.matchedSnapshots)", 8)
                    + T.right(T.fixed(100 * c.fraction, 1) + "%", 8) + T.right("\(c.tracks.count)", 8))
        }
        out.append("")
        out.append("Zone entries by uncrewed targets (times from the first snapshot, s)")
        if zoneEntries.isEmpty {
            out.append("  none")
        } else {
            out.append(
                "  " + T.right("id", 6) + "  " + T.left("kind", 14) + T.left("zone", 10) + T.right("entry", 9)
                    + T.right("cue", 9) + T.right("lead", 9) + "  cue/track")
        }
        for e in zoneEntries {
            let cue = e.firstCueT.map { T.fixed($0 - firstT, 1) } ?? "-"
            let lead = e.leadS.map { T.fixed($0, 1) } ?? "NO CUE"
            let which = e.cueID.map { "\($0)/\(e.cueTrack ?? 0)" } ?? ""
            out.append(
                "  " + T.right("\(e.truthID)", 6) + "  " + T.left(e.kind, 14) + T.left(e.zone, 10)
                    + T.right(T.fixed(e.entryT - firstT, 1) + (e.startedInside ? "*" : ""), 9) + T.right(cue, 9)
                    + T.right(lead, 9) + "  " + which)
        }
        if zoneEntries.contains(where: \.startedInside) { out.append("  * already inside at its first truth sample") }
        out.append("")
        out.append("Cues")
        let to = { (counts: [Int]) in
            "uncrewed \(counts[0]), crewed \(counts[1]), bird \(counts[2]), unmatched \(counts[3])"
        }
        out.append("  new     \(T.right("\(cues.newTotal)", 6))   to \(to(cues.newCues))")
        out.append("  update  \(T.right("\(cues.updateTotal)", 6))   to \(to(cues.updateCues))")
        out.append("  cancel  \(T.right("\(cues.cancels)", 6))   for lost tracks \(cues.cancelsForLostTracks)")
        out.append(
            "  new cues not aimed at an uncrewed target: \(cues.unsafeNewCues)  \(cues.unsafeNewCues == 0 ? "OK" : "FAIL")"
        )
        out.append(
            "  updates not aimed at an uncrewed target:  \(cues.unsafeUpdateCues)  \(cues.unsafeUpdateCues == 0 ? "OK" : "FAIL")"
        )
        out.append(
            "  cued tracks lost without a cancel:        \(cues.lostWithoutCancel)  \(cues.lostWithoutCancel == 0 ? "OK" : "FAIL")"
        )
        if cues.horizontalOnlyNew + cues.horizontalOnlyUpdates > 0 {
            out.append(
                "  of those, matched to their target horizontally only (track altitude over "
                    + "\(Int(Self.matchDistanceM)) m off): new \(cues.horizontalOnlyNew), update \(cues.horizontalOnlyUpdates)")
        }
        if cues.afterTruthEndNew + cues.afterTruthEndUpdates > 0 {
            out.append(
                "  of those, on a track coasting after its target's flight ended (within "
                    + "\(Int(Self.cueAfterTruthEndS)) s): new \(cues.afterTruthEndNew), update \(cues.afterTruthEndUpdates)")
        }
        return out.joined(separator: "\n") + "\n"
    }
}

extension ReplayScore {
    /// The headline figures on one line, e.g. for the air picture's title:
    /// GOSPA, the two safety figures and the shortest cue lead.
    public var summaryLine: String {
        typealias T = ReportText
        var parts = ["GOSPA \(T.fixed(gospaMeanM, 1)) m", "coverage \(T.fixed(100 * overallCoverage, 1)) %"]
        parts.append("crewed as uncrewed \(crewedTracksEverUncrewed.count)")
        parts.append("unsafe cues \(cues.unsafeNewCues)")
        // A target already inside at its first sample has no lead to give.
        let leads = zoneEntries.filter { !$0.startedInside }.compactMap(\.leadS)
        let uncued = zoneEntries.filter { $0.leadS == nil }.count
        if let shortest = leads.min() { parts.append("shortest cue lead \(T.fixed(shortest, 1)) s") }
        if !zoneEntries.isEmpty { parts.append("\(uncued) of \(zoneEntries.count) zone entries uncued") }
        return parts.joined(separator: ", ")
    }

    /// Matched over present snapshots, all truths together.
    public var overallCoverage: Double {
        let present = coverage.reduce(0) { $0 + $1.presentSnapshots }
        let matched = coverage.reduce(0) { $0 + $1.matchedSnapshots }
        return present > 0 ? Double(matched) / Double(present) : 0
    }
}
