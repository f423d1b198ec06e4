/// Splits a datagram into ASTERIX data blocks (`CAT(1) LEN(2) records`,
/// LEN counting the whole block) and decodes the records of CAT048, CAT034
/// and CAT021 (ICD 1.1, 1.2), mixed categories allowed.
///
/// Total: any bytes give records or counted rejections, never a trap or a
/// read past the end. What is rejected, and how far the damage goes:
/// - a block whose LEN does not fit: the rest of the datagram (it cannot be framed);
/// - a block of another category: that block, skipped by LEN;
/// - a record whose FSPEC or an item cannot be delimited: the rest of its
///   block (records have no length of their own), the next block is read;
/// - an item whose value is unusable: that item, the record is kept.
///
/// No heap allocation: records are values handed to the sink.
public struct AsterixDecoder: Sendable {
    /// Rejections so far, by reason.
    public var rejections = AsterixRejectionCounts()
    /// Blocks framed and records delivered so far.
    public var blocks: UInt64 = 0
    public var records: UInt64 = 0

    public init() {}

    /// Decodes one datagram into `sink`.
    public mutating func decode<Sink: AsterixSink>(_ datagram: UnsafeRawBufferPointer, into sink: inout Sink) {
        var r = ByteReader(datagram)
        while !r.isAtEnd {
            let category = r.peek() ?? 0
            guard r.remaining >= 3 else {
                reject(.truncated, category, &sink)
                return
            }
            _ = r.skip(1)
            let length = Int(r.readUInt16() ?? 0)
            guard length >= 3, length - 3 <= r.remaining, let body = r.readBytes(length - 3) else {
                reject(.badLength, category, &sink)
                return
            }
            blocks &+= 1
            decodeBlock(category: category, body: body, into: &sink)
        }
    }

    /// Convenience for arrays (tests, tools).
    public mutating func decode<Sink: AsterixSink>(_ datagram: [UInt8], into sink: inout Sink) {
        datagram.withUnsafeBytes { decode($0, into: &sink) }
    }

    /// Decodes the records of one block body (the bytes after LEN).
    public mutating func decodeBlock<Sink: AsterixSink>(
        category: UInt8, body: UnsafeRawBufferPointer, into sink: inout Sink
    ) {
        switch category {
        case Cat048Plot.category:
            decodeRecords(body, as: Cat048Plot.self, into: &sink) { s, v, b in s.receive(v, record: b) }
        case Cat034Message.category:
            decodeRecords(body, as: Cat034Message.self, into: &sink) { s, v, b in s.receive(v, record: b) }
        case Cat021Report.category:
            decodeRecords(body, as: Cat021Report.self, into: &sink) { s, v, b in s.receive(v, record: b) }
        default:
            reject(.unknownCategory, category, &sink)
        }
    }

    /// Walks the records of a block of `R`, delivering each through `deliver`.
    public mutating func decodeRecords<R: AsterixRecord, Sink>(
        _ body: UnsafeRawBufferPointer, as: R.Type, into sink: inout Sink,
        deliver: (inout Sink, R, UnsafeRawBufferPointer) -> Void
    ) where Sink: AsterixSink {
        if body.isEmpty {
            reject(.emptyRecord, R.category, &sink)
            return
        }
        var r = ByteReader(body)
        while !r.isAtEnd {
            let start = r.offset
            switch Self.record(R.self, from: &r) {
            case .failure(let reason):
                // The record's end is unknown, so is the next one's start.
                reject(reason, R.category, &sink)
                return
            case .success(let (value, itemRejections)):
                if itemRejections.total > 0 {
                    // Raw values, not allCases: no array on the hot path.
                    for raw in 0..<AsterixRejection.count {
                        guard let reason = AsterixRejection(rawValue: raw), itemRejections[reason] > 0 else { continue }
                        rejections[reason] &+= itemRejections[reason]
                        sink.reject(reason, category: R.category)
                    }
                }
                guard value.hasDataSource else {
                    reject(.missingMandatoryItem, R.category, &sink)
                    continue
                }
                records &+= 1
                deliver(&sink, value, UnsafeRawBufferPointer(rebasing: body[start..<r.offset]))
            }
        }
    }

    /// Decodes one record of `R` at the reader; on success the reader is
    /// past the record, and item-level rejections are returned with it.
    public static func record<R: AsterixRecord>(
        _: R.Type, from r: inout ByteReader
    ) -> Result<(R, AsterixRejectionCounts), AsterixRejection> {
        var spec = FieldSpec()
        if let reason = spec.read(from: &r, maxOctets: R.maxFspecOctets) { return .failure(reason) }
        guard spec.bits != 0 else { return .failure(.emptyRecord) }
        var value = R()
        var itemRejections = AsterixRejectionCounts()
        var i = -1
        while let k = spec.next(after: i) {
            i = k
            switch R.rule(k + 1).take(from: &r) {
            case .failure(let reason):
                return .failure(reason)
            case .success(let item):
                if let reason = value.apply(frn: k + 1, item: item) { itemRejections[reason] &+= 1 }
            }
        }
        return .success((value, itemRejections))
    }

    private mutating func reject<Sink: AsterixSink>(_ reason: AsterixRejection, _ category: UInt8, _ sink: inout Sink) {
        rejections[reason] &+= 1
        sink.reject(reason, category: category)
    }
}
