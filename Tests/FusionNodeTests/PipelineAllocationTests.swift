#if canImport(Glibc)
import Glibc
import TestSupport
import Testing
import WireFormats
import FusionMath
import FusionNode
import Foundation

/// Counts what a sink is given, without allocating.
struct CountingNodeSink: NodeSink {
    var datagrams = 0, tracks = 0, cues = 0, bytes = 0
    mutating func send(_ b: UnsafeRawBufferPointer, to output: NodeOutput, atNs timeNs: Int64) {
        datagrams += 1
        bytes += b.count
    }
    mutating func trackReport(_ line: TrackReportLine, json: UnsafeRawBufferPointer) {
        tracks += 1
        bytes += json.count
    }
    mutating func cueReport(_ line: CueReportLine, json: UnsafeRawBufferPointer) {
        cues += 1
        bytes += json.count
    }
}

/// The hot path: datagram in, measurements, engine, outputs out, with no
/// heap allocation per datagram or per tick once running (STYLE.md).
///
/// The runtime hook is process-wide, and WireFormatsTests' AllocationTests
/// install their own: two suites swapping it at once crash. So these run
/// in a child process of the test binary that runs this suite alone
/// (`PipelineAllocationChild`), and this suite checks its verdict.
@Suite struct PipelineAllocationTests {
    @Test func hotPathRunsInAChildProcessWithoutAllocating() throws {
        guard let binary = CommandLine.arguments.first, FileManager.default.isExecutableFile(atPath: binary),
            binary.hasSuffix(".xctest") || binary.contains("PackageTests")
        else {
            print("PipelineAllocationTests: test binary not found; skipped")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--testing-library", "swift-testing", "--filter", "PipelineAllocationChild"]
        var environment = ProcessInfo.processInfo.environment
        environment["SKYCUE_ALLOCATION_CHILD"] = "1"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text.suffix(3000))")
        #expect(text.contains("steadyStateRadarAndADSBDoNotAllocate() passed"), "the child ran: \(text.suffix(2000))")
        #expect(text.contains("steadyStateAcousticDoesNotAllocate() passed"), "the child ran: \(text.suffix(2000))")
    }
}

@Suite(
    .serialized,
    .enabled(if: ProcessInfo.processInfo.environment["SKYCUE_ALLOCATION_CHILD"] == "1", "run by PipelineAllocationTests"),
    .enabled(if: AllocationCounter.available, "Swift runtime allocation hook not found"))
struct PipelineAllocationChild {
    typealias S = SyntheticSite

    /// 40 s of a radar drone, an ADS-B drone and (optionally) an acoustic
    /// sensor's reports, built before counting.
    static func datagrams(frame: LocalFrame, acoustic: Bool) throws -> [(bytes: [UInt8], port: UInt16, at: Int64)] {
        var noise = TestNoise(seed: 5)
        var datagrams: [(bytes: [UInt8], port: UInt16, at: Int64)] = []
        let start = Vector3(7_000, 5_000, 420), velocity = Vector3(-15, 12, 0)
        let drone = Vector3(4_000, 1_000, 300), droneVelocity = Vector3(-30, -7, 0)
        for k in 0..<40 {
            let tNs = S.startNs + Int64(k) * 1_000_000_000 + 300_000_000
            let t = Double(tNs - S.startNs) * 1e-9
            let view = S.radarView(of: S.truth(t, start: start, velocity: velocity), frame: frame)
            let plot = AsterixBytes.cat048(
                sic: 1, timeNs: tNs, rangeM: view.rangeM + noise.normal(8), azimuthDeg: view.azimuthDeg + noise.normal(0.2),
                heightM: view.heightM + noise.normal(15), amplitudeDbm: -80, typ: 1)
            datagrams.append((AsterixBytes.block(category: 48, [plot]), S.radarPort, tNs + 50_000_000))
            let g = frame.geodetic(fromENU: S.truth(t, start: drone, velocity: droneVelocity))
            let adsb = AsterixBytes.cat021(timeNs: tNs, position: g, address: 0xABCDEF, emitterCategory: 13)
            datagrams.append((AsterixBytes.block(category: 21, [adsb]), S.adsbPort, tNs + 60_000_000))
            guard acoustic else { continue }
            var report = SKACReport(header: SKACHeader(
                flags: [.elevationValid], sensorId: 9, sequence: UInt32(k + 1), reportTimeNs: tNs,
                latitudeE7: 504_500_000, longitudeE7: 305_000_000, altitudeMm: 180_000))
            report.append(SKACDetection(azimuthRaw: 20_000, elevationCentiDeg: 300, bearingSigmaCentiDeg: 200))
            datagrams.append((try SKACCodec.encode(report, key: nil), S.acousticPort, tNs + 70_000_000))
        }
        return datagrams
    }

    /// Runs the first half as warm-up (tracks confirmed, cues issued,
    /// buffers grown), then counts allocations over the second half.
    static func steadyStateAllocations(acoustic: Bool) throws -> (allocations: Int, datagrams: Int) {
        var pipeline = try NodePipeline(configuration: try S.configuration(), origin: S.origin)
        let datagrams = try Self.datagrams(frame: pipeline.frame, acoustic: acoustic)
        var sink = CountingNodeSink()
        func run(_ range: Range<Int>, _ pipeline: inout NodePipeline, _ sink: inout CountingNodeSink) {
            for i in range {
                let d = datagrams[i]
                while let due = pipeline.nextDueNs, due <= d.at { pipeline.tick(nowNs: due, sink: &sink) }
                d.bytes.withUnsafeBytes { pipeline.receive(datagram: $0, destinationPort: d.port, arrivalNs: d.at, sink: &sink) }
            }
        }
        let half = datagrams.count / 2
        run(0..<half, &pipeline, &sink)
        let before = sink
        let n = AllocationCounter.counting { run(half..<datagrams.count, &pipeline, &sink) }
        #expect(pipeline.engineCounters.tracksConfirmed >= 2)
        #expect(sink.tracks > before.tracks && sink.datagrams > before.datagrams, "outputs ran while counting")
        #expect(sink.cues > 0, "cues were issued")
        return (n, datagrams.count - half)
    }

    @Test func steadyStateRadarAndADSBDoNotAllocate() throws {
        let (n, count) = try Self.steadyStateAllocations(acoustic: false)
        #expect(n == 0, "\(n) allocations in 20 s of steady state (\(count) datagrams, 20 ticks)")
    }

    /// Acoustic reports too: a bearing that joins no track must not cost an
    /// allocation (it used to, through the initialiser's thrown error).
    @Test func steadyStateAcousticDoesNotAllocate() throws {
        let (n, count) = try Self.steadyStateAllocations(acoustic: true)
        #expect(n == 0, "\(n) allocations in 20 s of steady state (\(count) datagrams with acoustic reports)")
    }
}
#endif
