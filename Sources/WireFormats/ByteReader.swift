/// A bounds-checked big-endian cursor over borrowed bytes: the one reader of
/// every byte format the node takes in (ASTERIX, SKAC, the binary cue, and
/// FusionNode's link-layer unwrapping).
///
/// Every read returns nil when the input is too short, so a decoder built on
/// it cannot read past the end (STYLE.md, "Errors and bad input"). The reader
/// does not own the bytes: the caller keeps them alive while it is in use
/// (they are the datagram being decoded). It never allocates.
public struct ByteReader {
    /// The whole buffer being read.
    public let bytes: UnsafeRawBufferPointer
    /// Index of the next byte to read; never exceeds `bytes.count`.
    @usableFromInline var _offset: Int = 0
    public var offset: Int { _offset }

    @inlinable public init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self._offset = min(max(0, offset), bytes.count)
    }

    /// Bytes left to read.
    @inlinable public var remaining: Int { bytes.count - offset }

    /// True when nothing is left.
    @inlinable public var isAtEnd: Bool { offset >= bytes.count }

    /// The byte `ahead` positions after the cursor (negative: already
    /// consumed), without moving; nil outside the buffer.
    @inlinable public func peek(_ ahead: Int = 0) -> UInt8? {
        let i = offset + ahead
        guard i >= 0, i < bytes.count else { return nil }
        return bytes[i]
    }

    @inlinable public mutating func readUInt8() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { _offset += 1 }
        return bytes[offset]
    }

    /// A big-endian integer of `T`'s width (signed ones two's complement).
    @inlinable public mutating func read<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard size <= remaining, let base = bytes.baseAddress else { return nil }
        let value = base.loadUnaligned(fromByteOffset: offset, as: T.self)
        _offset += size
        return T(bigEndian: value)
    }

    @inlinable public mutating func readUInt16() -> UInt16? { read(UInt16.self) }

    /// A 3-byte big-endian unsigned integer (common in ASTERIX: time of day, addresses).
    @inlinable public mutating func readUInt24() -> UInt32? {
        guard let v = readBigEndian(3) else { return nil }
        return UInt32(truncatingIfNeeded: v)
    }

    @inlinable public mutating func readUInt32() -> UInt32? { read(UInt32.self) }
    @inlinable public mutating func readUInt64() -> UInt64? { read(UInt64.self) }
    @inlinable public mutating func readInt16() -> Int16? { read(Int16.self) }
    @inlinable public mutating func readInt32() -> Int32? { read(Int32.self) }
    @inlinable public mutating func readInt64() -> Int64? { read(Int64.self) }

    /// `count` (0...8) bytes as one big-endian unsigned integer.
    @inlinable public mutating func readBigEndian(_ count: Int) -> UInt64? {
        guard count >= 0, count <= 8, count <= remaining else { return nil }
        var v: UInt64 = 0
        for i in 0..<count { v = v << 8 | UInt64(bytes[offset + i]) }
        _offset += count
        return v
    }

    /// Advances by `count` bytes; false (and no move) when fewer remain.
    @inlinable public mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, count <= remaining else { return false }
        _offset += count
        return true
    }

    /// The next `count` bytes as a slice, consumed; nil when fewer remain.
    @inlinable public mutating func readBytes(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, count <= remaining else { return nil }
        defer { _offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }
}

/// Sign-extends the low `bits` bits of `value` (two's complement fields of
/// odd widths: 10-bit Doppler, 14-bit heights, 24-bit coordinates).
@inlinable public func signExtend(_ value: UInt64, bits: Int) -> Int64 {
    let shift = 64 - bits
    return Int64(bitPattern: value << UInt64(shift)) >> Int64(shift)
}
