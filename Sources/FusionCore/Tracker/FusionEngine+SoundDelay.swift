import FusionMath

/// Sound's travel time in acoustic tracking. An array hears a target where
/// it was `r / c` seconds ago (`SoundPropagation`): 3-15 s at 1-5 km, a
/// bearing bias of `v / c` across the line of sight if fused at its
/// detection time. So the filter takes each bearing as a plain bearing of
/// the target's position at its emission time, computed from the track's
/// own range to the array, and fuses it through the lag window exactly as
/// a report delivered late (`FixedLagHistory`): a bearing heard after a
/// turn describes the old leg, and lands on the old leg, before the turn,
/// where the IMM's turn models take it. The rest of the record (hits,
/// bearing support, the source memory) keeps the detection time, the
/// clock the node ages tracks by.
extension FusionEngine {
    /// `m` as the filter of the track in `slot` fuses it: a bearing at the
    /// emission time of its sound, from the track's estimate carried
    /// straight on (a range error of 100 m moves the time by 0.3 s); any
    /// other measurement as it is.
    func emissionTimed(_ m: Measurement, forSlot slot: Int) -> Measurement {
        guard m.kind == .bearing, configuration.compensatesSoundDelay else { return m }
        // Through the storage pointer: no copy of the 1.9 KB filter.
        let s = (tracks.storage + slot).pointee.filter.state
        var e = m
        e.timeNs = SoundPropagation.emissionTimeNs(
            receivedNs: m.timeNs, sensorENU: m.pose.positionENU, position: s.position, velocity: s.velocity,
            stateTimeNs: s.timeNs)
        return e
    }

    /// How far back the track in `slot` takes late data, and how many
    /// entries its window may hold: `acousticLagNs` and the window's whole
    /// capacity (160) once it hears acoustic arrays while compensating (its
    /// bearings trail by the sound's travel plus delivery), else `maxLagNs`
    /// and `lagWindowEntries`. A longer window for every radar track would
    /// cost lag-pool entries and replays for nothing.
    func lagWindow(ofSlot slot: Int) -> (lagNs: Int64, entries: Int) {
        guard configuration.compensatesSoundDelay, (tracks.storage + slot).pointee.acousticSlot >= 0 else {
            return (configuration.maxLagNs, configuration.lagWindowEntries)
        }
        return (max(configuration.maxLagNs, configuration.acousticLagNs), TrackRecord<Filter>.History.capacity)
    }

    /// Marks the track in `slot` as one that acoustic arrays hear (it gets
    /// an empty source memory, which is what `lagWindow(ofSlot:)` reads), so
    /// that its window grows to `acousticLagNs`. Called for a bearing in
    /// its gate's corridor that was older than its window: a radar track's
    /// 4 s window is shorter than any bearing's sound travel at 2 km.
    mutating func notesHearing(_ slot: Int) {
        guard configuration.compensatesSoundDelay, (tracks.storage + slot).pointee.acousticSlot < 0 else { return }
        _ = acousticSources.slot(&(tracks.storage + slot).pointee.acousticSlot)
    }

    /// How far back a bearing-only track's sensors' support counts:
    /// `bearingSupportNs`, plus `soundLeadNs` when compensating.
    var bearingSupportWindowNs: Int64 {
        configuration.bearingSupportNs + (configuration.compensatesSoundDelay ? configuration.soundLeadNs : 0)
    }
}
