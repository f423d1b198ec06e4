/// Why a part of an ASTERIX datagram was not decoded (ICD 1.1: "rejected
/// alone, counted with its reason"). The node counts these per source.
public enum AsterixRejection: UInt8, Error, Sendable, BitwiseCopyable, CaseIterable {
    /// A block header or record ended before the bytes it announced.
    case truncated = 0
    /// A block's LEN is below 3 or beyond the datagram: the rest of the
    /// datagram cannot be framed and is dropped.
    case badLength
    /// A block of a category this decoder does not read (e.g. CAT062 input),
    /// skipped whole by its LEN.
    case unknownCategory
    /// An FSPEC longer than the UAP, or one that never ends (FX set to the end).
    case fspecOverrun
    /// The FSPEC (or a compound item's primary subfield) flags an item the
    /// UAP does not define, so its length is unknown: the rest of the block is dropped.
    case undefinedItem
    /// A block with LEN = 3 (no records) or a record without any item.
    case emptyRecord
    /// A record decoded, but its mandatory data source (I0xx/010) is missing.
    /// (SIM = 1 plots are delivered with `sim` set: ignoring them is the node's policy.)
    case missingMandatoryItem
    /// An item whose value is out of its defined range (e.g. time of day ≥ 24 h);
    /// the item is dropped, the record kept.
    case badItemValue

    /// Number of reasons (raw values are 0..<count).
    public static let count: UInt8 = 8
}

/// How many times each `AsterixRejection` happened. Fixed size, no heap.
public struct AsterixRejectionCounts: Sendable, Equatable {
    @usableFromInline var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0)

    public init() {}

    /// The count for one reason.
    public subscript(reason: AsterixRejection) -> UInt64 {
        get {
            switch reason {
            case .truncated: storage.0
            case .badLength: storage.1
            case .unknownCategory: storage.2
            case .fspecOverrun: storage.3
            case .undefinedItem: storage.4
            case .emptyRecord: storage.5
            case .missingMandatoryItem: storage.6
            case .badItemValue: storage.7
            }
        }
        set {
            switch reason {
            case .truncated: storage.0 = newValue
            case .badLength: storage.1 = newValue
            case .unknownCategory: storage.2 = newValue
            case .fspecOverrun: storage.3 = newValue
            case .undefinedItem: storage.4 = newValue
            case .emptyRecord: storage.5 = newValue
            case .missingMandatoryItem: storage.6 = newValue
            case .badItemValue: storage.7 = newValue
            }
        }
    }

    /// Sum over all reasons.
    public var total: UInt64 {
        storage.0 &+ storage.1 &+ storage.2 &+ storage.3 &+ storage.4 &+ storage.5 &+ storage.6 &+ storage.7
    }

    public static func == (a: Self, b: Self) -> Bool {
        (0..<AsterixRejection.count).allSatisfy { raw in
            let reason = AsterixRejection(rawValue: raw)!
            return a[reason] == b[reason]
        }
    }
}
