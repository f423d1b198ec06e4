import FusionCore
import Simulation
import Testing

@Suite struct TrackTableTests {
    /// Random inserts and removals against a simple model: live slots hold
    /// what was put in them, a full table refuses, and freed slots come back.
    @Test func behavesLikeAModelSetUnderRandomOperations() {
        var rng = SeededGenerator(seed: 5)
        var table = TrackTable<Int64>(capacity: 64)
        var model: [Int: Int64] = [:]
        var refused = 0
        for step in 0..<20_000 {
            if rng.uniform() < 0.55 {
                let value = Int64(step)
                if let slot = table.insert(value) {
                    #expect(model[slot] == nil)
                    model[slot] = value
                } else {
                    refused += 1
                    #expect(model.count == 64)
                }
            } else if let victim = model.keys.sorted().dropFirst(Int(rng.next() % UInt64(max(1, model.count)))).first {
                table.remove(slot: victim)
                model[victim] = nil
            }
            let count = table.count
            #expect(count == model.count)
        }
        #expect(refused > 0)
        var seen: [Int: Int64] = [:]
        for i in 0..<table.count {
            let s = table.slot(atActiveIndex: i)
            let occupied = table.isOccupied(slot: s)
            #expect(occupied)
            seen[s] = table[s]
        }
        #expect(seen == model)
    }

    @Test func modifyInPlaceWritesThrough() {
        var table = TrackTable<Double>(capacity: 4)
        let s = table.insert(1.5)!
        table[s] += 2
        let value = table[s]
        #expect(value == 3.5)
    }
}
