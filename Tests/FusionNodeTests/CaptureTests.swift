import Foundation
import FusionNode
import Testing
import WireFormats

/// Whole captures: duplicates over redundant networks, and a capture the
/// node must survive without decoding.
@Suite(.enabled(if: TestPaths.hasData, "needs ../shared/data (reference captures)"))
struct CaptureTests {
    /// Unique records by an independent oracle (a set of their bytes), and
    /// the filter's count, must agree; every plot came twice (two groups).
    @Test func duplicatesFromRedundantGroupsEnterOnce() throws {
        var reader = try PcapReader(path: TestPaths.dataFile("croatiacontrol-asterix/cat_034_048.pcap"))
        struct Sink: AsterixSink {
            var filter = DuplicateFilter(capacity: 512, windowNs: 2_000_000_000)
            var arrivalNs: Int64 = 0
            var all48 = 0, all34 = 0, unique48 = 0, unique34 = 0
            var distinct: Set<[UInt8]> = []
            mutating func receive(_ plot: Cat048Plot, record: UnsafeRawBufferPointer) {
                all48 += 1
                distinct.insert([48] + Array(record))
                if filter.admit(category: 48, sac: plot.sac, sic: plot.sic, record: record, arrivalNs: arrivalNs) {
                    unique48 += 1
                }
            }
            mutating func receive(_ message: Cat034Message, record: UnsafeRawBufferPointer) {
                all34 += 1
                distinct.insert([34] + Array(record))
                if filter.admit(category: 34, sac: message.sac, sic: message.sic, record: record, arrivalNs: arrivalNs) {
                    unique34 += 1
                }
            }
        }
        var sink = Sink()
        var decoder = AsterixDecoder()
        var groups: Set<UInt32> = []
        reader.forEach { d in
            sink.arrivalNs = d.timeNs
            groups.insert(d.destination.ipv4! >> 8)
            decoder.decode(d.payload, into: &sink)
        }
        #expect(groups == [0xE8_0101, 0xE8_0201], "232.1.1.x and 232.2.1.x")
        #expect(sink.unique48 + sink.unique34 == sink.distinct.count)
        #expect(sink.unique48 * 2 == sink.all48, "each plot twice: \(sink.unique48) of \(sink.all48)")
        #expect(sink.unique34 * 2 == sink.all34)
        #expect(sink.filter.dropped == UInt64(sink.all48 + sink.all34 - sink.distinct.count))
    }

    /// A legacy CAT062 capture: read to the end, every block rejected as a
    /// category the radar input does not take, nothing delivered.
    @Test func legacyCat062CaptureIsReadToTheEndAndRejected() throws {
        var reader = try PcapReader(path: TestPaths.dataFile("croatiacontrol-asterix/asterix.pcap"))
        var decoder = AsterixDecoder()
        var sink = CollectingSink()
        var blocksByHeader = 0
        reader.forEach { d in
            // Independent count: walk the block headers by hand.
            var i = 0
            while i + 3 <= d.payload.count {
                let n = Int(d.payload[i + 1]) << 8 | Int(d.payload[i + 2])
                guard n >= 3, i + n <= d.payload.count else { break }
                blocksByHeader += 1
                i += n
            }
            decoder.decode(d.payload, into: &sink)
        }
        #expect(reader.frames == 100 && reader.datagrams == 100)
        #expect(sink.records.isEmpty)
        #expect(blocksByHeader > 0)
        #expect(decoder.rejections[.unknownCategory] == UInt64(blocksByHeader))
        // The same bytes through the CAT062 reader: never a crash, and the
        // non-standard layout shows up as counted rejections.
        var reader2 = try PcapReader(path: TestPaths.dataFile("croatiacontrol-asterix/asterix.pcap"))
        var rejections = AsterixRejectionCounts()
        reader2.forEach { d in
            Cat062Decoder.decode(d.payload, referenceNs: d.timeNs, rejections: &rejections) { _ in }
        }
        #expect(rejections.total > 0)
    }

    @Test func rawFilesSplitIntoBlocks() throws {
        let file = try AsterixFile(path: TestPaths.dataFile("croatiacontrol-asterix/cat21_re.ast"))
        #expect(file.blocks.count == 2 && file.trailingBytes == 0)
        var decoder = AsterixDecoder()
        var sink = CollectingSink()
        file.forEachDatagram { decoder.decode($0, into: &sink) }
        #expect(sink.records.count == 2 && decoder.rejections.total == 0)
    }
}
