import Cueing
import FusionCore
import FusionMath
import WireFormats

extension PipelineOutput {
    /// A track's position in WGS84 and its velocity in the local ENU frame
    /// at the track (ICD 2.3, 2.4), from the node-frame estimate.
    func geodetic(_ v: TrackView) -> (position: Geodetic, velocity: Vector3) {
        let g = frame.geodetic(fromENU: v.estimate.position)
        let local = LocalFrame(origin: g).rotateToENU(frame.rotateToECEF(v.estimate.velocity))
        return (g, local)
    }

    static func reportStatus(_ s: TrackStatus) -> TrackReportStatus { s == .coasting ? .coasting : .confirmed }

    /// One `tracks.jsonl` line per reportable track, predicted to `nowNs`.
    func emitReports<S: NodeSink>(atNs nowNs: Int64, sink: inout S) {
        for i in 0..<viewCount {
            let v = views[i]
            let (g, vel) = geodetic(v)
            let line = TrackReportLine(
                timeNs: nowNs, trackId: v.id, status: Self.reportStatus(v.status), latitudeDeg: g.latitudeDeg,
                longitudeDeg: g.longitudeDeg, altitudeM: g.heightM, velocityEastMps: vel.x, velocityNorthMps: vel.y,
                velocityUpMps: vel.z, sigmaM: v.estimate.horizontalSigmaM, belief: v.belief,
                sources: TrackSources(rawValue: v.sources.rawValue))
            json.writeTrack(line)
            json.withBytes { sink.trackReport(line, json: $0) }
            counters.trackReports &+= 1
        }
    }

    /// CAT062 blocks holding every reportable track (ICD 2.1).
    func emitCat062<S: NodeSink>(atNs nowNs: Int64, sink: inout S) {
        guard let destination = cat062Output, viewCount > 0 else { return }
        var start = 0
        while start < viewCount {
            let end = min(viewCount, start + Self.cat062RecordsPerBlock)
            cat062Bytes.removeAll(keepingCapacity: true)
            cat062Bytes.append(62)
            cat062Bytes.append(0)
            cat062Bytes.append(0)
            for i in start..<end {
                let v = views[i]
                let (g, vel) = geodetic(v)
                let p = v.estimate.covariance
                let track = Cat062Track(
                    trackNumber: UInt16(truncatingIfNeeded: v.id), timeNs: nowNs, latitudeDeg: g.latitudeDeg,
                    longitudeDeg: g.longitudeDeg, xM: v.estimate.mean[0], yM: v.estimate.mean[1], altitudeM: g.heightM,
                    veMps: vel.x, vnMps: vel.y, sigmaXM: p[0, 0].squareRoot(), sigmaYM: p[1, 1].squareRoot(),
                    sigmaAltM: p[2, 2].squareRoot(), sigmaVelMps: max(p[3, 3], p[4, 4]).squareRoot(),
                    status: v.status == .coasting ? .coasting : [], targetClass: v.belief.declared)
                cat062Encoder.appendRecord(track, to: &cat062Bytes)
            }
            let length = cat062Bytes.count
            cat062Bytes[1] = UInt8(truncatingIfNeeded: length >> 8)
            cat062Bytes[2] = UInt8(truncatingIfNeeded: length)
            cat062Bytes.withUnsafeBytes { sink.send($0, to: destination, atNs: nowNs) }
            counters.cat062Blocks &+= 1
            start = end
        }
    }

    /// One CoT event per reportable track (ICD 2.2).
    func emitCoT<S: NodeSink>(atNs nowNs: Int64, sink: inout S) {
        guard let destination = cotOutput else { return }
        for i in 0..<viewCount {
            let v = views[i]
            let (g, vel) = geodetic(v)
            let p = v.estimate.covariance
            let track = CoTTrack(
                nodeId: nodeId, trackId: v.id, timeNs: nowNs, staleNs: nowNs &+ cotStaleNs, latitudeDeg: g.latitudeDeg,
                longitudeDeg: g.longitudeDeg, altitudeM: g.heightM, velocityEastMps: vel.x, velocityNorthMps: vel.y,
                velocityUpMps: vel.z, covEastEastM2: p[0, 0], covNorthNorthM2: p[1, 1], covEastNorthM2: p[0, 1],
                covUpUpM2: p[2, 2], targetClass: v.belief.declared, pUncrewed: v.belief.pUncrewed,
                status: Self.reportStatus(v.status), sources: TrackSources(rawValue: v.sources.rawValue))
            do {
                try cot.writeTrack(track)
            } catch {
                continue  // no valid point: nothing to send
            }
            cot.withBytes { sink.send($0, to: destination, atNs: nowNs) }
            counters.cotTrackEvents &+= 1
        }
    }

