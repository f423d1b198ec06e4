/// Why a binary cue datagram was rejected (Hardware/ICD.md 2.3). Raw values
/// index `ReasonCounts`.
public enum CueRejection: UInt8, Error, Sendable, CaseIterable {
    /// Length is not exactly 148 bytes.
    case badLength = 0
    /// The first four bytes are not `SKCU`.
    case badMagic
    /// Version is not 1.
    case badVersion
    /// Kind is not 1 (new), 2 (update) or 3 (cancel).
    case badKind
    /// Class is not 0...3.
    case badClass
    /// A flag bit that version 1 does not define is set.
    case unknownFlags
    /// Probability above 10000 (1.0).
    case badProbability
    /// The reserved field is not zero.
    case reservedNotZero
    /// A latitude outside +-90 deg or a longitude outside +-180 deg.
    case badPosition
    /// A name holds a non-printable byte or text after its NUL padding.
    case badName
    /// A field its flag marks absent is not zero.
    case absentFieldNotZero
    /// The tag does not verify under the node's key.
    case badTag
}

/// A `CueMessage` field that could not be encoded (not finite or outside
/// what its wire field holds).
public enum CueField: UInt8, Sendable, Equatable {
    case pUncrewed, latitude, longitude, altitude
    case velocityEast, velocityNorth, velocityUp
    case sigmaHorizontal, sigmaVertical, sigmaVelocity
    case interceptLatitude, interceptLongitude, interceptAltitude
}

/// Why a cue could not be encoded (a caller error, not wire input).
public enum CueEncodeError: Error, Sendable, Equatable {
    case outOfRange(CueField)
    case bufferTooSmall
}
