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
        // Ethernet: multicast destinations get their mapped MAC (RFC 1112).
        if dst >> 28 == 0xE {
            frame += [0x01, 0x00, 0x5E, UInt8(dst >> 16 & 0x7F), UInt8(dst >> 8 & 0xFF), UInt8(dst & 0xFF)]
        } else {
            frame += [0x02, 0, 0, 0, 0, 0x02]
        }
        frame += [0x02, 0, 0, 0, 0, 0x01, 0x08, 0x00]
        let total = 20 + 8 + payload.count
        ipId &+= 1
        let ip: [UInt8] = [
            0x45, 0, UInt8(total >> 8), UInt8(total & 0xFF), UInt8(ipId >> 8), UInt8(ipId & 0xFF), 0x40, 0,
            64, 17, 0, 0,
            UInt8(src >> 24), UInt8(src >> 16 & 0xFF), UInt8(src >> 8 & 0xFF), UInt8(src & 0xFF),
            UInt8(dst >> 24), UInt8(dst >> 16 & 0xFF), UInt8(dst >> 8 & 0xFF), UInt8(dst & 0xFF),
        ]
        var sum: UInt32 = 0
        for i in stride(from: 0, to: 20, by: 2) { sum += UInt32(ip[i]) << 8 | UInt32(ip[i + 1]) }
        while sum >> 16 != 0 { sum = (sum & 0xFFFF) + (sum >> 16) }
        let checksum = ~UInt16(sum)
        frame += ip
        frame[14 + 10] = UInt8(checksum >> 8)
        frame[14 + 11] = UInt8(checksum & 0xFF)
        let udpLength = 8 + payload.count
        frame += [
            UInt8(source.port >> 8), UInt8(source.port & 0xFF), UInt8(destination.port >> 8),
            UInt8(destination.port & 0xFF), UInt8(udpLength >> 8), UInt8(udpLength & 0xFF), 0, 0,
        ]
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

    /// Flushes buffered frames to the file.
    public func flush() { pcap_dump_flush(dumper) }
}
