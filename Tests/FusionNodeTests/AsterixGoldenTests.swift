import Foundation
import FusionNode
import Testing
import WireFormats

/// Our CAT048/034/021 decode against tshark 4.0's (the committed goldens,
/// and a fresh tshark run when tshark is installed).
@Suite(.enabled(if: TestPaths.hasData, "needs ../shared/data (reference captures)"))
struct AsterixGoldenTests {
    /// (golden name, input path, is it a capture)
    static let inputs: [(String, String, Bool)] = [
        ("cat_034_048", "croatiacontrol-asterix/cat_034_048.pcap", true),
        ("cat034ed1.26", "jasterix/cat034ed1.26.bin", false),
        ("cat048ed1.15", "jasterix/cat048ed1.15.bin", false),
        ("cat048ed1.23", "jasterix/cat048ed1.23.bin", false),
        ("cat021ed2.1", "jasterix/cat021ed2.1.bin", false),
        ("cat21_re", "croatiacontrol-asterix/cat21_re.ast", false),
    ]

    static func datagrams(_ path: String, capture: Bool) throws -> [[UInt8]] {
        capture ? try capturePayloads(TestPaths.dataFile(path)) : try rawPayloads(TestPaths.dataFile(path))
    }

    @Test(arguments: inputs.map { $0.0 })
    func decodeMatchesCommittedGolden(name: String) throws {
        let (_, path, capture) = try #require(Self.inputs.first { $0.0 == name })
        let golden = try TsharkGolden.records(file: TestPaths.golden.appendingPathComponent("\(name).json"))
        #expect(!golden.isEmpty, "golden \(name) holds records")
        let (sink, decoder) = decodeAll(try Self.datagrams(path, capture: capture))
        #expect(decoder.rejections.total == 0, "\(name): nothing rejected")
        GoldenComparison.compare(sink.records, golden, name)
    }

    @Test func captureHasTheRecordCountsOfSources() throws {
        // SOURCES.md: 128 CAT048 records and 34 CAT034 records (tshark and
        // asterix_decoder agree there).
        let (sink, _) = decodeAll(try Self.datagrams(Self.inputs[0].1, capture: true))
        var plots = 0, messages = 0
        for r in sink.records {
            if case .plot = r { plots += 1 }
            if case .message = r { messages += 1 }
        }
        #expect(plots == 128)
        #expect(messages == 34)
    }

    @Test(.enabled(if: TestPaths.tool("tshark") != nil, "tshark not installed"), arguments: inputs.map { $0.0 })
    func freshTsharkDecodeMatchesGoldenAndOurs(name: String) throws {
        let (_, path, capture) = try #require(Self.inputs.first { $0.0 == name })
        let tshark = try #require(TestPaths.tool("tshark"))
        var pcap = TestPaths.dataFile(path)
        var decodeAs = "udp.port==21111-22135,asterix"
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        if !capture {
            // Wrap each block in a UDP datagram with our own writer.
            pcap = dir.appendingPathComponent("\(name).pcap").path
            var writer = try PcapWriter(path: pcap)
            for (k, block) in try Self.datagrams(path, capture: false).enumerated() {
                writer.write(
                    block, from: IPEndpoint("10.0.0.1", port: 40000)!, to: IPEndpoint("10.0.0.2", port: 8600)!,
                    timeNs: 1_700_000_000_000_000_000 + Int64(k) * 1_000_000_000)
            }
            writer.flush()
            decodeAs = "udp.port==8600,asterix"
        }
        let json = try TestPaths.run(tshark, ["-r", pcap, "-d", decodeAs, "-T", "json", "--no-duplicate-keys", "-J", "asterix"])
        let fresh = try TsharkGolden.records(json: json)
        let golden = try TsharkGolden.records(file: TestPaths.golden.appendingPathComponent("\(name).json"))
        #expect(fresh == golden, "\(name): tshark today equals the committed golden")
        let (sink, _) = decodeAll(try Self.datagrams(path, capture: capture))
        GoldenComparison.compare(sink.records, fresh, name)
    }
}
