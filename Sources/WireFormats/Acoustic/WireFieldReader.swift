/// A bounds-checked big-endian reader over borrowed bytes, private to the
/// SKAC and SKCU codecs (the ASTERIX code has its own `ByteReader`).
///
/// Every read returns nil instead of reading past the end, so a decoder
/// built on it cannot trap on short input (STYLE: "Decoders read big-endian
/// integers that return nil on short input"). It never allocates.
struct WireFieldReader {
    /// The bytes being read; borrowed, valid only inside the caller's scope.
    let bytes: UnsafeRawBufferPointer
    /// Next byte to read.
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// Bytes left after `offset`.
    var remaining: Int { bytes.count - offset }

    @inline(__always)
    private mutating func load<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard offset >= 0, size <= remaining, let base = bytes.baseAddress else { return nil }
        let value = base.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(bigEndian: value)
    }

    mutating func u8() -> UInt8? { load(UInt8.self) }
    mutating func u16() -> UInt16? { load(UInt16.self) }
    mutating func u32() -> UInt32? { load(UInt32.self) }
    mutating func u64() -> UInt64? { load(UInt64.self) }
    mutating func i16() -> Int16? { load(Int16.self) }
    mutating func i32() -> Int32? { load(Int32.self) }
    mutating func i64() -> Int64? { load(Int64.self) }

    /// Skips `count` bytes; false (and no move) if fewer remain.
    mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, count <= remaining else { return false }
        offset += count
        return true
    }
}

/// A bounds-checked big-endian writer into a caller-provided buffer, the
/// encoding twin of `WireFieldReader`. Writing past the end sets `overflowed`
/// and writes nothing, so an encoder checks once at the end.
struct WireFieldWriter {
    let bytes: UnsafeMutableRawBufferPointer
    private(set) var offset: Int = 0
    private(set) var overflowed = false

    init(_ bytes: UnsafeMutableRawBufferPointer) { self.bytes = bytes }

    @inline(__always)
    private mutating func store<T: FixedWidthInteger>(_ value: T) {
        let size = MemoryLayout<T>.size
        guard !overflowed, size <= bytes.count - offset, let base = bytes.baseAddress else {
            overflowed = true
            return
        }
        base.storeBytes(of: value.bigEndian, toByteOffset: offset, as: T.self)
        offset += size
    }

    mutating func u8(_ v: UInt8) { store(v) }
    mutating func u16(_ v: UInt16) { store(v) }
    mutating func u32(_ v: UInt32) { store(v) }
    mutating func u64(_ v: UInt64) { store(v) }
    mutating func i16(_ v: Int16) { store(v) }
    mutating func i32(_ v: Int32) { store(v) }
    mutating func i64(_ v: Int64) { store(v) }

    /// Writes `count` zero bytes.
    mutating func zeros(_ count: Int) {
        for _ in 0..<count { store(UInt8(0)) }
    }
}
