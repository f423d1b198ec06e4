/// A Prometheus histogram of latencies with fixed bucket bounds (seconds
/// in the exposition, ns inside): counts per bucket, sum and count. Fixed
/// storage, so observing allocates nothing.
struct LatencyHistogram {
    /// Upper bounds, ns: 10 µs to 10 s.
    static let boundsNs: [Int64] = [
        10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000,
        100_000_000, 250_000_000, 500_000_000, 1_000_000_000, 2_500_000_000, 10_000_000_000,
    ]
    private(set) var buckets: [UInt64] = Array(repeating: 0, count: boundsNs.count)
    private(set) var count: UInt64 = 0
    private(set) var sumNs: Int64 = 0

    mutating func observe(_ latencyNs: Int64) {
        let v = max(latencyNs, 0)
        count &+= 1
        sumNs &+= v
        for i in 0..<Self.boundsNs.count where v <= Self.boundsNs[i] {
            buckets[i] &+= 1
            return
        }
    }

    /// The exposition lines of `name` (cumulative buckets, +Inf, sum, count).
    func render(name: String, help: String, into text: inout String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) histogram\n"
        var cumulative: UInt64 = 0
        for (i, bound) in Self.boundsNs.enumerated() {
            cumulative &+= buckets[i]
            text += "\(name)_bucket{le=\"\(Double(bound) / 1e9)\"} \(cumulative)\n"
        }
        text += "\(name)_bucket{le=\"+Inf\"} \(count)\n"
        text += "\(name)_sum \(Double(sumNs) / 1e9)\n\(name)_count \(count)\n"
    }
}
