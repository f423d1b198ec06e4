import FusionCore
import FusionMath
import Simulation
import WireFormats

/// Turns decoded ASTERIX records into measurements (ICD 1.1, 1.2): the
/// `AsterixSink` the pipeline decodes every ASTERIX datagram into.
///
/// Per record: duplicate filter (redundant networks), SIM policy, SAC/SIC to
/// radar, time of day made absolute from the arrival time, then the
/// measurement with the radar's pose and error model and the record's
/// classification evidence. Nothing allocates: records are values,
/// measurements go into the shared fixed buffer.
struct MeasurementIngest: AsterixSink {
    var frame: LocalFrame
    /// Heights above mean sea level (I034/120, I048/110, flight levels) are
    /// converted to HAE with this (h = H + N).
    var geoidSeparationM: Double
    var radars: [RadarSensor]
    var buffer: MeasurementBuffer
    var duplicates: DuplicateFilter
    var counters = PipelineCounters()
    /// The ADS-B feed's sensor index and optional source restriction.
    var adsbSensor: SensorIndex
    var adsbSAC: UInt8?
    var adsbSIC: UInt8?
    /// Arrival time of the datagram being decoded, ns.
    var arrivalNs: Int64 = 0
    /// Records in the datagram being decoded.
    var recordsInDatagram: UInt64 = 0

    /// 1-sigma ADS-B position errors, m: NACp 8 (95 % within 93 m) for the
    /// horizontal; geometric height (I021/140) and barometric altitude
    /// (I021/145, pressure altitude read as height above MSL).
    static let adsbSigmaHorizontalM = 50.0
    static let adsbSigmaGeometricM = 15.0
    static let adsbSigmaBarometricM = 60.0
    /// A report with no height at all: an assumed height with a wide sigma.
    static let adsbAssumedHeightM = 1_000.0
    static let adsbSigmaUnknownHeightM = 3_000.0
    static let feetToMetres = 0.3048

    func radarIndex(sac: UInt8, sic: UInt8) -> Int? {
        for i in radars.indices where radars[i].sac == sac && radars[i].sic == sic { return i }
        return nil
    }

    mutating func reject(_ reason: RecordRejection) { counters.recordRejections.count(reason) }

    mutating func store(_ m: Measurement) {
        if buffer.append(m) {
            counters.measurements &+= 1
        } else {
            reject(.bufferFull)
        }
    }

    // MARK: CAT048

    mutating func receive(_ plot: Cat048Plot, record: UnsafeRawBufferPointer) {
        counters.cat048Records &+= 1
        recordsInDatagram &+= 1
        guard duplicates.admit(category: 48, sac: plot.sac, sic: plot.sic, record: record, arrivalNs: arrivalNs) else {
            counters.duplicates &+= 1
            return
        }
        if plot.sim {
            counters.simulated &+= 1
            return
        }
        guard let r = radarIndex(sac: plot.sac, sic: plot.sic) else { return reject(.unknownRadar) }
        radars[r].heard(atNs: arrivalNs)
        guard plot.present.contains(.polarPosition) else { return reject(.noPosition) }
        let radar = radars[r]
        guard let site = radar.site else { return reject(.radarSiteUnknown) }
        let timeNs =
            plot.present.contains(.timeOfDay)
            ? AsterixTime.absoluteNs(timeOfDay128: plot.timeOfDay128, referenceNs: arrivalNs) ?? arrivalNs : arrivalNs
        let rangeM = plot.rangeM
        guard rangeM > 0 else { return reject(.badValue) }
        var elevation: Double? = nil
        if radar.threeD && plot.present.contains(.height) {
            // I048/110 is above mean sea level; the 4/3-Earth model wants
            // target and antenna heights on one datum (HAE here).
            let heightM = plot.heightFt * Self.feetToMetres + geoidSeparationM
            let e = RadarPlot.elevation(rangeM: rangeM, heightM: heightM, antennaHeightM: site.heightM)
            if e.isFinite { elevation = e }
        }
        var rangeRate: Double? = nil
        if radar.doppler && plot.present.contains(.doppler) && !plot.dopplerDoubtful {
            // CAL, like the core's range rate, is positive receding.
            rangeRate = Double(plot.dopplerMps)
        }
        var evidence = MeasurementEvidence()
        if plot.present.contains(.amplitude) {
            evidence.rcsDbsm = Double(plot.amplitudeDbm) - radar.amplitudeKDb + 40 * Math.log10(rangeM)
        }
        // TYP 2...7: an SSR or Mode S reply is part of the plot.
        evidence.cooperativeReply = plot.present.contains(.descriptor) && plot.typ >= 2
        if plot.present.contains(.address) { evidence.icaoAddress = plot.address }
        store(
            .radar(
                timeNs: timeNs, sensor: radar.index, pose: radar.pose, rangeM: rangeM,
                azimuthRad: plot.azimuthDeg * Math.radiansPerDegree, elevationRad: elevation, rangeRateMps: rangeRate,
                sigmaRangeM: radar.sigmaRangeM, sigmaAzimuthRad: radar.sigmaAzimuthRad,
                sigmaElevationRad: radar.sigmaElevationRad, sigmaRangeRateMps: RadarSensor.sigmaRangeRateMps,
                evidence: evidence))
    }

