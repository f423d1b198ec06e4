import Testing
import WireFormats

@Suite struct DuplicateFilterTests {
    func admit(_ f: inout DuplicateFilter, _ bytes: [UInt8], sic: UInt8 = 1, at t: Int64) -> Bool {
        bytes.withUnsafeBytes { f.admit(category: 48, sac: 25, sic: sic, record: $0, arrivalNs: t) }
    }

    @Test func secondCopyWithinWindowIsDroppedOthersPass() {
        var f = DuplicateFilter(capacity: 8, windowNs: 1_000)
        #expect(admit(&f, [1, 2, 3], at: 0))
        #expect(!admit(&f, [1, 2, 3], at: 500))  // the copy from the other network
        #expect(admit(&f, [1, 2, 4], at: 600))  // different bytes
        #expect(admit(&f, [1, 2, 3], sic: 2, at: 700))  // different radar
        #expect(admit(&f, [1, 2, 3], at: 5_000))  // same bytes, next scan: outside window
        #expect(f.passed == 4 && f.dropped == 1)
    }

    @Test func capacityBoundsMemoryOldestForgotten() {
        var f = DuplicateFilter(capacity: 2, windowNs: 1_000_000)
        #expect(admit(&f, [1], at: 0))
        #expect(admit(&f, [2], at: 1))
        #expect(admit(&f, [3], at: 2))  // evicts [1]
        #expect(admit(&f, [1], at: 3))  // forgotten, so it enters again
        #expect(!admit(&f, [3], at: 4))
    }
}
