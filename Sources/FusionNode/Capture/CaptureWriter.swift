import Foundation
import FusionMath
import Simulation
import WireFormats

/// Writes a simulated run to files: the datagrams as a pcap (what the node
/// would have captured), the truth as JSON Lines (`TruthLines`), and the
/// generated acoustic sensor list.
public enum CaptureWriter {
    /// Where every simulated datagram is addressed: 127.0.0.1.
    public static let destinationIPv4: UInt32 = 0x7F00_0001

    /// Writes `capture`'s datagrams, in its order (arrival order once
    /// sorted), stamped with their arrival times, from their sources to
    /// 127.0.0.1:<their port>. Returns the datagrams written.
    @discardableResult
    public static func writePcap(_ capture: SimulatedCapture, to path: String) throws(PcapError) -> UInt64 {
        var writer = try PcapWriter(path: path)
        capture.bytes.withUnsafeBytes { all in
            for d in capture.datagrams {
                let payload = UnsafeRawBufferPointer(rebasing: all[d.payloadStart..<(d.payloadStart + d.payloadCount)])
                writer.write(
                    payload, from: IPEndpoint(ipv4: d.sourceIPv4, port: d.sourcePort),
                    to: IPEndpoint(ipv4: destinationIPv4, port: d.destinationPort), timeNs: d.arrivalNs)
            }
        }
        writer.flush()
        return writer.written
    }

    /// Writes the truth of `scenario` (one line per flying target per second).
    public static func writeTruth(_ scenario: Scenario, to path: String) throws {
        var text = TextByteBuffer(capacity: 1 << 20)
        TruthLines.append(scenario, to: &text)
        try Data(text.bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Writes the simulated acoustic sensors as a JSON array of
    /// `{"sensor_id", "lat", "lon", "alt_m"}` (7 and 2 decimals).
    public static func writeAcousticSites(_ sites: [SiteSensors.AcousticSite], to path: String) throws {
        var text = TextByteBuffer(capacity: 4096)
        text.append("[\n")
        for (k, s) in sites.enumerated() {
            text.append("  {\"sensor_id\": ")
            text.appendInteger(UInt64(s.sensorID))
            text.append(", \"lat\": ")
            text.appendJSONNumber(s.position.latitudeDeg, decimals: 7)
            text.append(", \"lon\": ")
            text.appendJSONNumber(s.position.longitudeDeg, decimals: 7)
            text.append(", \"alt_m\": ")
            text.appendJSONNumber(s.position.heightM, decimals: 2)
            text.append(k + 1 < sites.count ? "},\n" : "}\n")
        }
        text.append("]\n")
        try Data(text.bytes).write(to: URL(fileURLWithPath: path))
    }
}
