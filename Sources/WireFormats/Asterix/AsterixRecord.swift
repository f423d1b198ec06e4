/// A record type decoded item by item from a UAP (CAT048 plot, CAT034
/// message, CAT021 report, CAT062 track). `AsterixDecoder` delimits every
/// item by its rule, then hands the bytes to `apply(frn:item:)`.
public protocol AsterixRecord: Sendable, BitwiseCopyable {
    /// The category this record type belongs to.
    static var category: UInt8 { get }
    /// The longest FSPEC of the UAP, in octets; longer is `.fspecOverrun`.
    static var maxFspecOctets: Int { get }
    /// The UAP: item rule of each FRN.
    static func rule(_ frn: Int) -> AsterixItemRule
    init()
    /// Decodes one delimited item into the record; a non-nil reason drops
    /// the item only.
    mutating func apply(frn: Int, item: UnsafeRawBufferPointer) -> AsterixRejection?
    /// True when the mandatory data source identifier (I0xx/010) was decoded.
    var hasDataSource: Bool { get }
}

extension Cat048Plot: AsterixRecord {
    public static var category: UInt8 { 48 }
    public static var maxFspecOctets: Int { 4 }
    public static func rule(_ frn: Int) -> AsterixItemRule { AsterixUAP.cat048(frn) }
    public var hasDataSource: Bool { present.contains(.dataSource) }
}

extension Cat034Message: AsterixRecord {
    public static var category: UInt8 { 34 }
    public static var maxFspecOctets: Int { 2 }
    public static func rule(_ frn: Int) -> AsterixItemRule { AsterixUAP.cat034(frn) }
    public var hasDataSource: Bool { present.contains(.dataSource) }
}

extension Cat021Report: AsterixRecord {
    public static var category: UInt8 { 21 }
    public static var maxFspecOctets: Int { 7 }
    public static func rule(_ frn: Int) -> AsterixItemRule { AsterixUAP.cat021(frn) }
    public var hasDataSource: Bool { present.contains(.dataSource) }
}

/// Receives what `AsterixDecoder` found in a datagram. Every method has a
/// default that ignores its input, so a sink implements only what it needs.
/// `record` is the record's bytes (FSPEC included), valid during the call
/// only: for duplicate detection, never to be kept.
public protocol AsterixSink {
    mutating func receive(_ plot: Cat048Plot, record: UnsafeRawBufferPointer)
    mutating func receive(_ message: Cat034Message, record: UnsafeRawBufferPointer)
    mutating func receive(_ report: Cat021Report, record: UnsafeRawBufferPointer)
    /// A block, record or item of `category` was rejected (and counted).
    mutating func reject(_ reason: AsterixRejection, category: UInt8)
}

extension AsterixSink {
    public mutating func receive(_ plot: Cat048Plot, record: UnsafeRawBufferPointer) {}
    public mutating func receive(_ message: Cat034Message, record: UnsafeRawBufferPointer) {}
    public mutating func receive(_ report: Cat021Report, record: UnsafeRawBufferPointer) {}
    public mutating func reject(_ reason: AsterixRejection, category: UInt8) {}
}
