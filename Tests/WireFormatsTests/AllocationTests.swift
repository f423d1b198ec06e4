#if canImport(Glibc)
import Glibc
import Testing
import WireFormats

/// Counts Swift heap allocations (swift_allocObject: class instances, array
/// and string buffers, boxes) made on the calling thread, through the
/// runtime's instrumentation hook. Other threads (parallel tests) are not counted.
enum AllocationCounter {
    typealias AllocFn = @convention(c) (UnsafeRawPointer?, Int, Int) -> UnsafeMutableRawPointer?
    nonisolated(unsafe) static var original: AllocFn?
    nonisolated(unsafe) static var thread: pthread_t = pthread_self()
    nonisolated(unsafe) static var count = 0

    nonisolated(unsafe) static let hookSlot: UnsafeMutablePointer<AllocFn?>? = dlsym(
        dlopen(nil, RTLD_NOW),  // the process's global symbols
        "_swift_allocObject")?.assumingMemoryBound(to: AllocFn?.self)
    nonisolated(unsafe) static let enableSlot: UnsafeMutablePointer<Bool>? = dlsym(
        dlopen(nil, RTLD_NOW),
        "_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly")?
        .assumingMemoryBound(to: Bool.self)

    static var available: Bool { hookSlot != nil && enableSlot != nil }

    /// The hook is process-wide: swapping it while other suites allocate on
    /// other threads can crash the test process. These suites therefore run
    /// only in Tools/test.sh's second, serial pass, which sets this variable.
    static var requested: Bool {
        guard let value = getenv("SKYCUE_ALLOCATION_TESTS") else { return false }
        return String(cString: value) == "1"
    }

    /// Allocations `body` made on this thread.
    static func counting(_ body: () -> Void) -> Int {
        guard let hookSlot, let enableSlot else { return -1 }
        original = hookSlot.pointee
        thread = pthread_self()
        count = 0
        hookSlot.pointee = { metadata, size, alignMask in
            if pthread_equal(pthread_self(), AllocationCounter.thread) != 0 { AllocationCounter.count += 1 }
            return AllocationCounter.original!(metadata, size, alignMask)
        }
        let wasEnabled = enableSlot.pointee
        enableSlot.pointee = true
        body()
        enableSlot.pointee = wasEnabled
        hookSlot.pointee = original
        return count
    }
}

/// STYLE.md: no heap allocation per record in steady state.
@Suite(.serialized, .enabled(if: AllocationCounter.available, "Swift runtime allocation hook not found"),
    .enabled(if: AllocationCounter.requested, "runs in the serial pass: SKYCUE_ALLOCATION_TESTS=1"))
struct AllocationTests {
    struct CountingSink: AsterixSink {
        var n = 0
        var filter = DuplicateFilter(capacity: 64)
        mutating func receive(_ plot: Cat048Plot, record: UnsafeRawBufferPointer) {
            if filter.admit(category: 48, sac: plot.sac, sic: plot.sic, record: record, arrivalNs: Int64(n)) { n += 1 }
        }
        mutating func receive(_ message: Cat034Message, record: UnsafeRawBufferPointer) { n += 1 }
        mutating func receive(_ report: Cat021Report, record: UnsafeRawBufferPointer) { n += 1 }
    }

    @Test func theCounterSeesAllocations() {
        var keep: [[Int]] = []
        let n = AllocationCounter.counting { for i in 0..<10 { keep.append([i, i]) } }
        #expect(n >= 10, "the hook works, so a zero below means something")
        #expect(keep.count == 10)
    }

    @Test func decodingAndDuplicateFilteringDoNotAllocate() {
        let datagram = block(48, Vectors.cat048Record + Vectors.cat048Record) + block(34, Vectors.cat034Record)
            + block(21, Vectors.cat021Record) + block(62, [0x80, 1, 2]) + [48, 0, 1]
        var decoder = AsterixDecoder()
        var sink = CountingSink()
        datagram.withUnsafeBytes { bytes in
            decoder.decode(bytes, into: &sink)  // warm-up: one-time metadata
            let n = AllocationCounter.counting {
                for _ in 0..<1_000 { decoder.decode(bytes, into: &sink) }
            }
            #expect(n == 0, "\(n) allocations in 1000 datagrams")
        }
        #expect(decoder.records == 4 * 1_001 && decoder.rejections.total == 2 * 1_001)
    }

    @Test func cat062EncodingIntoAReservedBufferDoesNotAllocate() {
        let track = Cat062Track(
            trackNumber: 7, timeNs: 1_700_000_000_000_000_000, latitudeDeg: 45, longitudeDeg: 16, xM: 100, yM: -200,
            altitudeM: 300, veMps: 10, vnMps: -5, sigmaXM: 20, sigmaYM: 20, sigmaAltM: 30, sigmaVelMps: 2,
            status: .coasting)
        let tracks = [track, track, track]
        let encoder = Cat062Encoder(sac: 1, sic: 2)
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        encoder.appendBlock(tracks, to: &out)
        let n = AllocationCounter.counting {
            for _ in 0..<1_000 {
                out.removeAll(keepingCapacity: true)
                encoder.appendBlock(tracks, to: &out)
            }
        }
        #expect(n == 0, "\(n) allocations in 1000 blocks")
    }
}
#endif
