import CPcap

/// One UDP datagram out of a capture. `payload` points into libpcap's
/// buffer and is valid only until the reader's next read.
public struct CapturedDatagram {
    /// Capture time, ns since the Unix epoch.
    public var timeNs: Int64
    public var source: IPEndpoint
    public var destination: IPEndpoint
    public var payload: UnsafeRawBufferPointer
}

/// Why a capture could not be opened.
public enum PcapError: Error, Sendable, Equatable {
    /// libpcap's message (file missing, not a capture, ...).
    case open(String)
    /// A link type the reader cannot unwrap to IP.
    case unsupportedLinkType(Int32)
}

/// Reads UDP datagrams from a pcap or pcapng file through libpcap
/// (`pcap_open_offline`, nanosecond timestamps). Link layers: Ethernet
/// (with any number of 802.1Q/802.1ad tags), Linux cooked SLL and SLL2,
/// raw IP, BSD loopback; IPv4 and IPv6 (extension headers walked). Frames
/// that are not UDP, fragments and truncated frames are counted and skipped.
public struct PcapReader: ~Copyable {
    private let handle: OpaquePointer
    /// The capture's link type (DLT_*).
    public let linkType: Int32
    /// Frames read, UDP datagrams delivered, and frames skipped by reason.
    public private(set) var frames: UInt64 = 0
    public private(set) var datagrams: UInt64 = 0
    public private(set) var notUDP: UInt64 = 0
    public private(set) var fragments: UInt64 = 0
    public private(set) var truncated: UInt64 = 0
    /// Set when libpcap reported a read error (the file ended badly); reading stops there.
    public private(set) var readError: String?

    public init(path: String) throws(PcapError) {
        var errbuf = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        guard let h = pcap_open_offline_with_tstamp_precision(path, UInt32(PCAP_TSTAMP_PRECISION_NANO), &errbuf)
        else {
            throw .open(String(decoding: errbuf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let dlt = pcap_datalink(h)
        guard LinkLayer.supports(dlt) else {
            pcap_close(h)
            throw .unsupportedLinkType(dlt)
        }
        handle = h
        linkType = dlt
    }

    deinit { pcap_close(handle) }

    /// The next UDP datagram, or nil at the end of the capture.
    public mutating func next() -> CapturedDatagram? {
        while true {
            var header: UnsafeMutablePointer<pcap_pkthdr>?
            var data: UnsafePointer<UInt8>?
            let rc = pcap_next_ex(handle, &header, &data)
            if rc == -2 { return nil }  // end of file
            if rc < 0 {
                readError = String(cString: pcap_geterr(handle))
                return nil
            }
            guard rc == 1, let header, let data else { continue }
            frames &+= 1
            let h = header.pointee
            let frame = UnsafeRawBufferPointer(start: data, count: Int(h.caplen))
            // With nanosecond precision libpcap puts nanoseconds in tv_usec.
            let timeNs = Int64(h.ts.tv_sec) * 1_000_000_000 + Int64(h.ts.tv_usec)
            switch LinkLayer.udp(in: frame, linkType: linkType, wireLength: Int(h.len)) {
            case .datagram(let source, let destination, let payload):
                datagrams &+= 1
                return CapturedDatagram(timeNs: timeNs, source: source, destination: destination, payload: payload)
            case .notUDP: notUDP &+= 1
            case .fragment: fragments &+= 1
            case .truncated: truncated &+= 1
            }
        }
    }

    /// Calls `body` with every remaining UDP datagram.
    public mutating func forEach(_ body: (CapturedDatagram) throws -> Void) rethrows {
        while let d = next() { try body(d) }
    }
}