    /// The wire form of a cue event (ICD 2.3).
    func message(_ e: CueEvent) -> CueMessage {
        let local = LocalFrame(origin: e.targetPosition).rotateToENU(e.targetVelocityECEF)
        let zone = e.zoneIndex >= 0 && e.zoneIndex < zoneShortNames.count ? zoneShortNames[e.zoneIndex] : .empty
        let interceptor =
            e.interceptorIndex >= 0 && e.interceptorIndex < interceptorShortNames.count
            ? interceptorShortNames[e.interceptorIndex] : .empty
        let kind: WireFormats.CueKind =
            switch e.kind {
            case .new: .new
            case .update: .update
            case .cancel: .cancel
            }
        return CueMessage(
            nodeId: e.nodeId, sequence: UInt32(truncatingIfNeeded: e.sequence), kind: kind, timeNs: e.timeNs,
            trackId: e.trackId, zoneIndex: UInt16(clamping: e.zoneIndex), zoneName: zone,
            interceptorIndex: UInt16(clamping: e.interceptorIndex), interceptorName: interceptor,
            targetClass: e.targetClass, pUncrewed: e.pUncrewed, latitudeDeg: e.targetPosition.latitudeDeg,
            longitudeDeg: e.targetPosition.longitudeDeg, altitudeM: e.targetPosition.heightM,
            velocityEastMps: local.x, velocityNorthMps: local.y, velocityUpMps: local.z,
            sigmaHorizontalM: e.horizontalSigmaM, sigmaVerticalM: e.verticalSigmaM,
            sigmaVelocityMps: e.velocitySigmaMps,
            intercept: CueIntercept(
                latitudeDeg: e.interceptPoint.latitudeDeg, longitudeDeg: e.interceptPoint.longitudeDeg,
                altitudeM: e.interceptPoint.heightM, timeNs: e.interceptTimeNs),
            zoneEntryTimeNs: e.zoneEntryNs)
    }

    /// A cue event: one datagram per endpoint of its interceptor, binary or
    /// CoT as configured, then its report line (the datagrams first: the
    /// daemon logs and records the line, which the interceptor need not
    /// wait for).
    func emitCue<S: NodeSink>(_ e: CueEvent, sink: inout S) {
        switch e.kind {
        case .new: counters.cuesNew &+= 1
        case .update: counters.cuesUpdate &+= 1
        case .cancel: counters.cuesCancel &+= 1
        }
        let cue = message(e)
        let zoneName = e.zoneIndex >= 0 && e.zoneIndex < zoneNames.count ? zoneNames[e.zoneIndex] : ""
        let interceptorName =
            e.interceptorIndex >= 0 && e.interceptorIndex < interceptorNames.count
            ? interceptorNames[e.interceptorIndex] : ""
        for route in cueRoutes where route.interceptorIndex == e.interceptorIndex {
            switch route.format {
            case .binary:
                guard let key = nodeKey else {
                    counters.cueEncodeFailures &+= 1
                    continue
                }
                do throws(CueEncodeError) {
                    let n = try CueCodec.encode(cue, key: key, into: cueBytes)
                    sink.send(UnsafeRawBufferPointer(rebasing: cueBytes[0..<n]), to: route.output, atNs: e.timeNs)
                } catch {
                    counters.cueEncodeFailures &+= 1
                    continue
                }
            case .cot:
                let event = CoTCue(
                    cue: cue, zoneName: zoneName, interceptorName: interceptorName, staleNs: e.timeNs &+ Self.cueStaleNs)
                do {
                    try cot.writeCue(event)
                } catch {
                    counters.cueEncodeFailures &+= 1
                    continue
                }
                cot.withBytes { sink.send($0, to: route.output, atNs: e.timeNs) }
            }
            counters.cueDatagrams &+= 1
        }
        let line = CueReportLine(cue: cue, zoneName: zoneName, interceptorName: interceptorName)
        json.writeCue(line)
        json.withBytes { sink.cueReport(line, json: $0) }
    }
}
