import Foundation
import FusionCore
import Simulation
import WireFormats

/// Shared helpers of the SKAC / SKCU / CoT / JSONL tests (prefixed so they
/// cannot collide with other suites in this target).
enum WireTestKit {
    /// The package root, from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// shared/data, next to the package (`../shared/data`).
    static let sharedData: URL = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared").appendingPathComponent("data")

    /// The MITRE CoT base-event schema (two spaces in the name).
    static let cotSchema: URL = sharedData.appendingPathComponent("atak-cot/mitre/CoT Base-Event Schema  (PUBLIC RELEASE).xsd")

    static var hasCoTSchema: Bool { FileManager.default.fileExists(atPath: cotSchema.path) }

    /// Absolute path of an executable on PATH, if any.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct RunResult {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs an executable to completion with optional stdin.
    static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil) throws -> RunResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let outPipe = Pipe()
        let errPipe = Pipe()
        let inPipe = Pipe()
        p.standardOutput = outPipe
        p.standardError = errPipe
        p.standardInput = inPipe
        try p.run()
        if let stdin { inPipe.fileHandleForWriting.write(stdin) }
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return RunResult(
            status: p.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// A temporary directory for one test.
    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skycue-wire-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    // MARK: generated values

    static func key(_ rng: inout SeededGenerator) -> AuthKey {
        var b = InlineArray<32, UInt8>(repeating: 0)
        for i in 0..<32 { b[i] = UInt8.random(in: 0...255, using: &rng) }
        return AuthKey(b)
    }

    static func detection(_ rng: inout SeededGenerator) -> SKACDetection {
        SKACDetection(
            timeOffsetUs: Int32.random(in: .min ... .max, using: &rng),
            azimuthRaw: UInt16.random(in: 0 ... .max, using: &rng),
            elevationCentiDeg: Int16.random(in: .min ... .max, using: &rng),
            bearingSigmaCentiDeg: UInt16.random(in: 0 ... .max, using: &rng),
            snrCentiDb: Int16.random(in: .min ... .max, using: &rng),
            fundamentalDeciHz: UInt16.random(in: 0 ... .max, using: &rng),
            harmonicCount: UInt8.random(in: 0 ... .max, using: &rng),
            sourceHintRaw: UInt8.random(in: 0 ... .max, using: &rng),
            hintConfidence: UInt8.random(in: 0 ... .max, using: &rng),
            sourceId: UInt32.random(in: 0 ... .max, using: &rng))
    }

    static func report(_ rng: inout SeededGenerator, flags: SKACFlags, count: Int? = nil) -> SKACReport {
        var r = SKACReport(
            header: SKACHeader(
                flags: flags, detectionCount: 0, sensorId: UInt32.random(in: 0 ... .max, using: &rng),
                sequence: UInt32.random(in: 0 ... .max, using: &rng),
                reportTimeNs: Int64.random(in: .min ... .max, using: &rng),
                latitudeE7: Int32.random(in: .min ... .max, using: &rng),
                longitudeE7: Int32.random(in: .min ... .max, using: &rng),
                altitudeMm: Int32.random(in: .min ... .max, using: &rng)))
        let n = count ?? Int.random(in: 1...64, using: &rng)
        for _ in 0..<n { r.append(detection(&rng)) }
        return r
    }

    /// A cue with every field on the wire grid, so the round trip is exact.
    static func cue(_ rng: inout SeededGenerator) -> CueMessage {
        func grid(_ lo: Int64, _ hi: Int64, _ scale: Double) -> Double {
            Double(Int64.random(in: lo...hi, using: &rng)) / scale
        }
        func name() -> ShortName {
            let n = Int.random(in: 0...8, using: &rng)
            var s = ""
            for _ in 0..<n { s.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &rng))) }
            return ShortName(s)!
        }
        let hasIntercept = Bool.random(using: &rng)
        let hasEntry = Bool.random(using: &rng)
        let i32 = (Int64(Int32.min), Int64(Int32.max))
        return CueMessage(
            nodeId: UInt32.random(in: 0 ... .max, using: &rng), sequence: UInt32.random(in: 0 ... .max, using: &rng),
            kind: CueKind.allCases.randomElement(using: &rng)!, timeNs: Int64.random(in: .min ... .max, using: &rng),
            trackId: UInt32.random(in: 0 ... .max, using: &rng), zoneIndex: UInt16.random(in: 0 ... .max, using: &rng),
            zoneName: name(), interceptorIndex: UInt16.random(in: 0 ... .max, using: &rng), interceptorName: name(),
            targetClass: TargetClass.allCases.randomElement(using: &rng)!, pUncrewed: grid(0, 10_000, 10_000),
            latitudeDeg: grid(-900_000_000, 900_000_000, 1e7), longitudeDeg: grid(-1_800_000_000, 1_800_000_000, 1e7),
            altitudeM: grid(i32.0, i32.1, 1e3), velocityEastMps: grid(i32.0, i32.1, 1e3),
            velocityNorthMps: grid(i32.0, i32.1, 1e3), velocityUpMps: grid(i32.0, i32.1, 1e3),
            sigmaHorizontalM: grid(0, Int64(UInt32.max), 1e3), sigmaVerticalM: grid(0, Int64(UInt32.max), 1e3),
            sigmaVelocityMps: grid(0, Int64(UInt32.max), 1e3),
            intercept: hasIntercept
                ? CueIntercept(
                    latitudeDeg: grid(-900_000_000, 900_000_000, 1e7),
                    longitudeDeg: grid(-1_800_000_000, 1_800_000_000, 1e7), altitudeM: grid(i32.0, i32.1, 1e3),
                    timeNs: Int64.random(in: .min ... .max, using: &rng)) : nil,
            zoneEntryTimeNs: hasEntry ? Int64.random(in: .min ... .max, using: &rng) : nil)
    }
}
