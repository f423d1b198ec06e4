/// How an ASTERIX data item's length is known (EUROCONTROL Part 1, 4.3.3):
/// the UAP gives each FRN one of these, so an item the node does not decode
/// is still skipped exactly.
public enum AsterixItemRule: Sendable, BitwiseCopyable, Equatable {
    /// FRN not defined by the UAP (spare): its length is unknown.
    case undefined
    /// Fixed length, in octets.
    case fixed(Int)
    /// Extended length: a first part of `first` octets, then parts of `next`
    /// octets, while the last bit (FX) of the part just read is 1.
    case extended(first: Int, next: Int)
    /// Repetitive: a one-octet count REP, then REP elements of `element` octets.
    case repetitive(element: Int)
    /// Compound: a primary subfield (FX-extended bit mask), then the flagged
    /// subfields in order, each by its own rule (see `AsterixCompound`).
    case compound(AsterixCompound)
    /// Explicit (SP, RE): a one-octet LEN that counts itself.
    case explicit
}

/// The compound items of the UAPs the node reads, with their subfield rules.
public enum AsterixCompound: Sendable, BitwiseCopyable, Equatable {
    case cat048I120, cat048I130
    case cat034I050, cat034I060
    case cat021I110, cat021I220, cat021I295
    case cat062I500

    /// The rule of subfield `index` (0-based, in primary-subfield bit order,
    /// FX bits not counted).
    public func subfield(_ index: Int) -> AsterixItemRule {
        switch self {
        case .cat048I120:  // CAL, RDS
            switch index {
            case 0: .fixed(2)
            case 1: .repetitive(element: 6)
            default: .undefined
            }
        case .cat048I130:  // SRL SRR SAM PRL PAM RPD APD
            index < 7 ? .fixed(1) : .undefined
        case .cat034I050:  // COM, -, -, PSR, SSR, MDS
            switch index {
            case 0, 3, 4: .fixed(1)
            case 5: .fixed(2)
            default: .undefined
            }
        case .cat034I060:  // COM, -, -, PSR, SSR, MDS
            switch index {
            case 0, 3, 4, 5: .fixed(1)
            default: .undefined
            }
        case .cat021I110:  // TIS, TID
            switch index {
            case 0: .extended(first: 1, next: 1)
            case 1: .repetitive(element: 15)
            default: .undefined
            }
        case .cat021I220:  // WS WD TMP TRB
            switch index {
            case 0, 1, 2: .fixed(2)
            case 3: .fixed(1)
            default: .undefined
            }
        case .cat021I295:  // 23 data ages of one octet (AOS ... SCC), edition 2.1
            index < 23 ? .fixed(1) : .undefined
        case .cat062I500:  // APC COV APW AGA ABA ATV AA | ARC
            switch index {
            case 0: .fixed(4)
            case 1: .fixed(2)
            case 2: .fixed(4)
            case 3, 4: .fixed(1)
            case 5, 6: .fixed(2)
            case 7: .fixed(1)
            default: .undefined
            }
        }
    }
}

extension AsterixItemRule {
    /// Consumes one item by this rule and returns its bytes, or the reason it
    /// cannot: `.truncated` when the bytes run out, `.undefinedItem` when the
    /// rule (or a compound subfield) is undefined.
    public func take(from reader: inout ByteReader) -> Result<UnsafeRawBufferPointer, AsterixRejection> {
        let start = reader.offset
        if let reason = consume(&reader) { return .failure(reason) }
        return .success(UnsafeRawBufferPointer(rebasing: reader.bytes[start..<reader.offset]))
    }

    func consume(_ reader: inout ByteReader) -> AsterixRejection? {
        switch self {
        case .undefined:
            return .undefinedItem
        case .fixed(let n):
            return reader.skip(n) ? nil : .truncated
        case .extended(let first, let next):
            guard reader.skip(first), let last = reader.peek(-1) else { return .truncated }
            var fx = last & 1
            while fx == 1 {
                guard reader.skip(next), let b = reader.peek(-1) else { return .truncated }
                fx = b & 1
            }
            return nil
        case .repetitive(let element):
            guard let rep = reader.readUInt8() else { return .truncated }
            return reader.skip(Int(rep) * element) ? nil : .truncated
        case .explicit:
            guard let len = reader.readUInt8() else { return .truncated }
            // LEN counts itself; 0 would loop nothing but is still malformed.
            guard len >= 1 else { return .undefinedItem }
            return reader.skip(Int(len) - 1) ? nil : .truncated
        case .compound(let kind):
            var mask = FieldSpec()
            if let reason = mask.read(from: &reader, maxOctets: 4) { return reason }
            var index = 0
            while let i = mask.next(after: index - 1) {
                index = i + 1
                if let reason = kind.subfield(i).consume(&reader) { return reason }
            }
            return nil
        }
    }
}
