/// A bounds-checked big-endian writer into a caller-provided buffer, the
/// encoding twin of `WireFieldReader`. Writing past the end sets `overflowed`
/// and writes nothing, so an encoder checks once at the end.
struct ByteWriter {
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
