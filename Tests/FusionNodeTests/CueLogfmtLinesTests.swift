import Foundation
import FusionCore
import FusionNode
import Simulation
import Testing
import WireFormats

/// The allocation-free journal lines of cue events are the daemon log's
/// String lines, byte for byte, over many random cues: names with every
/// character logfmt quotes or escapes (and multi-byte UTF-8), any
/// sequence and track number, p_uncrewed to 4 decimals.
@Suite struct CueLogfmtLinesTests {
    static let alphabet: [String] = ["a", "Z", "0", "_", "-", " ", "\"", "=", "\n", "\\", "é", "日", "\t"]

    static func randomName(_ g: inout SeededGenerator) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 0...10, using: &g) { s += alphabet.randomElement(using: &g)! }
        return s
    }

    static func randomLine(_ g: inout SeededGenerator) -> CueReportLine {
        let p = Int.random(in: 0..<50, using: &g) == 0 ? Double.nan : Double.random(in: 0...1, using: &g)
        let cue = CueMessage(
            nodeId: 7, sequence: UInt32.random(in: 0...UInt32.max, using: &g),
            kind: CueKind.allCases.randomElement(using: &g)!, timeNs: 1_700_000_000_000_000_000,
            trackId: UInt32.random(in: 0...UInt32.max, using: &g), zoneIndex: 0, zoneName: .empty,
            interceptorIndex: 0, interceptorName: .empty, targetClass: .uncrewed, pUncrewed: p,
            latitudeDeg: 51, longitudeDeg: 7, altitudeM: 100, velocityEastMps: 0, velocityNorthMps: 0,
            velocityUpMps: 0, sigmaHorizontalM: 10, sigmaVerticalM: 10, sigmaVelocityMps: 1, intercept: nil,
            zoneEntryTimeNs: nil)
        return CueReportLine(cue: cue, zoneName: randomName(&g), interceptorName: randomName(&g))
    }

    /// What `DaemonLog.write` wrote for a cue before the lines were buffered.
    static func stringLine(_ l: CueReportLine) -> String {
        let c = l.cue
        return DaemonLog.line(
            .info, "cue",
            [
                "kind": "\(c.kind)", "seq": "\(c.sequence)", "track": "\(c.trackId)", "zone": l.zoneName,
                "interceptor": l.interceptorName, "p_uncrewed": String(format: "%.4f", c.pUncrewed),
            ])
    }

    @Test func linesMatchTheStringFormatterByteForByte() {
        var g = SeededGenerator(seed: 8_251)
        var lines = CueLogfmtLines(capacity: 256)
        var checked = 0
        for _ in 0..<200 {
            // Batches of 1-12 lines between clears, as the daemon's wake-ups write them.
            lines.clear()
            var expected: [UInt8] = []
            for _ in 0..<Int.random(in: 1...12, using: &g) {
                let l = Self.randomLine(&g)
                lines.append(l)
                expected += Array(Self.stringLine(l).utf8)
                checked += 1
            }
            let got = lines.withBytes { Array($0) }
            #expect(got == expected, "\(String(decoding: got, as: UTF8.self)) != \(String(decoding: expected, as: UTF8.self))")
            #expect(lines.count == expected.count)
        }
        #expect(checked > 1_000)
    }
}

#if canImport(Glibc)
import TestSupport

/// The daemon formats a cue's journal line on the fusion thread: no heap
/// allocation once the buffer has its capacity (STYLE.md, hot path).
@Suite(.serialized, .enabled(if: AllocationCounter.available, "Swift runtime allocation hook not found"),
    .enabled(if: AllocationCounter.requested, "runs in the serial pass: SKYCUE_ALLOCATION_TESTS=1"))
struct CueLogfmtLinesAllocationTests {
    @Test func formattingCueLinesDoesNotAllocate() {
        var g = SeededGenerator(seed: 77)
        // Names quoted and escaped, and long enough not to be small strings.
        let sample = (0..<16).map { _ in
            var l = CueLogfmtLinesTests.randomLine(&g)
            l.zoneName = "North \"gate\" = " + l.zoneName + String(repeating: "z", count: 20)
            l.interceptorName = "IDR-1 " + l.interceptorName + String(repeating: "i", count: 20)
            return l
        }
        var lines = CueLogfmtLines(capacity: 8_192)
        for l in sample { lines.append(l) }  // warm-up: one-time metadata
        let n = AllocationCounter.counting {
            for round in 0..<200 {
                lines.clear()
                for k in 0..<16 { lines.append(sample[(round + k) % sample.count]) }
            }
        }
        #expect(n == 0, "\(n) allocations in 3,200 lines")
        #expect(lines.count > 16 * 100)
    }
}
#endif
