/// A 32-byte secret key for libsodium `crypto_auth` (HMAC-SHA-512-256),
/// one per acoustic sensor (ICD 1.3) and one per node for binary cues
/// (Hardware/ICD.md 2.3).
///
/// Stored inline, so a key table never allocates per key. `==` is not
/// constant-time: compare keys only when loading configuration, never with
/// attacker-chosen input.
public struct AuthKey: Sendable, BitwiseCopyable, Equatable {
    /// Key length in bytes (`crypto_auth_KEYBYTES`).
    public static let byteCount = 32

    /// The key bytes in order.
    public var bytes: InlineArray<32, UInt8>

    /// A key from exactly 32 bytes; nil for any other length.
    public init?(bytes source: some Collection<UInt8>) {
        guard source.count == AuthKey.byteCount else { return nil }
        var b = InlineArray<32, UInt8>(repeating: 0)
        var i = 0
        for byte in source {
            b[i] = byte
            i += 1
        }
        bytes = b
    }

    /// A key from inline bytes.
    public init(_ bytes: InlineArray<32, UInt8>) { self.bytes = bytes }

    public static func == (a: AuthKey, b: AuthKey) -> Bool {
        for i in 0..<32 where a.bytes[i] != b.bytes[i] { return false }
        return true
    }
}
