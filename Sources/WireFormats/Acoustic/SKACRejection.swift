/// Why an SKAC datagram was rejected (ICD 1.3). Every rejection is counted
/// by `SKACReceiver` under its reason; the raw values index the counters.
public enum SKACRejection: UInt8, Error, Sendable, CaseIterable {
    /// Shorter than the 36-byte header.
    case truncatedHeader = 0
    /// The first four bytes are not `SKAC`.
    case badMagic
    /// Version is not 1.
    case badVersion
    /// A flag bit that version 1 does not define is set.
    case unknownFlags
    /// N is 0 or above 64.
    case badDetectionCount
    /// Length is not exactly 36 + 24N (+ 32 with a tag).
    case lengthMismatch
    /// A detection's reserved bytes (17-19) are not zero.
    case reservedNotZero
    /// Authentication is required and the datagram has no tag.
    case missingTag
    /// A tag is present or required but no key is configured for the sensor.
    case unknownSensor
    /// The tag does not verify under the sensor's key.
    case badTag
    /// The sequence number was already accepted (inside the window).
    case replayed
    /// The sequence number is older than the 1024-wide window.
    case tooOld
}

/// Counters by reason for a reason enum with `UInt8` raw values 0..<32,
/// stored inline so that counting never allocates.
public struct ReasonCounts<Reason: RawRepresentable & CaseIterable>: Sendable
where Reason.RawValue == UInt8 {
    private var counts = InlineArray<32, UInt64>(repeating: 0)

    public init() {}

    /// Adds one to `reason`.
    public mutating func count(_ reason: Reason) {
        let i = Int(reason.rawValue)
        if i < 32 { counts[i] &+= 1 }
    }

    /// The count for `reason`.
    public subscript(_ reason: Reason) -> UInt64 {
        let i = Int(reason.rawValue)
        return i < 32 ? counts[i] : 0
    }

    /// Sum over all reasons.
    public var total: UInt64 {
        var s: UInt64 = 0
        for i in 0..<32 { s &+= counts[i] }
        return s
    }
}
