import WireFormats

/// Unwraps a captured frame down to its UDP payload. Pure byte parsing,
/// bounds-checked: used by `PcapReader` and testable without files.
public enum LinkLayer {
    /// DLT values (pcap/dlt.h, Linux numbering).
    public static let ethernet: Int32 = 1
    public static let null: Int32 = 0
    public static let loop: Int32 = 108
    public static let raw: Int32 = 12
    public static let rawLinktype: Int32 = 101
    public static let raw14: Int32 = 14
    public static let linuxSLL: Int32 = 113
    public static let linuxSLL2: Int32 = 276
    public static let ipv4: Int32 = 228
    public static let ipv6: Int32 = 229

    public static func supports(_ dlt: Int32) -> Bool {
        switch dlt {
        case ethernet, null, loop, raw, rawLinktype, raw14, linuxSLL, linuxSLL2, ipv4, ipv6: true
        default: false
        }
    }

    public enum Outcome {
        case datagram(source: IPEndpoint, destination: IPEndpoint, payload: UnsafeRawBufferPointer)
        case notUDP, fragment, truncated
    }

    /// The UDP datagram in `frame` (captured bytes) of link type `linkType`.
    /// `wireLength` is the frame's original length: a frame cut by the
    /// snap length is `.truncated`.
    public static func udp(in frame: UnsafeRawBufferPointer, linkType: Int32, wireLength: Int) -> Outcome {
        var r = ByteReader(frame)
        var etherType: UInt16
        switch linkType {
        case ethernet:
            guard r.skip(12), let t = r.readUInt16() else { return .truncated }
            etherType = t
        case linuxSLL:
            guard r.skip(14), let t = r.readUInt16() else { return .truncated }
            etherType = t
        case linuxSLL2:
            guard let t = r.readUInt16(), r.skip(18) else { return .truncated }
            etherType = t
        case null, loop:
            guard r.skip(4), let v = r.peek() else { return .truncated }
            etherType = v >> 4 == 6 ? 0x86DD : 0x0800
        default:  // raw IP
            guard let v = r.peek() else { return .truncated }
            etherType = v >> 4 == 6 ? 0x86DD : 0x0800
        }
        // 802.1Q / 802.1ad / QinQ tags: TCI then the inner type.
        while etherType == 0x8100 || etherType == 0x88A8 || etherType == 0x9100 {
            guard r.skip(2), let t = r.readUInt16() else { return .truncated }
            etherType = t
        }
        let capturedAll = frame.count >= wireLength
        switch etherType {
        case 0x0800: return ipv4UDP(&r, capturedAll: capturedAll)
        case 0x86DD: return ipv6UDP(&r, capturedAll: capturedAll)
        default: return .notUDP
        }
    }

    static func ipv4UDP(_ r: inout ByteReader, capturedAll: Bool) -> Outcome {
        let start = r.offset
        guard let vihl = r.peek(), vihl >> 4 == 4 else { return .notUDP }
        let ihl = Int(vihl & 0x0F) * 4
        guard ihl >= 20, r.remaining >= ihl else { return .truncated }
        guard r.skip(2), let total = r.readUInt16(), r.skip(2), let frag = r.readUInt16(), r.skip(1),
            let proto = r.readUInt8(), r.skip(2), let src = r.readUInt32(), let dst = r.readUInt32(),
            r.skip(ihl - 20)
        else { return .truncated }
        guard proto == 17 else { return .notUDP }
        guard frag & 0x3FFF == 0 else { return .fragment }  // MF set or offset: not reassembled
        let ipPayload = Int(total) - ihl
        guard ipPayload >= 8, start + Int(total) <= r.bytes.count else { return .truncated }
        return udpPayload(
            &r, limit: ipPayload, capturedAll: capturedAll,
            source: { IPEndpoint(ipv4: src, port: $0) }, destination: { IPEndpoint(ipv4: dst, port: $0) })
    }

    static func ipv6UDP(_ r: inout ByteReader, capturedAll: Bool) -> Outcome {
        guard let v = r.peek(), v >> 4 == 6 else { return .notUDP }
        guard r.skip(4), let payloadLength = r.readUInt16(), var next = r.readUInt8(), r.skip(1),
            let sh = r.readUInt64(), let sl = r.readUInt64(), let dh = r.readUInt64(), let dl = r.readUInt64()
        else { return .truncated }
        var remaining = Int(payloadLength)
        // Walk hop-by-hop (0), routing (43) and destination options (60) headers.
        while next == 0 || next == 43 || next == 60 {
            guard let n = r.readUInt8(), let len = r.readUInt8() else { return .truncated }
            let size = (Int(len) + 1) * 8
            guard r.skip(size - 2) else { return .truncated }
            remaining -= size
            next = n
        }
        if next == 44 { return .fragment }
        guard next == 17 else { return .notUDP }
        guard remaining >= 8, remaining <= r.remaining else { return .truncated }
        return udpPayload(
            &r, limit: remaining, capturedAll: capturedAll,
            source: { IPEndpoint(addressHigh: sh, addressLow: sl, port: $0) },
            destination: { IPEndpoint(addressHigh: dh, addressLow: dl, port: $0) })
    }

    static func udpPayload(
        _ r: inout ByteReader, limit: Int, capturedAll: Bool,
        source: (UInt16) -> IPEndpoint, destination: (UInt16) -> IPEndpoint
    ) -> Outcome {
        guard capturedAll, let sp = r.readUInt16(), let dp = r.readUInt16(), let length = r.readUInt16(), r.skip(2)
        else { return .truncated }
        let n = Int(length) - 8
        guard n >= 0, n <= limit - 8, let payload = r.readBytes(n) else { return .truncated }
        return .datagram(source: source(sp), destination: destination(dp), payload: payload)
    }
}
