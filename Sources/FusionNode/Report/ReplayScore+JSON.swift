import Foundation

extension ReplayScore {
    /// The score as a JSON object (Foundation types), for summary.json's
    /// `score` member. Keys are snake_case like the rest of ICD 2.4; times
    /// are seconds since the Unix epoch.
    public var jsonObject: [String: Any] {
        func classes(_ counts: [Int]) -> [String: Any] {
            Dictionary(
                uniqueKeysWithValues: ReportClass.allCases.map {
                    ($0 == .unknown ? "unmatched" : $0.rawValue, counts[$0.index])
                })
        }
        var table: [String: Any] = [:]
        for t in ReportClass.truthClasses {
            table[t.rawValue] = Dictionary(
                uniqueKeysWithValues: ReportClass.allCases.map { ($0.rawValue, classification[t, $0]) })
        }
        return [
            "snapshots": snapshots, "first_t": firstT, "last_t": lastT, "snapshot_period_s": snapshotPeriodS,
            "truth_targets": truthTargets, "reported_tracks": reportedTracks,
            "gospa": [
                "cutoff_m": Self.gospaCutoffM, "p": 2, "alpha": 2, "mean_m": gospaMeanM,
                "localisation_rms_m": localisationRMSM, "missed_per_snapshot": missedPerSnapshot,
                "false_per_snapshot": falsePerSnapshot, "assigned_total": assignedTotal,
                "missed_total": missedTotal, "false_total": falseTotal,
            ] as [String: Any],
            "classification": table,
            "crewed_tracks_ever_uncrewed": crewedTracksEverUncrewed,
            "coverage": coverage.map { c -> [String: Any] in
                [
                    "id": c.id, "kind": c.kind, "class": c.truthClass.rawValue, "present": c.presentSnapshots,
                    "matched": c.matchedSnapshots, "tracks": c.tracks,
                ]
            },
            "zone_entries": zoneEntries.map { e -> [String: Any] in
                var o: [String: Any] = [
                    "truth": e.truthID, "kind": e.kind, "zone": e.zone, "entry_t": e.entryT,
                    "started_inside": e.startedInside,
                ]
                o["first_cue_t"] = e.firstCueT ?? NSNull()
                o["lead_s"] = e.leadS ?? NSNull()
                o["cue"] = e.cueID ?? NSNull()
                o["track"] = e.cueTrack ?? NSNull()
                return o
            },
            "cues": [
                "new": classes(cues.newCues), "update": classes(cues.updateCues), "cancel": cues.cancels,
                "cancels_for_lost_tracks": cues.cancelsForLostTracks, "lost_without_cancel": cues.lostWithoutCancel,
                "unsafe_new": cues.unsafeNewCues, "unsafe_update": cues.unsafeUpdateCues,
                "horizontal_only_new": cues.horizontalOnlyNew, "horizontal_only_update": cues.horizontalOnlyUpdates,
                "after_truth_end_new": cues.afterTruthEndNew, "after_truth_end_update": cues.afterTruthEndUpdates,
            ] as [String: Any],
        ]
    }

    /// `jsonObject` serialised with sorted keys, so equal scores give equal bytes.
    public func jsonData() -> Data {
        // Every value is a JSON type built above; serialisation cannot fail.
        (try? JSONSerialization.data(withJSONObject: jsonObject, options: [.sortedKeys, .prettyPrinted]))
            ?? Data("{}".utf8)
    }
}