    // MARK: CAT034

    mutating func receive(_ message: Cat034Message, record: UnsafeRawBufferPointer) {
        counters.cat034Records &+= 1
        recordsInDatagram &+= 1
        guard duplicates.admit(category: 34, sac: message.sac, sic: message.sic, record: record, arrivalNs: arrivalNs)
        else {
            counters.duplicates &+= 1
            return
        }
        guard let r = radarIndex(sac: message.sac, sic: message.sic) else { return reject(.unknownRadar) }
        radars[r].heard(atNs: arrivalNs)
        guard message.present.contains(.position) else { return }
        // I034/120 height is above mean sea level.
        let site = Geodetic(
            latitudeDeg: message.latitudeDeg, longitudeDeg: message.longitudeDeg,
            heightM: Double(message.heightM) + geoidSeparationM)
        if radars[r].setSite(site, source: .cat034, frame: frame) { counters.radarSiteUpdates &+= 1 }
    }

    // MARK: CAT021

    mutating func receive(_ report: Cat021Report, record: UnsafeRawBufferPointer) {
        counters.cat021Records &+= 1
        recordsInDatagram &+= 1
        guard duplicates.admit(category: 21, sac: report.sac, sic: report.sic, record: record, arrivalNs: arrivalNs)
        else {
            counters.duplicates &+= 1
            return
        }
        if let sac = adsbSAC, let sic = adsbSIC, report.sac != sac || report.sic != sic {
            return reject(.adsbOtherSource)
        }
        if report.isSimulated {
            counters.simulated &+= 1
            return
        }
        guard report.present.contains(.position) || report.present.contains(.positionHighRes) else {
            return reject(.noPosition)
        }
        let timeNs =
            report.present.contains(.positionTime)
            ? AsterixTime.absoluteNs(timeOfDay128: report.positionTime128, referenceNs: arrivalNs) ?? arrivalNs
            : arrivalNs
        var heightM = Self.adsbAssumedHeightM
        var sigmaV = Self.adsbSigmaUnknownHeightM
        if report.present.contains(.geometricHeight) {
            // I021/140 is already above the WGS84 ellipsoid.
            heightM = report.geometricHeightFt * Self.feetToMetres
            sigmaV = Self.adsbSigmaGeometricM
        } else if report.present.contains(.flightLevel) {
            heightM = report.flightLevel * 100 * Self.feetToMetres + geoidSeparationM
            sigmaV = Self.adsbSigmaBarometricM
        }
        let enu = frame.enu(
            from: Geodetic(latitudeDeg: report.latitudeDeg, longitudeDeg: report.longitudeDeg, heightM: heightM))
        guard enu.isFinite else { return reject(.badValue) }
        var evidence = MeasurementEvidence()
        evidence.cooperativeReply = true
        if report.present.contains(.address) { evidence.icaoAddress = report.address }
        // ECAT 0 is "no emitter category information".
        if report.present.contains(.emitterCategory) && report.emitterCategory != 0 {
            evidence.emitterCategory = report.emitterCategory
        }
        store(
            .position(
                timeNs: timeNs, sensor: adsbSensor, enu: enu, sigmaHorizontalM: Self.adsbSigmaHorizontalM,
                sigmaVerticalM: sigmaV, evidence: evidence))
    }

    mutating func reject(_ reason: AsterixRejection, category: UInt8) {
        counters.asterixRejections[reason] &+= 1
    }
}
