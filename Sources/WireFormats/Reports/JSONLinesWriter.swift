/// Writes the lines of `tracks.jsonl` and `cues.jsonl` (ICD 2.4) into one
/// reused buffer, byte for byte the same on every machine.
///
/// Format: keys in the ICD's order, `", "` and `": "` separators as in the
/// ICD examples, one object per line ending in `\n`. Fixed decimals:
/// `t` and other times 3 (ms, floored, from integer ns), `lat`/`lon` 7
/// (about 1 cm), `alt_m`, `sigma_m` and velocities 2 (cm, cm/s),
/// `p_uncrewed` 4. A number that is not finite is written `null`; absent
/// intercept and zone entry are `null`.
public struct JSONLinesWriter: Sendable {
    var out: TextByteBuffer

    public init(capacity: Int = 1024) { out = TextByteBuffer(capacity: capacity) }

    /// The last line written, with its newline.
    public var bytes: [UInt8] { out.bytes }

    /// Calls `body` with the bytes of the last document, without copying.
    /// Prefer this to `bytes` on the hot path: a copy of `bytes` still alive
    /// at the next write forces that write to reallocate the buffer.
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        out.bytes.withUnsafeBytes(body)
    }

    /// Writes one `tracks.jsonl` line:
    /// `t, track, status, lat, lon, alt_m, ve, vn, vu, sigma_m, class,
    /// p_uncrewed, sources, decided_by [{evidence, nats}], veto`.
    public mutating func writeTrack(_ l: TrackReportLine) {
        out.clear()
        out.append("{\"t\": ")
        out.appendEpochSeconds(ns: l.timeNs)
        out.append(", \"track\": ")
        out.appendInteger(UInt64(l.trackId))
        out.append(", \"status\": \"")
        out.append(l.status.reportName)
        out.append("\", \"lat\": ")
        out.appendJSONNumber(l.latitudeDeg, decimals: 7)
        out.append(", \"lon\": ")
        out.appendJSONNumber(l.longitudeDeg, decimals: 7)
        out.append(", \"alt_m\": ")
        out.appendJSONNumber(l.altitudeM, decimals: 2)
        out.append(", \"ve\": ")
        out.appendJSONNumber(l.velocityEastMps, decimals: 2)
        out.append(", \"vn\": ")
        out.appendJSONNumber(l.velocityNorthMps, decimals: 2)
        out.append(", \"vu\": ")
        out.appendJSONNumber(l.velocityUpMps, decimals: 2)
        out.append(", \"sigma_m\": ")
        out.appendJSONNumber(l.sigmaM, decimals: 2)
        out.append(", \"class\": \"")
        out.appendRaw(l.targetClass.reportName)
        out.append("\", \"p_uncrewed\": ")
        out.appendJSONNumber(l.pUncrewed, decimals: 4)
        out.append(", \"sources\": [")
        var first = true
        for (flag, name) in TrackSources.named where l.sources.contains(flag) {
            if !first { out.append(", ") }
            out.append(byte: UInt8(ascii: "\""))
            out.append(name)
            out.append(byte: UInt8(ascii: "\""))
            first = false
        }
        out.append("], \"decided_by\": [")
        first = true
        for k in 0..<2 where l.decidingEvidence[k] != .none {
            if !first { out.append(", ") }
            out.append("{\"evidence\": \"")
            out.append(l.decidingEvidence[k].reportName)
            out.append("\", \"nats\": ")
            out.appendJSONNumber(l.decidingMarginNats[k], decimals: 2)
            out.append(byte: UInt8(ascii: "}"))
            first = false
        }
        out.append("], \"veto\": ")
        if l.cooperativeVeto {
            out.append("\"cooperative\"")
        } else if l.rotorVeto {
            out.append("\"rotor\"")
        } else {
            out.append("null")
        }
        out.append("}\n")
    }

    /// Writes one `cues.jsonl` line:
    /// `t, kind, cue, track, zone, interceptor, lat, lon, alt_m, p_uncrewed,
    /// intercept {lat, lon, alt_m, t} | null, zone_entry_t | null`.
    public mutating func writeCue(_ l: CueReportLine) {
        let c = l.cue
        out.clear()
        out.append("{\"t\": ")
        out.appendEpochSeconds(ns: c.timeNs)
        out.append(", \"kind\": \"")
        out.append(c.kind.reportName)
        out.append("\", \"cue\": ")
        out.appendInteger(UInt64(c.sequence))
        out.append(", \"track\": ")
        out.appendInteger(UInt64(c.trackId))
        out.append(", \"zone\": ")
        out.appendJSONString(l.zoneName)
        out.append(", \"interceptor\": ")
        out.appendJSONString(l.interceptorName)
        out.append(", \"lat\": ")
        out.appendJSONNumber(c.latitudeDeg, decimals: 7)
        out.append(", \"lon\": ")
        out.appendJSONNumber(c.longitudeDeg, decimals: 7)
        out.append(", \"alt_m\": ")
        out.appendJSONNumber(c.altitudeM, decimals: 2)
        out.append(", \"p_uncrewed\": ")
        out.appendJSONNumber(c.pUncrewed, decimals: 4)
        out.append(", \"intercept\": ")
        if let i = c.intercept {
            out.append("{\"lat\": ")
            out.appendJSONNumber(i.latitudeDeg, decimals: 7)
            out.append(", \"lon\": ")
            out.appendJSONNumber(i.longitudeDeg, decimals: 7)
            out.append(", \"alt_m\": ")
            out.appendJSONNumber(i.altitudeM, decimals: 2)
            out.append(", \"t\": ")
            out.appendEpochSeconds(ns: i.timeNs)
            out.append("}")
        } else {
            out.append("null")
        }
        out.append(", \"zone_entry_t\": ")
        if let e = c.zoneEntryTimeNs {
            out.appendEpochSeconds(ns: e)
        } else {
            out.append("null")
        }
        out.append("}\n")
    }
}
