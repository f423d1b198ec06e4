/// The receive side of SKAC (ICD 1.3): structure, authentication and
/// anti-replay, with every rejection counted by reason.
///
/// Policy, in order:
/// 1. Structure (`SKACCodec.parse`).
/// 2. With `requireAuthentication`, a datagram without a tag is rejected.
/// 3. A tagged datagram is verified under its sensor's key
///    (`crypto_auth_verify`, constant time); a bad tag is rejected whether or
///    not authentication is required, since it is evidence of tampering. A
///    tag from a sensor without a key is rejected when authentication is
///    required, and passed unverified otherwise.
/// 4. A verified datagram's sequence number must be fresh in that sensor's
///    1024-wide window (`ReplayWindow`); the window moves only after the tag
///    verified. Unauthenticated datagrams carry forgeable sequence numbers
///    and are not windowed.
public struct SKACReceiver: Sendable {
    /// Keys and replay windows by sensor id.
    public var keys: SensorKeyTable
    /// When true, only datagrams with a valid tag are accepted.
    public var requireAuthentication: Bool
    /// Rejections by reason.
    public private(set) var rejections = ReasonCounts<SKACRejection>()
    /// Datagrams accepted.
    public private(set) var accepted: UInt64 = 0

    public init(keys: SensorKeyTable, requireAuthentication: Bool) {
        self.keys = keys
        self.requireAuthentication = requireAuthentication
    }

    /// Decodes and checks one datagram into `report`; throws (and counts)
    /// the reason on rejection. Does not allocate.
    public mutating func receive(
        _ bytes: UnsafeRawBufferPointer, into report: inout SKACReport
    ) throws(SKACRejection) {
        do throws(SKACRejection) {
            try check(bytes, into: &report)
            accepted &+= 1
        } catch {
            rejections.count(error)
            throw error
        }
    }

    /// `receive` for an array (convenience; the array is only borrowed).
    public mutating func receive(_ bytes: [UInt8], into report: inout SKACReport) throws(SKACRejection) {
        let result: Result<Void, SKACRejection> = bytes.withUnsafeBytes { raw in
            do throws(SKACRejection) {
                try receive(raw, into: &report)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    private mutating func check(
        _ bytes: UnsafeRawBufferPointer, into report: inout SKACReport
    ) throws(SKACRejection) {
        try SKACCodec.parse(bytes, into: &report)
        let header = report.header
        guard header.flags.contains(.authenticated) else {
            if requireAuthentication { throw .missingTag }
            return
        }
        guard let key = keys.key(for: header.sensorId) else {
            if requireAuthentication { throw .unknownSensor }
            return
        }
        // Cheap window check first (RFC 4303 order), commit only after the tag.
        if let window = keys.window(for: header.sensorId) {
            switch window.check(header.sequence) {
            case .fresh: break
            case .replayed: throw .replayed
            case .tooOld: throw .tooOld
            }
        }
        let body = bytes.count - MessageAuthenticator.tagByteCount
        let ok = MessageAuthenticator.verify(
            tag: UnsafeRawBufferPointer(rebasing: bytes[body...]),
            message: UnsafeRawBufferPointer(rebasing: bytes[..<body]), key: key)
        guard ok else { throw .badTag }
        keys.accept(sensorId: header.sensorId, sequence: header.sequence)
    }
}
