/// A decoded SKAC datagram: the header and up to 64 detections, stored
/// inline (about 1.6 KB) so that decoding into a reused report never
/// allocates (ICD 1.3).
///
/// Only `detections[0..<count]` are meaningful; `==` compares those alone.
public struct SKACReport: Sendable, BitwiseCopyable, Equatable {
    /// Most detections one datagram may carry.
    public static let maxDetections = 64

    public var header: SKACHeader
    /// Detection storage; the first `count` entries are valid.
    public var detections: InlineArray<64, SKACDetection>

    /// An empty report (count 0), to be filled by `SKACCodec.parse` or by hand.
    public init(header: SKACHeader = SKACHeader()) {
        self.header = header
        detections = InlineArray(repeating: SKACDetection())
    }

    /// Valid detections, from the header (clamped to capacity).
    public var count: Int { min(Int(header.detectionCount), SKACReport.maxDetections) }

    /// Appends a detection and bumps `header.detectionCount`; false when full.
    @discardableResult
    public mutating func append(_ d: SKACDetection) -> Bool {
        let n = count
        guard n < SKACReport.maxDetections else { return false }
        detections[n] = d
        header.detectionCount = UInt16(n + 1)
        return true
    }

    /// Datagram length on the wire for this report.
    public var encodedByteCount: Int {
        SKACHeader.byteCount + SKACDetection.byteCount * count
            + (header.flags.contains(.authenticated) ? MessageAuthenticator.tagByteCount : 0)
    }

    public static func == (a: SKACReport, b: SKACReport) -> Bool {
        guard a.header == b.header else { return false }
        for i in 0..<a.count where a.detections[i] != b.detections[i] { return false }
        return true
    }
}
