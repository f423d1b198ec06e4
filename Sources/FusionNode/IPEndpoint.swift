/// An IPv4 or IPv6 address and UDP port, as read from a capture or socket.
/// IPv4 addresses are held as IPv4-mapped IPv6 (::ffff:a.b.c.d), so that
/// one fixed-size value covers both.
public struct IPEndpoint: Sendable, BitwiseCopyable, Hashable, CustomStringConvertible {
    /// The 128-bit address, big-endian halves.
    public var addressHigh: UInt64
    public var addressLow: UInt64
    public var port: UInt16

    public init(addressHigh: UInt64, addressLow: UInt64, port: UInt16) {
        self.addressHigh = addressHigh
        self.addressLow = addressLow
        self.port = port
    }

    /// An IPv4 endpoint from its 32-bit address (a.b.c.d = a<<24 | ...).
    public init(ipv4: UInt32, port: UInt16) {
        self.init(addressHigh: 0, addressLow: 0x0000_FFFF_0000_0000 | UInt64(ipv4), port: port)
    }

    /// An IPv4 endpoint from dotted text ("232.1.1.31"); nil when not dotted-quad.
    public init?(_ dotted: String, port: UInt16) {
        let parts = dotted.split(separator: ".")
        guard parts.count == 4 else { return nil }
        var v: UInt32 = 0
        for p in parts {
            guard let b = UInt8(p) else { return nil }
            v = v << 8 | UInt32(b)
        }
        self.init(ipv4: v, port: port)
    }

    public var isIPv4: Bool { addressHigh == 0 && addressLow >> 32 == 0xFFFF }
    /// The IPv4 address, when this is one.
    public var ipv4: UInt32? { isIPv4 ? UInt32(truncatingIfNeeded: addressLow) : nil }

    public var description: String {
        if let v4 = ipv4 {
            return "\(v4 >> 24).\(v4 >> 16 & 0xFF).\(v4 >> 8 & 0xFF).\(v4 & 0xFF):\(port)"
        }
        var groups: [String] = []
        for k in 0..<8 {
            let half = k < 4 ? addressHigh : addressLow
            groups.append(String(UInt16(truncatingIfNeeded: half >> UInt64(48 - 16 * (k % 4))), radix: 16))
        }
        return "[\(groups.joined(separator: ":"))]:\(port)"
    }
}
