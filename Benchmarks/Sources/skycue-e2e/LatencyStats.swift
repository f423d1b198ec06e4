/// Percentiles of a sample of latencies, ns in, microseconds out
/// (nearest-rank).
struct LatencyStats {
    let count: Int
    let p50Us: Double
    let p99Us: Double
    let maxUs: Double

    init(_ samplesNs: [Int64]) {
        let s = samplesNs.sorted()
        count = s.count
        func rank(_ p: Double) -> Double {
            guard !s.isEmpty else { return .nan }
            let k = min(s.count - 1, max(0, Int((p * Double(s.count)).rounded(.up)) - 1))
            return Double(s[k]) / 1_000
        }
        p50Us = rank(0.5)
        p99Us = rank(0.99)
        maxUs = s.last.map { Double($0) / 1_000 } ?? .nan
    }

    var json: String {
        guard count > 0 else { return "{\"count\": 0}" }
        return "{\"count\": \(count), \"p50_us\": \(p50Us), \"p99_us\": \(p99Us), \"max_us\": \(maxUs)}"
    }

    /// For each (reference, end) pair, end minus the last of `sendsNs`
    /// (sorted) sent at or before the reference time; pairs with no
    /// earlier send are skipped.
    static func sinceLastSend(_ pairs: [(referenceNs: Int64, endNs: Int64)], _ sendsNs: [Int64]) -> [Int64] {
        pairs.compactMap { p in
            var lo = 0, hi = sendsNs.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if sendsNs[mid] <= p.referenceNs { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 ? nil : p.endNs - sendsNs[lo - 1]
        }
    }
}
