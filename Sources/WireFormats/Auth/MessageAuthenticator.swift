import CSodium

/// libsodium is initialised once per process; `sodium_init` is idempotent and
/// thread-safe, and a Swift global is initialised once, lazily, on first use.
private let sodiumStatus: Int32 = sodium_init()

/// Message authentication for SKAC reports (ICD 1.3) and binary cues
/// (Hardware/ICD.md 2.3): libsodium `crypto_auth`, i.e. HMAC-SHA-512
/// truncated to 256 bits, over every byte that precedes the tag.
///
/// Verification uses `crypto_auth_verify`, which compares in constant time,
/// so a forger learns nothing from how long a rejection takes.
public enum MessageAuthenticator {
    /// Tag length in bytes (`crypto_auth_BYTES`).
    public static let tagByteCount = 32

    /// True once libsodium initialised (it only fails if the process has no
    /// usable randomness source, which `crypto_auth` itself does not need).
    public static var isReady: Bool { sodiumStatus >= 0 }

    /// Writes the 32-byte tag of `message` under `key` into `tag`
    /// (which must hold at least 32 bytes; the encoders guarantee it).
    public static func tag(
        message: UnsafeRawBufferPointer, key: AuthKey, into tag: UnsafeMutableRawBufferPointer
    ) {
        precondition(tag.count >= tagByteCount, "tag buffer too small")
        _ = sodiumStatus
        withUnsafeBytes(of: key.bytes) { k in
            _ = crypto_auth(
                tag.baseAddress!.assumingMemoryBound(to: UInt8.self),
                message.baseAddress?.assumingMemoryBound(to: UInt8.self),
                UInt64(message.count),
                k.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// True when `tag` (exactly 32 bytes) authenticates `message` under `key`.
    /// Constant-time in the tag contents.
    public static func verify(
        tag: UnsafeRawBufferPointer, message: UnsafeRawBufferPointer, key: AuthKey
    ) -> Bool {
        guard tag.count == tagByteCount, let t = tag.baseAddress else { return false }
        _ = sodiumStatus
        return withUnsafeBytes(of: key.bytes) { k in
            crypto_auth_verify(
                t.assumingMemoryBound(to: UInt8.self),
                message.baseAddress?.assumingMemoryBound(to: UInt8.self),
                UInt64(message.count),
                k.baseAddress!.assumingMemoryBound(to: UInt8.self)) == 0
        }
    }
}
