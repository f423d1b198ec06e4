import FusionMath

/// The truth file arranged per target: samples in time order with their
/// ENU positions, so that snapshots and zone entries can look them up.
struct TruthPaths {
    struct Sample {
        var record: TruthRecord
        /// Time, integer milliseconds since the Unix epoch.
        var key: Int64
        var enu: Vector3
    }

    /// A target's position at one snapshot.
    struct Present {
        var id: Int
        var truthClass: ReportClass
        var enu: Vector3
    }

    /// Target ids, ascending.
    let ids: [Int]
    /// Per id, samples by time; never empty.
    let samples: [Int: [Sample]]

    init(_ records: [TruthRecord], frame: LocalFrame) {
        var byID: [Int: [Sample]] = [:]
        for r in records {
            byID[r.id, default: []].append(
                Sample(record: r, key: ReplayScore.key(r.t), enu: frame.enu(from: r.position)))
        }
        for id in byID.keys { byID[id]!.sort { $0.key < $1.key } }
        samples = byID
        ids = byID.keys.sorted()
    }

    /// First to last sample time over all targets, or nil when empty.
    var span: ClosedRange<Int64>? {
        guard !ids.isEmpty else { return nil }
        let first = ids.map { samples[$0]!.first!.key }.min()!
        let last = ids.map { samples[$0]!.last!.key }.max()!
        return first...last
    }

    func truthClass(of id: Int) -> ReportClass? { samples[id]?.first?.record.truthClass }

    /// Targets present at time `k` (ms), by id.
    ///
    /// A target is present from its first to its last sample. Between
    /// samples it is its latest sample moved on at that sample's velocity,
    /// if that sample is at most `holdMs` old (a longer gap: absent).
    func positions(at k: Int64, holdMs: Int64) -> [Present] {
        var result: [Present] = []
        result.reserveCapacity(ids.count)
        for id in ids {
            let path = samples[id]!
            guard k >= path.first!.key && k <= path.last!.key else { continue }
            // Last sample with key <= k.
            var lo = 0
            var hi = path.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if path[mid].key <= k { lo = mid } else { hi = mid - 1 }
            }
            let s = path[lo]
            let dtMs = k - s.key
            guard dtMs <= holdMs else { continue }
            var enu = s.enu
            if dtMs > 0 {
                // Velocity is ENU at the target, close enough to the frame's
                // axes over a second of flight.
                let dt = Double(dtMs) / 1000
                enu = enu + dt * Vector3(s.record.ve, s.record.vn, s.record.vu)
            }
            result.append(Present(id: id, truthClass: s.record.truthClass, enu: enu))
        }
        return result
    }
}
