/// Where each live track was when the grid was last built, for neighbour
/// queries. FIXME: placeholder linear scan until the spatial grid lands.

struct TrackLocator: ~Copyable {
    let x: UnsafeMutablePointer<Double>
    let y: UnsafeMutablePointer<Double>
    let present: UnsafeMutablePointer<Bool>
    let capacity: Int

    init(capacity: Int, cellM: Double) {
        self.capacity = capacity
        x = .allocate(capacity: capacity)
        y = .allocate(capacity: capacity)
        present = .allocate(capacity: capacity)
        present.initialize(repeating: false, count: capacity)
    }

    deinit {
        x.deallocate()
        y.deallocate()
        present.deallocate()
    }

    mutating func removeAll() { present.update(repeating: false, count: capacity) }

    mutating func place(slot: Int, east: Double, north: Double) {
        x[slot] = east
        y[slot] = north
        present[slot] = true
    }

    mutating func remove(slot: Int) { present[slot] = false }

    /// Writes the slots within `radius` of (east, north) into `out`; returns how many.
    func query(east: Double, north: Double, radius: Double, into out: UnsafeMutablePointer<Int32>, limit: Int) -> Int {
        var n = 0
        let r2 = radius * radius
        for s in 0..<capacity where present[s] && n < limit {
            let dx = x[s] - east, dy = y[s] - north
            if dx * dx + dy * dy <= r2 {
                out[n] = Int32(s)
                n += 1
            }
        }
        return n
    }
}
