import FusionMath
import WireFormats

/// Builds the SKAC wire report (ICD 1.3) of one simulated acoustic report:
/// physical values rounded to the wire's units and clamped to its fields.
public enum SKACReportBuilder {
    /// The report, with `sequence`; flags: elevation valid when the array
    /// reports elevation, harmonic fields always valid (fundamental 0 =
    /// none), tag present when `authenticated`. At most 64 detections are kept.
    public static func report(
        _ r: AcousticReport, sequence: UInt32, elevationValid: Bool, authenticated: Bool
    ) -> SKACReport {
        var flags: SKACFlags = [.harmonicsValid]
        if elevationValid { flags.insert(.elevationValid) }
        if authenticated { flags.insert(.authenticated) }
        var out = SKACReport(
            header: SKACHeader(
                flags: flags, detectionCount: 0, sensorId: r.sensorID, sequence: sequence, reportTimeNs: r.reportTimeNs,
                latitudeE7: Int32(clamping: Int64((r.site.latitudeDeg * 1e7).rounded())),
                longitudeE7: Int32(clamping: Int64((r.site.longitudeDeg * 1e7).rounded())),
                altitudeMm: Int32(clamping: Int64((r.site.heightM * 1000).rounded()))))
        for d in r.detections {
            guard let p = d.acousticPlot else { continue }
            out.append(detection(p, reportTimeNs: r.reportTimeNs))
        }
        return out
    }

    /// One detection in wire units.
    public static func detection(_ p: AcousticPlot, reportTimeNs: Int64) -> SKACDetection {
        let deg = Math.degreesPerRadian
        return SKACDetection(
            timeOffsetUs: Int32(clamping: (p.timeNs - reportTimeNs) / 1000),
            azimuthRaw: UInt16(AsterixFieldWriter.turn(p.azimuthRad * deg, bits: 16)),
            elevationCentiDeg: Int16(clamping: Int64(((p.elevationRad ?? 0) * deg * 100).rounded())),
            bearingSigmaCentiDeg: UInt16(clamping: Int64((p.sigmaAzimuthRad * deg * 100).rounded())),
            snrCentiDb: Int16(clamping: Int64((p.snrDb * 100).rounded())),
            fundamentalDeciHz: UInt16(clamping: Int64(((p.fundamentalHz ?? 0) * 10).rounded())),
            harmonicCount: UInt8(clamping: p.harmonicCount), sourceHintRaw: p.sourceHint,
            hintConfidence: UInt8(clamping: Int64((p.hintConfidence * 255).rounded())), sourceId: p.sourceID)
    }
}
