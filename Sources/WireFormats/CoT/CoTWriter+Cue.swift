import FusionCore

extension CoTWriter {
    /// CoT type of a new or updated cue: `t-k-t`, "Tasking / Strike /
    /// Target (air crew must check before shooting)" in the MITRE type tree
    /// (shared/data/atak-cot/mitre/types.txt). Chosen over `t-k-d` ("destroy,
    /// all coordinated") because a cue proposes a target and a human still
    /// decides, and over the `t-x-...` experimental branch because those are
    /// application-control messages (map centring, pings), not taskings.
    /// ATAK plots an event of a type it has no special handler for at its
    /// `<point>` with a generic icon and its callsign.
    /// FIXME: confirm the rendering on an ATAK device; no device here.
    public static let cueType: StaticString = "t-k-t"
    /// CoT type of a cancel: `t-u-z`, "update pending request: cancel
    /// request". It reuses the cue's uid and is stale at once, so it
    /// replaces and removes the tasking on a TAK map.
    public static let cueCancelType: StaticString = "t-u-z"

    /// The uid of a cue's events, `SKYCUE-<node>-CUE-<track>-<interceptor index>`:
    /// one engagement (target, interceptor) keeps one uid through new, update
    /// and cancel, so each event replaces the previous one.
    public mutating func appendCueUid(node: UInt32, track: UInt32, interceptorIndex: UInt16) {
        out.append("SKYCUE-")
        out.appendInteger(UInt64(node))
        out.append("-CUE-")
        out.appendInteger(UInt64(track))
        out.append(byte: UInt8(ascii: "-"))
        out.appendInteger(UInt64(interceptorIndex))
    }

    /// Writes one cue tasking event (ICD 2.3). `<point>` is the predicted
    /// intercept point (where the interceptor should go), or the target when
    /// there is none; `how="m-p"` (machine, predicted). `<detail>` holds a
    /// `<link relation="t-o">` to the target's track event (the object of
    /// the tasking), a `<contact callsign>`, a `<remarks>` line for people,
    /// and `<skycue_cue>` with the kind, numbers, names, classification,
    /// `<target .../>` state with ce/le and `<intercept .../>` point and time.
    public mutating func writeCue(_ c: CoTCue) throws(CoTWriteError) {
        let cue = c.cue
        guard CoTWriter.validPosition(cue.latitudeDeg, cue.longitudeDeg) else { throw .badPosition }
        var intercept = cue.intercept
        if let i = intercept, !CoTWriter.validPosition(i.latitudeDeg, i.longitudeDeg) { intercept = nil }
        let isCancel = cue.kind == .cancel
        beginEvent(
            type: isCancel ? CoTWriter.cueCancelType : CoTWriter.cueType, how: "m-p",
            timeNs: cue.timeNs, staleNs: isCancel ? cue.timeNs : c.staleNs
        ) {
            $0.appendCueUid(node: cue.nodeId, track: cue.trackId, interceptorIndex: cue.interceptorIndex)
        }
        if let i = intercept {
            appendPoint(
                latitudeDeg: i.latitudeDeg, longitudeDeg: i.longitudeDeg, haeM: i.altitudeM,
                ce: cue.sigmaHorizontalM, le: cue.sigmaVerticalM)
        } else {
            appendPoint(
                latitudeDeg: cue.latitudeDeg, longitudeDeg: cue.longitudeDeg, haeM: cue.altitudeM,
                ce: cue.sigmaHorizontalM, le: cue.sigmaVerticalM)
        }
        out.append("<detail><link uid=\"")
        appendTrackUid(node: cue.nodeId, track: cue.trackId)
        out.append("\" type=\"")
        out.append(CoTTrackType.type(for: cue.targetClass))
        out.append("\" relation=\"t-o\"/><contact callsign=\"CUE ")
        out.appendXMLEscaped(c.interceptorName)
        out.append(" T")
        out.appendInteger(UInt64(cue.trackId))
        out.append("\"/><remarks>Cue ")
        out.appendInteger(UInt64(cue.sequence))
        out.append(" (")
        out.append(cue.kind.reportName)
        out.append("): ")
        out.appendXMLEscaped(c.interceptorName)
        out.append(isCancel ? " stand down from track " : " intercept track ")
        out.appendInteger(UInt64(cue.trackId))
        out.append(" threatening ")
        out.appendXMLEscaped(c.zoneName)
        out.append("</remarks>")
        appendCueDetail(c, intercept: intercept)
        out.append("</detail></event>\n")
    }

    private mutating func appendCueDetail(_ c: CoTCue, intercept: CueIntercept?) {
        let cue = c.cue
        out.append("<skycue_cue kind=\"")
        out.append(cue.kind.reportName)
        out.append("\" cue=\"")
        out.appendInteger(UInt64(cue.sequence))
        out.append("\" node=\"")
        out.appendInteger(UInt64(cue.nodeId))
        out.append("\" track=\"")
        out.appendInteger(UInt64(cue.trackId))
        out.append("\" zone=\"")
        out.appendXMLEscaped(c.zoneName)
        out.append("\" zone_index=\"")
        out.appendInteger(UInt64(cue.zoneIndex))
        out.append("\" interceptor=\"")
        out.appendXMLEscaped(c.interceptorName)
        out.append("\" interceptor_index=\"")
        out.appendInteger(UInt64(cue.interceptorIndex))
        out.append("\" class=\"")
        out.appendRaw(cue.targetClass.reportName)
        out.append("\" p_uncrewed=\"")
        appendProbability(cue.pUncrewed)
        out.append("\"")
        if let e = cue.zoneEntryTimeNs {
            out.append(" zone_entry=\"")
            out.appendISO8601(ns: e)
            out.append("\"")
        }
        out.append("><target lat=\"")
        out.appendFixed(cue.latitudeDeg, decimals: 7)
        out.append("\" lon=\"")
        out.appendFixed(cue.longitudeDeg, decimals: 7)
        out.append("\" hae=\"")
        appendMetres(cue.altitudeM)
        out.append("\" ce=\"")
        appendMetres(cue.sigmaHorizontalM)
        out.append("\" le=\"")
        appendMetres(cue.sigmaVerticalM)
        out.append("\" ve=\"")
        appendMetres(cue.velocityEastMps)
        out.append("\" vn=\"")
        appendMetres(cue.velocityNorthMps)
        out.append("\" vu=\"")
        appendMetres(cue.velocityUpMps)
        out.append("\"/>")
        if let i = intercept {
            out.append("<intercept lat=\"")
            out.appendFixed(i.latitudeDeg, decimals: 7)
            out.append("\" lon=\"")
            out.appendFixed(i.longitudeDeg, decimals: 7)
            out.append("\" hae=\"")
            appendMetres(i.altitudeM)
            out.append("\" time=\"")
            out.appendISO8601(ns: i.timeNs)
            out.append("\"/>")
        }
        out.append("</skycue_cue>")
    }
}
