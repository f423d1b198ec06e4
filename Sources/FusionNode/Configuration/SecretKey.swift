/// A 32-byte symmetric key (libsodium `crypto_auth`, HMAC-SHA-512-256).
///
/// Written in the file as 64 hexadecimal characters. Its description never
/// shows the bytes, so a key cannot leak into a log or a summary.
public struct SecretKey: Sendable, Equatable, CustomStringConvertible {
    public static let byteCount = 32
    public let bytes: [UInt8]

    /// The key of a 64-character hex string, or nil when it is not one.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 2 * Self.byteCount else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.byteCount)
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let hi = Self.nibble(digits[i]), let lo = Self.nibble(digits[i + 1]) else { return nil }
            bytes.append(hi << 4 | lo)
        }
        self.bytes = bytes
    }

    public var description: String { "<\(Self.byteCount)-byte key>" }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension ConfigObject {
    /// A hex key under `key`, or nil when absent or bad (logged).
    func secretKey(_ key: String, required: Bool = false) -> SecretKey? {
        guard raw(key, required: required) != nil else { return nil }
        let before = log.issues.count
        let text = string(key)
        guard log.issues.count == before else { return nil }
        guard let secret = SecretKey(hex: text) else {
            // Say how long it is, never what it is.
            log.add(path(key), "must be 64 hexadecimal characters (a 32-byte key), got \(text.count) characters")
            return nil
        }
        guard secret.bytes.contains(where: { $0 != 0 }) else {
            log.add(path(key), "must not be all zeros (a placeholder, not a key)")
            return nil
        }
        return secret
    }
}
