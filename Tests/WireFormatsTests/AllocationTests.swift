#if canImport(Glibc)
import Glibc
import TestSupport
import Testing
import WireFormats

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
