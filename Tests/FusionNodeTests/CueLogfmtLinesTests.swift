import Foundation
import FusionCore
import FusionNode
import Simulation
import Testing
import WireFormats

/// The daemon's journal lines parse back into the fields they were given
/// (logfmt as `TextByteBuffer.appendLogfmtValue` quotes it: every value,
/// whatever characters it holds, comes back whole), values are quoted only
/// when they must be, and the allocation-free cue lines have the layout of
/// `DaemonLog.line` for the same fields, over many random cues and names
/// with every character logfmt quotes or escapes (CR LF and multi-byte
/// UTF-8 among them).
@Suite struct CueLogfmtLinesTests {
    static let alphabet: [String] = ["a", "Z", "0", "_", "-", " ", "\"", "=", "\n", "\r\n", "\\", "é", "日", "\t"]

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

    /// A cue's fields as `DaemonLog.line` takes them.
    static func fields(_ l: CueReportLine) -> [(String, String)] {
        let c = l.cue
        return [
            ("level", "info"), ("event", "cue"), ("kind", "\(c.kind)"), ("seq", "\(c.sequence)"), ("track", "\(c.trackId)"),
            ("zone", l.zoneName), ("interceptor", l.interceptorName), ("p_uncrewed", String(format: "%.4f", c.pUncrewed)),
        ]
    }

    static func stringLine(_ l: CueReportLine) -> String {
        let f = fields(l)
        return DaemonLog.line(
            .info, "cue",
            [f[2].0: f[2].1, f[3].0: f[3].1, f[4].0: f[4].1, f[5].0: f[5].1, f[6].0: f[6].1, f[7].0: f[7].1])
    }

    /// A logfmt reader written from the format, not from our writer: fields
    /// split at unquoted spaces; a quoted value ends at an unescaped quote;
    /// `\\`, `\"` and `\n` unescaped. Nil if the line is not well formed
    /// (or a value that needed quotes was left bare).
    static func parse(_ line: [UInt8]) -> [(String, String)]? {
        guard line.last == 0x0A else { return nil }
        var fields: [(String, String)] = []
        var i = 0
        let end = line.count - 1
        while i < end {
            guard let eq = line[i..<end].firstIndex(of: UInt8(ascii: "=")) else { return nil }
            let key = String(decoding: line[i..<eq], as: UTF8.self)
            guard !key.isEmpty, !key.utf8.contains(UInt8(ascii: " ")) else { return nil }
            var value: [UInt8] = []
            i = eq + 1
            if i < end && line[i] == UInt8(ascii: "\"") {
                i += 1
                var closed = false
                while i < end {
                    let b = line[i]
                    if b == UInt8(ascii: "\"") { closed = true; i += 1; break }
                    if b == UInt8(ascii: "\\") {
                        guard i + 1 < end else { return nil }
                        switch line[i + 1] {
                        case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\"))
                        case UInt8(ascii: "\""): value.append(UInt8(ascii: "\""))
                        case UInt8(ascii: "n"): value.append(0x0A)
                        default: return nil
                        }
                        i += 2
                        continue
                    }
                    if b == 0x0A { return nil }
                    value.append(b)
                    i += 1
                }
                guard closed else { return nil }
                // Quoted only when it had to be.
                let needed = value.isEmpty || value.contains { [0x20, 0x22, 0x3D, 0x0A].contains($0) }
                guard needed else { return nil }
            } else {
                while i < end && line[i] != UInt8(ascii: " ") {
                    guard line[i] != UInt8(ascii: "\""), line[i] != UInt8(ascii: "="), line[i] != 0x0A else { return nil }
                    value.append(line[i])
                    i += 1
                }
                guard !value.isEmpty else { return nil }
            }
            fields.append((key, String(decoding: value, as: UTF8.self)))
            if i < end {
                guard line[i] == UInt8(ascii: " ") else { return nil }
                i += 1
            }
        }
        return fields
    }

    /// Any field values survive `DaemonLog.line` and a reader's parse.
    @Test func daemonLinesParseBackIntoTheirFields() {
        var g = SeededGenerator(seed: 4_409)
        var quoted = 0
        for _ in 0..<2_000 {
            let a = Self.randomName(&g), b = Self.randomName(&g)
            let line = DaemonLog.line(.warning, "radar_silent", ["radar": a, "note": b])
            let parsed = Self.parse(Array(line.utf8))
            #expect(parsed.map { $0.map { "\($0.0)=\($0.1)" } } == ["level=warning", "event=radar_silent", "radar=\(a)", "note=\(b)"], "\(line)")
            if line.contains("\"") { quoted += 1 }
        }
        #expect(quoted > 500)
    }

    /// The allocation-free cue lines parse into the cue's fields, and are
    /// `DaemonLog.line`'s bytes for the same fields.
    @Test func cueLinesCarryTheCueAndTheDaemonLayout() {
        var g = SeededGenerator(seed: 8_251)
        var lines = CueLogfmtLines(capacity: 256)
        var checked = 0
        for _ in 0..<200 {
            // Batches of 1-12 lines between clears, as the daemon's wake-ups write them.
            lines.clear()
            var expected: [UInt8] = []
            var batch: [CueReportLine] = []
            for _ in 0..<Int.random(in: 1...12, using: &g) {
                let l = Self.randomLine(&g)
                lines.append(l)
                batch.append(l)
                expected += Array(Self.stringLine(l).utf8)
                checked += 1
            }
            let got = lines.withBytes { Array($0) }
            #expect(got == expected, "\(String(decoding: got, as: UTF8.self)) != \(String(decoding: expected, as: UTF8.self))")
            #expect(lines.count == expected.count)
            // Split at line ends outside quotes: an escaped value holds no raw LF.
            let split = got.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { Array($0) + [0x0A] }
            #expect(split.count == batch.count)
            for (bytes, l) in zip(split, batch) {
                let parsed = Self.parse(bytes)
                let want = Self.fields(l).map { "\($0.0)=\($0.1)" }
                #expect(parsed.map { $0.map { "\($0.0)=\($0.1)" } } == want, "\(String(decoding: bytes, as: UTF8.self))")
            }
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
