import FusionCore

/// A fixed-capacity buffer of measurements, allocated once and reused for
/// every datagram: the hot path converts into it and hands it to the engine
/// without touching the heap.
final class MeasurementBuffer {
    let capacity: Int
    private let storage: UnsafeMutablePointer<Measurement>
    private(set) var count = 0

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    var isFull: Bool { count == capacity }

    /// Appends `m`; false (nothing stored) when full.
    func append(_ m: Measurement) -> Bool {
        guard count < capacity else { return false }
        (storage + count).initialize(to: m)
        count += 1
        return true
    }

    /// The measurements so far.
    var contents: UnsafeBufferPointer<Measurement> { UnsafeBufferPointer(start: storage, count: count) }

    /// Forgets the contents (Measurement is trivial: nothing to deinitialise).
    func removeAll() { count = 0 }
}
