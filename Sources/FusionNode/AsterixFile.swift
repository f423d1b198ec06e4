import Foundation

/// A raw ASTERIX recording (`.ast`, `.raw`, `.bin`): data blocks back to
/// back with no framing or timestamps, read as a sequence of one-block
/// datagrams. Bytes after the last whole block (a LEN below 3 or beyond
/// the file) are counted in `trailingBytes`, not delivered.
public struct AsterixFile: Sendable {
    /// The whole file.
    public let bytes: [UInt8]
    /// Byte ranges of the blocks, in file order.
    public let blocks: [Range<Int>]
    /// Bytes that do not form a whole block.
    public let trailingBytes: Int

    public init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        self.init(bytes: [UInt8](data))
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var ranges: [Range<Int>] = []
        var i = 0
        while bytes.count - i >= 3 {
            let length = Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])
            guard length >= 3, i + length <= bytes.count else { break }
            ranges.append(i..<(i + length))
            i += length
        }
        blocks = ranges
        trailingBytes = bytes.count - i
    }

    /// Calls `body` with every block as one datagram.
    public func forEachDatagram(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { all in
            for r in blocks { try body(UnsafeRawBufferPointer(rebasing: all[r])) }
        }
    }
}
