import FusionNode
import Testing
import WireFormats

/// One record as our decoder delivered it.
enum DecodedRecord {
    case plot(Cat048Plot)
    case message(Cat034Message)
    case report(Cat021Report)
}

/// Collects everything in order (tests only: allocation is fine here).
struct CollectingSink: AsterixSink {
    var records: [DecodedRecord] = []
    var rejected: [(AsterixRejection, UInt8)] = []
    mutating func receive(_ plot: Cat048Plot, record: UnsafeRawBufferPointer) { records.append(.plot(plot)) }
    mutating func receive(_ message: Cat034Message, record: UnsafeRawBufferPointer) { records.append(.message(message)) }
    mutating func receive(_ report: Cat021Report, record: UnsafeRawBufferPointer) { records.append(.report(report)) }
    mutating func reject(_ reason: AsterixRejection, category: UInt8) { rejected.append((reason, category)) }
}

/// The UDP payloads of a capture, in order.
func capturePayloads(_ path: String) throws -> [[UInt8]] {
    var reader = try PcapReader(path: path)
    var out: [[UInt8]] = []
    reader.forEach { out.append(Array($0.payload)) }
    return out
}

/// The blocks of a raw ASTERIX file, one per datagram.
func rawPayloads(_ path: String) throws -> [[UInt8]] {
    let file = try AsterixFile(path: path)
    return file.blocks.map { Array(file.bytes[$0]) }
}

func decodeAll(_ datagrams: [[UInt8]]) -> (CollectingSink, AsterixDecoder) {
    var decoder = AsterixDecoder()
    var sink = CollectingSink()
    for d in datagrams { decoder.decode(d, into: &sink) }
    return (sink, decoder)
}

/// Compares our decode with tshark's, record by record, field by field.
enum GoldenComparison {
    static func compare(_ ours: [DecodedRecord], _ theirs: [TsharkRecord], _ name: String) {
        #expect(ours.count == theirs.count, "\(name): record count")
        for (i, (o, t)) in zip(ours, theirs).enumerated() {
            let at = "\(name) record \(i)"
            switch o {
            case .plot(let p):
                #expect(t.category == 48, "\(at): category")
                compare048(p, t, at)
            case .message(let m):
                #expect(t.category == 34, "\(at): category")
                compare034(m, t, at)
            case .report(let r):
                #expect(t.category == 21, "\(at): category")
                compare021(r, t, at)
            }
        }
    }

    static func number(_ s: String?) -> Double? {
        guard let s else { return nil }
        if s.hasPrefix("0x"), let v = UInt64(s.dropFirst(2), radix: 16) { return Double(v) }
        return Double(s)
    }

    /// Expects tshark's value for `key` to equal `value` within a relative 1e-9
    /// (tshark prints about 15 significant digits).
    static func same(_ t: TsharkRecord, _ key: String, _ value: Double, _ at: String) {
        guard let v = number(t[key]) else {
            Issue.record("\(at): tshark has no \(key)")
            return
        }
        #expect(abs(v - value) <= 1e-9 * max(1, abs(v)), "\(at): \(key) tshark \(v) ours \(value)")
    }

    static func present(_ t: TsharkRecord, _ item: String, _ ours: Bool, _ at: String) -> Bool {
        let theirs = t.fields["asterix." + item] != nil
        #expect(theirs == ours, "\(at): presence of \(item)")
        return theirs && ours
    }

    static func bit(_ b: Bool) -> Double { b ? 1 : 0 }
}
