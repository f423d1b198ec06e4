/// A short name (zone, interceptor) held inline as up to 16 UTF-8 bytes.
///
/// Zone and interceptor names from the site configuration (ICD 3) travel in
/// every cue event. Holding them as fixed bytes keeps `CueEvent` a plain
/// bitwise-copyable value that never allocates, and lets a configuration
/// reload find "the same" zone or interceptor by name.
@frozen
public struct CueName: Sendable, BitwiseCopyable, Equatable {
    /// Longest name, bytes.
    public static let capacity = 16

    public var bytes: InlineArray<16, UInt8>
    public var count: Int

    /// The empty name.
    @inlinable public init() {
        bytes = InlineArray(repeating: 0)
        count = 0
    }

    /// A name from UTF-8 bytes; nil when longer than `capacity`.
    @inlinable public init?<S: Sequence>(utf8: S) where S.Element == UInt8 {
        self.init()
        for b in utf8 {
            guard count < CueName.capacity else { return nil }
            bytes[count] = b
            count += 1
        }
    }

    /// A name from a string; nil when its UTF-8 form is longer than `capacity`.
    @inlinable public init?(_ text: String) { self.init(utf8: text.utf8) }

    @inlinable public var isEmpty: Bool { count == 0 }

    @inlinable public static func == (a: CueName, b: CueName) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a.bytes[i] != b.bytes[i] { return false }
        return true
    }
}
