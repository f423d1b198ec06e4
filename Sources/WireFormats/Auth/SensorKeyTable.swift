/// Keys and anti-replay windows of the acoustic sensors, by sensor id
/// (ICD 1.3), with a capacity fixed at start-up.
///
/// The storage is reserved once in `init` and never grows afterwards
/// (`insert` reports a full table instead), so lookups on the receive path
/// never allocate. Entries are kept sorted by sensor id and found by binary
/// search.
public struct SensorKeyTable: Sendable {
    /// One sensor's secret and its replay state.
    public struct Entry: Sendable, BitwiseCopyable {
        public var sensorId: UInt32
        public var key: AuthKey
        public var window: ReplayWindow
    }

    /// Why a key could not be added.
    public enum InsertError: Error, Sendable, Equatable {
        case full
    }

    /// The most sensors this table holds.
    public let capacity: Int
    private var entries: [Entry]

    /// An empty table for up to `capacity` sensors.
    public init(capacity: Int) {
        precondition(capacity >= 0)
        self.capacity = capacity
        entries = []
        entries.reserveCapacity(capacity)
    }

    /// Number of sensors with a key.
    public var count: Int { entries.count }

    private func index(of sensorId: UInt32) -> (found: Bool, at: Int) {
        var lo = 0
        var hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].sensorId < sensorId { lo = mid + 1 } else { hi = mid }
        }
        return (lo < entries.count && entries[lo].sensorId == sensorId, lo)
    }

    /// Sets the key of `sensorId`. Replacing a key resets that sensor's window,
    /// since sequence numbers under a new key start afresh.
    public mutating func insert(sensorId: UInt32, key: AuthKey) throws(InsertError) {
        let (found, at) = index(of: sensorId)
        let entry = Entry(sensorId: sensorId, key: key, window: ReplayWindow())
        if found {
            entries[at] = entry
            return
        }
        guard entries.count < capacity else { throw .full }
        entries.insert(entry, at: at)
    }

    /// The key of `sensorId`, if any.
    public func key(for sensorId: UInt32) -> AuthKey? {
        let (found, at) = index(of: sensorId)
        return found ? entries[at].key : nil
    }

    /// The replay window of `sensorId`, if it has a key.
    public func window(for sensorId: UInt32) -> ReplayWindow? {
        let (found, at) = index(of: sensorId)
        return found ? entries[at].window : nil
    }

    /// Marks `sequence` accepted for `sensorId`; returns the verdict
    /// (nil when the sensor has no key).
    @discardableResult
    public mutating func accept(sensorId: UInt32, sequence: UInt32) -> ReplayWindow.Verdict? {
        let (found, at) = index(of: sensorId)
        guard found else { return nil }
        return entries[at].window.accept(sequence)
    }
}
