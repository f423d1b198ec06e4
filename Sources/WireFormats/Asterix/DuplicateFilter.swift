/// Lets a record in once when redundant networks deliver it twice (the two
/// multicast groups of every radar in cat_034_048.pcap: 232.1.1.x and
/// 232.2.1.x carry the same bytes).
///
/// A fixed-capacity ring of recent (hash, arrival time) pairs, the hash over
/// (category, SAC, SIC, record bytes) with 64-bit FNV-1a. A record is a
/// duplicate when the same hash arrived within `windowNs`. Capacity and
/// window bound both memory and the cost per record (a scan of `capacity`
/// entries, no heap after init). A hash collision between two different
/// records inside the window (about 2^-64 per pair) would drop one.
public struct DuplicateFilter: Sendable {
    @usableFromInline var hashes: [UInt64]
    @usableFromInline var times: [Int64]
    @usableFromInline var next = 0
    @usableFromInline var filled = 0
    /// How long a record stays remembered, ns.
    public let windowNs: Int64
    /// Records let through and duplicates dropped so far.
    public private(set) var passed: UInt64 = 0
    public private(set) var dropped: UInt64 = 0

    /// - Parameters:
    ///   - capacity: records remembered (at least the records one window can hold).
    ///   - windowNs: how far apart two copies may arrive (network skew), ns.
    public init(capacity: Int = 1024, windowNs: Int64 = 2_000_000_000) {
        let n = max(1, capacity)
        hashes = Array(repeating: 0, count: n)
        times = Array(repeating: 0, count: n)
        self.windowNs = windowNs
    }

    /// The FNV-1a 64-bit hash over the key of a record.
    public static func key(category: UInt8, sac: UInt8, sic: UInt8, record: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        mix(category)
        mix(sac)
        mix(sic)
        for b in record { mix(b) }
        return h
    }

    /// True when this record should enter (first copy); false for a copy
    /// seen within the window. Records it as seen at `arrivalNs`.
    public mutating func admit(category: UInt8, sac: UInt8, sic: UInt8, record: UnsafeRawBufferPointer, arrivalNs: Int64) -> Bool {
        let h = Self.key(category: category, sac: sac, sic: sic, record: record)
        for i in 0..<filled where hashes[i] == h {
            let age = arrivalNs &- times[i]
            if age >= -windowNs && age <= windowNs {
                dropped &+= 1
                return false
            }
        }
        hashes[next] = h
        times[next] = arrivalNs
        next = (next + 1) % hashes.count
        filled = min(filled + 1, hashes.count)
        passed &+= 1
        return true
    }
}
