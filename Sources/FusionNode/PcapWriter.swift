import CPcap

/// Writes UDP datagrams to a classic pcap file (nanosecond timestamps),
/// each framed as Ethernet/IPv4/UDP (UDP checksum 0, IPv4 header checksum
/// computed), for recordings, `--outputs-pcap` and tests. Closed in deinit.
public struct PcapWriter: ~Copyable {
    private let handle: OpaquePointer
    private let dumper: OpaquePointer
    private var frame: [UInt8] = []
    private var ipId: UInt16 = 0
    /// Datagrams written.
    public private(set) var written: UInt64 = 0

    public init(path: String) throws(PcapError) {
        guard let h = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, 65_535, UInt32(PCAP_TSTAMP_PRECISION_NANO))
        else { throw .open("pcap_open_dead failed") }
        guard let d = pcap_dump_open(h, path) else {
            let message = String(cString: pcap_geterr(h))
            pcap_close(h)
            throw .open(message)
        }
        handle = h
        dumper = d
        frame.reserveCapacity(2048)
    }

    deinit {
        pcap_dump_close(dumper)
        pcap_close(handle)
    }

    /// Appends one datagram. Returns false (nothing written) when an
    /// endpoint is not IPv4 or the payload does not fit one IPv4 packet.
    @discardableResult
    public mutating func write(
        _ payload: UnsafeRawBufferPointer, from source: IPEndpoint, to destination: IPEndpoint, timeNs: Int64
    ) -> Bool {
        guard let src = source.ipv4, let dst = destination.ipv4, payload.count <= 65_507 else { return false }
        frame.removeAll(keepingCapacity: true)
        // Built byte by byte into the reused buffer: no allocation per datagram.
        // Ethernet: multicast destinations get their mapped MAC (RFC 1112).
        if dst >> 28 == 0xE {
            put(0x0100_5E00_0000 | UInt64(dst & 0x7F_FFFF), 6)
        } else {
            put(0x0200_0000_0002, 6)
        }
        put(0x0200_0000_0001, 6)
        put(0x0800, 2)
        let total = 20 + 8 + payload.count
        ipId &+= 1
        let ipStart = frame.count
        put(0x4500, 2)
        put(UInt64(total), 2)
        put(UInt64(ipId), 2)
        put(0x4000, 2)  // don't fragment
        put(0x4011, 2)  // TTL 64, UDP
        put(0, 2)  // checksum, below
        put(UInt64(src), 4)
        put(UInt64(dst), 4)
        var sum: UInt32 = 0
        for i in stride(from: ipStart, to: ipStart + 20, by: 2) { sum += UInt32(frame[i]) << 8 | UInt32(frame[i + 1]) }
        while sum >> 16 != 0 { sum = (sum & 0xFFFF) + (sum >> 16) }
        let checksum = ~UInt16(sum)
        frame[ipStart + 10] = UInt8(checksum >> 8)
        frame[ipStart + 11] = UInt8(checksum & 0xFF)
        put(UInt64(source.port), 2)
        put(UInt64(destination.port), 2)
        put(UInt64(8 + payload.count), 2)
        put(0, 2)  // UDP checksum: none (allowed over IPv4)
        frame.append(contentsOf: payload)
        let (sec, nsec) = timeNs.quotientAndRemainder(dividingBy: 1_000_000_000)
        var header = pcap_pkthdr()
        // Nanosecond precision file: tv_usec carries nanoseconds.
        header.ts.tv_sec = Int(nsec < 0 ? sec - 1 : sec)
        header.ts.tv_usec = Int(nsec < 0 ? nsec + 1_000_000_000 : nsec)
        header.caplen = UInt32(frame.count)
        header.len = UInt32(frame.count)
        frame.withUnsafeBufferPointer { bytes in
            pcap_dump(UnsafeMutableRawPointer(dumper).assumingMemoryBound(to: UInt8.self), &header, bytes.baseAddress)
        }
        written &+= 1
        return true
    }

    /// Array convenience.
    @discardableResult
    public mutating func write(_ payload: [UInt8], from source: IPEndpoint, to destination: IPEndpoint, timeNs: Int64) -> Bool {
        payload.withUnsafeBytes { write($0, from: source, to: destination, timeNs: timeNs) }
    }

    private mutating func put(_ v: UInt64, _ n: Int) {
        for k in stride(from: n - 1, through: 0, by: -1) { frame.append(UInt8(truncatingIfNeeded: v >> UInt64(8 * k))) }
    }

    /// Flushes buffered frames to the file.
    public func flush() { pcap_dump_flush(dumper) }
}
