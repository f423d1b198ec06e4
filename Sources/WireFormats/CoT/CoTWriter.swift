import FusionMath

/// Why a CoT event could not be written.
public enum CoTWriteError: Error, Sendable, Equatable {
    /// Latitude or longitude not finite or out of range: an event without a
    /// valid `<point>` is invalid CoT, so nothing is written.
    case badPosition
}

/// Writes Cursor-on-Target 2.0 XML events (MITRE CoT Base-Event schema,
/// ICD 2.2 and 2.3) into one reused byte buffer.
///
/// Each call clears the buffer and writes one complete document; read it
/// from `bytes` before the next call. Numbers are fixed-decimal: lat/lon 7
/// places (about 1 cm), hae/ce/le/course/speed 2 places; times are
/// `xs:dateTime` UTC with milliseconds. All text is XML-escaped. Custom data
/// lives in `<detail>`, which the schema opens to any element
/// (`xs:any processContents="lax"`); element names never reuse the schema's
/// global names (`event`, `point`, `detail`), so lax validation passes.
public struct CoTWriter: Sendable {
    var out: TextByteBuffer

    /// A writer whose buffer holds `capacity` bytes before growing; 2 KB
    /// holds a track or cue event with ordinary names.
    public init(capacity: Int = 2048) { out = TextByteBuffer(capacity: capacity) }

    /// The last document written (UTF-8).
    public var bytes: [UInt8] { out.bytes }

    /// Calls `body` with the bytes of the last document, without copying.
    /// Prefer this to `bytes` on the hot path: a copy of `bytes` still alive
    /// at the next write forces that write to reallocate the buffer.
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        out.bytes.withUnsafeBytes(body)
    }

    /// The uid of a track's events, `SKYCUE-<node>-<track>`: stable for the
    /// track's life, so each event replaces the last on a TAK map.
    public mutating func appendTrackUid(node: UInt32, track: UInt32) {
        out.append("SKYCUE-")
        out.appendInteger(UInt64(node))
        out.append(byte: UInt8(ascii: "-"))
        out.appendInteger(UInt64(track))
    }

    /// Writes the XML declaration and the `<event ...>` start tag. `uid` is
    /// written by the closure so that it needs no String.
    mutating func beginEvent(
        type: StaticString, how: StaticString, timeNs: Int64, staleNs: Int64,
        uid: (inout CoTWriter) -> Void
    ) {
        out.clear()
        // takproto and most TAK tools sniff for the `<?xml` declaration.
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        out.append("<event version=\"2.0\" uid=\"")
        uid(&self)
        out.append("\" type=\"")
        out.append(type)
        out.append("\" how=\"")
        out.append(how)
        out.append("\" time=\"")
        out.appendISO8601(ns: timeNs)
        out.append("\" start=\"")
        out.appendISO8601(ns: timeNs)
        out.append("\" stale=\"")
        out.appendISO8601(ns: max(staleNs, timeNs))
        out.append("\">")
    }

    /// Appends `<point .../>`; hae, ce and le that are not finite become
    /// CoT's unknown value 9999999.
    mutating func appendPoint(latitudeDeg: Double, longitudeDeg: Double, haeM: Double, ce: Double, le: Double) {
        out.append("<point lat=\"")
        out.appendFixed(latitudeDeg, decimals: 7)
        out.append("\" lon=\"")
        out.appendFixed(longitudeDeg, decimals: 7)
        out.append("\" hae=\"")
        appendMetres(haeM)
        out.append("\" ce=\"")
        appendMetres(ce)
        out.append("\" le=\"")
        appendMetres(le)
        out.append("\"/>")
    }

    mutating func appendMetres(_ v: Double) {
        if !(v.isFinite && v.magnitude < CoTTrackType.unknownError) || !out.appendFixed(v, decimals: 2) {
            out.append("9999999.00")
        }
    }

    /// Appends `<track course speed/>` (course degrees true [0, 360), speed
    /// m/s) from an ENU velocity; nothing when the velocity is not finite.
    mutating func appendTrackElement(east: Double, north: Double) {
        guard east.isFinite, north.isFinite else { return }
        var course = Math.atan2(east, north) * Math.degreesPerRadian
        if course < 0 { course += 360 }
        if course >= 359.995 { course = 0 }  // would print as 360.00
        out.append("<track course=\"")
        out.appendFixed(course, decimals: 2)
        out.append("\" speed=\"")
        out.appendFixed(Math.hypot(east, north), decimals: 2)
        out.append("\"/>")
    }

    static func validPosition(_ lat: Double, _ lon: Double) -> Bool {
        lat.isFinite && lon.isFinite && lat.magnitude <= 90 && lon.magnitude <= 180
    }

    /// Writes one track event (ICD 2.2):
    /// `uid="SKYCUE-<node>-<track>"`, type by class (`CoTTrackType`),
    /// `how="m-f"` (machine, fused), ce/le from the covariance, and in
    /// `<detail>`: `<track course speed/>`, `<contact callsign="N<node>-T<track>"/>`
    /// and `<skycue class p_uncrewed status sources climb/>`.
    public mutating func writeTrack(_ t: CoTTrack) throws(CoTWriteError) {
        guard CoTWriter.validPosition(t.latitudeDeg, t.longitudeDeg) else { throw .badPosition }
        beginEvent(type: CoTTrackType.type(for: t.targetClass), how: "m-f", timeNs: t.timeNs, staleNs: t.staleNs) {
            $0.appendTrackUid(node: t.nodeId, track: t.trackId)
        }
        appendPoint(
            latitudeDeg: t.latitudeDeg, longitudeDeg: t.longitudeDeg, haeM: t.altitudeM,
            ce: CoTTrackType.circularError(ee: t.covEastEastM2, nn: t.covNorthNorthM2, en: t.covEastNorthM2),
            le: CoTTrackType.linearError(uu: t.covUpUpM2))
        out.append("<detail>")
        appendTrackElement(east: t.velocityEastMps, north: t.velocityNorthMps)
        out.append("<contact callsign=\"N")
        out.appendInteger(UInt64(t.nodeId))
        out.append("-T")
        out.appendInteger(UInt64(t.trackId))
        out.append("\"/><skycue class=\"")
        out.appendRaw(t.targetClass.reportName)
        out.append("\" p_uncrewed=\"")
        appendProbability(t.pUncrewed)
        out.append("\" status=\"")
        out.append(t.status.reportName)
        out.append("\" sources=\"")
        appendSources(t.sources, separator: UInt8(ascii: " "))
        out.append("\"")
        if t.velocityUpMps.isFinite {
            out.append(" climb=\"")
            out.appendFixed(t.velocityUpMps, decimals: 2)
            out.append("\"")
        }
        out.append("/></detail></event>\n")
    }

    /// Probability with 4 decimals, clamped to [0, 1]; NaN is written as 0.
    mutating func appendProbability(_ p: Double) {
        let v = p.isNaN ? 0 : min(1, max(0, p))
        out.appendFixed(v, decimals: 4)
    }

    mutating func appendSources(_ s: TrackSources, separator: UInt8) {
        var first = true
        for (flag, name) in TrackSources.named where s.contains(flag) {
            if !first { out.append(byte: separator) }
            out.append(name)
            first = false
        }
    }
}
