import FusionCore
import FusionMath
import WireFormats

/// Turns a scenario run into the datagrams its sensors would send the node
/// (shared ICD 1.1-1.3):
/// - per radar, a CAT034 north marker (I034/000 = 1, /030, /041, /120) at
///   each north crossing, and the scan's CAT048 plots in azimuth sectors,
///   each sector sent when the antenna has swept it (at most
///   `maxRecordsPerDatagram` records per datagram, so datagrams stay under an
///   Ethernet MTU);
/// - one CAT021 report per ADS-B position, when the ground station forwards it;
/// - one SKAC report per acoustic report cycle with detections, at its
///   arrival time (report time plus the sensor's delivery delay), tagged
///   when the link has a key.
///
/// Plots are real-time reports (SIM = 0): the node ignores SIM = 1 plots,
/// and the capture stands in for live sensors. Cooperative plots (a Mode S
/// reply) are TYP 7 with I048/220 and an I048/090 flight level; the rest
/// are PSR-only (TYP 1). Flight levels are pressure altitudes in a standard
/// atmosphere, taken as the truth's height above MSL.
///
/// Deterministic: every draw comes from generators seeded by `compose`'s seed.
public struct CaptureComposer: Sendable {
    public var radars: [RadarLink]
    public var adsb: ADSBLink?
    public var acoustic: [AcousticLink]
    /// CAT048 records per datagram (at most ~30 octets each).
    public var maxRecordsPerDatagram = 40

    public init(radars: [RadarLink], adsb: ADSBLink?, acoustic: [AcousticLink]) {
        self.radars = radars
        self.adsb = adsb
        self.acoustic = acoustic
    }

    /// The capture of `scenario`, datagrams in arrival order.
    public func compose(_ scenario: Scenario, seed: UInt64) -> SimulatedCapture {
        var capture = SimulatedCapture()
        // Sensor noise and link delays from separate streams, so a change of
        // link timing does not change what the sensors saw.
        var sensors = SeededGenerator(seed: seed)
        var links = SeededGenerator(seed: seed ^ 0x5EED_1A7E_0C0F_FEE5)
        for (index, radar) in radars.enumerated() {
            appendRadar(radar, index: index, scenario: scenario, sensors: &sensors, links: &links, into: &capture)
        }
        if let adsb { appendADSB(adsb, scenario: scenario, sensors: &sensors, links: &links, into: &capture) }
        for (index, link) in acoustic.enumerated() {
            appendAcoustic(link, index: index, scenario: scenario, sensors: &sensors, into: &capture)
        }
        capture.sortByArrival()
        return capture
    }

    func appendRadar(
        _ link: RadarLink, index: Int, scenario: Scenario, sensors: inout SeededGenerator,
        links: inout SeededGenerator, into capture: inout SimulatedCapture
    ) {
        let cat048 = Cat048Encoder(sac: link.sac, sic: link.sic)
        let cat034 = Cat034Encoder(sac: link.sac, sic: link.sic)
        let model = link.model
        let sectors = max(1, link.sectorsPerScan)
        let sectorNs = max(1, model.scanPeriodNs / Int64(sectors))
        let position = Cat034Service.Position(
            latitudeDeg: link.site.latitudeDeg, longitudeDeg: link.site.longitudeDeg,
            heightMSLM: link.site.heightM - link.geoidSeparationM)
        var records: [Cat048Detection] = []
        records.reserveCapacity(maxRecordsPerDatagram)
        for scan in model.scans(of: scenario, generator: &sensors) {
            let marker = Cat034Service(
                kind: .northMarker, timeNs: scan.startNs, antennaPeriodS: Double(model.scanPeriodNs) * 1e-9,
                position: position)
            capture.append(
                arrivalNs: scan.startNs + delay(link.latencyNs, &links), sourceIPv4: link.sourceIPv4,
                sourcePort: link.sourcePort, destinationPort: link.port, stream: .radarService, sensor: index
            ) { cat034.appendBlock(marker, to: &$0) }
            // Detections are in time order, so sectors come one after another.
            var i = 0
            let plots = scan.detections
            while i < plots.count {
                let k = min(sectors - 1, max(0, Int((plots[i].measurement.timeNs - scan.startNs) / sectorNs)))
                var j = i
                var newest = scan.startNs
                while j < plots.count,
                    min(sectors - 1, max(0, Int((plots[j].measurement.timeNs - scan.startNs) / sectorNs))) == k
                {
                    newest = max(newest, plots[j].measurement.timeNs)
                    j += 1
                }
                // One link delay per sector: its datagrams keep their order.
                let arrivalNs = max(scan.startNs + Int64(k + 1) * sectorNs, newest) + delay(link.latencyNs, &links)
                var chunk = i
                while chunk < j {
                    let end = min(j, chunk + maxRecordsPerDatagram)
                    records.removeAll(keepingCapacity: true)
                    for d in plots[chunk..<end] {
                        guard let r = detection(d, link: link, scenario: scenario), let p = d.radarPlot else { continue }
                        records.append(r)
                        capture.radarPlots.append(.init(radar: index, plot: p, truthID: d.truthID))
                    }
                    capture.append(
                        arrivalNs: arrivalNs, sourceIPv4: link.sourceIPv4,
                        sourcePort: link.sourcePort, destinationPort: link.port, stream: .radarPlots, sensor: index
                    ) { if !records.isEmpty { cat048.appendBlock(records, to: &$0) } }
                    chunk = end
                }
                i = j
            }
        }
    }

    /// The CAT048 view of one simulated radar detection.
    func detection(_ d: SimulatedDetection, link: RadarLink, scenario: Scenario) -> Cat048Detection? {
        guard let p = d.radarPlot else { return nil }
        var r = Cat048Detection(timeNs: p.timeNs, rangeM: p.rangeM, azimuthDeg: p.azimuthRad * Math.degreesPerRadian)
        r.heightM = p.heightM.map { $0 - link.geoidSeparationM }
        r.rangeRateMps = p.rangeRateMps
        r.amplitudeDbm = p.amplitudeDbm
        if p.cooperative, let address = p.icaoAddress {
            r.address = address
            if let id = d.truthID, let s = scenario.target(id: id)?.state(atNs: p.timeNs) {
                r.flightLevel = flightLevel(heightM: scenario.frame.geodetic(fromENU: s.positionENU).heightM, link.geoidSeparationM)
            }
        }
        return r
    }

    func appendADSB(
        _ link: ADSBLink, scenario: Scenario, sensors: inout SeededGenerator, links: inout SeededGenerator,
        into capture: inout SimulatedCapture
    ) {
        let encoder = Cat021Encoder(sac: link.sac, sic: link.sic)
        for d in link.model.reports(of: scenario, generator: &sensors) {
            guard let a = d.adsbReport else { continue }
            let received = a.timeNs + delay(link.receptionDelayNs, &links)
            let v = a.velocityENU
            var track = Math.atan2(v.x, v.y) * Math.degreesPerRadian
            if track < 0 { track += 360 }
            let target = Cat021Target(
                timeNs: a.timeNs, receptionNs: received, address: a.icaoAddress, latitudeDeg: a.position.latitudeDeg,
                longitudeDeg: a.position.longitudeDeg, geometricHeightM: a.position.heightM,
                flightLevel: flightLevel(heightM: a.position.heightM, link.geoidSeparationM),
                groundSpeedMps: Math.hypot(v.x, v.y), trackDeg: track, callsign: AsterixCallsign(a.callsign),
                emitterCategory: a.emitterCategory)
            capture.append(
                arrivalNs: received + delay(link.forwardDelayNs, &links), sourceIPv4: link.sourceIPv4,
                sourcePort: link.sourcePort, destinationPort: link.port, stream: .adsb, sensor: 0
            ) { encoder.appendBlock(target, to: &$0) }
        }
    }

    func appendAcoustic(
        _ link: AcousticLink, index: Int, scenario: Scenario, sensors: inout SeededGenerator,
        into capture: inout SimulatedCapture
    ) {
        var sequence = link.firstSequence
        for report in link.model.reports(of: scenario, generator: &sensors) where !report.detections.isEmpty {
            let skac = SKACReportBuilder.report(
                report, sequence: sequence, elevationValid: link.model.reportsElevation, authenticated: link.key != nil)
            sequence &+= 1
            capture.append(
                arrivalNs: report.arrivalNs, sourceIPv4: link.sourceIPv4, sourcePort: link.sourcePort,
                destinationPort: link.port, stream: .acoustic, sensor: index
            ) { out in
                let start = out.count
                let n = skac.encodedByteCount
                out.append(contentsOf: repeatElement(0, count: n))
                let ok = out.withUnsafeMutableBytes { buffer -> Bool in
                    do throws(SKACEncodeError) {
                        try SKACCodec.encode(skac, key: link.key, into: UnsafeMutableRawBufferPointer(rebasing: buffer[start..<(start + n)]))
                        return true
                    } catch {
                        return false
                    }
                }
                // The builder makes 1...64 detections and a key is present when
                // tagging: a failure is a broken invariant here.
                precondition(ok, "SKAC report could not be encoded")
            }
        }
    }

    /// Flight level (hundreds of feet) of a height above the ellipsoid, in a
    /// standard atmosphere: pressure altitude taken as height above MSL.
    func flightLevel(heightM: Double, _ geoidSeparationM: Double) -> Double {
        (heightM - geoidSeparationM) / Cat048Encoder.metresPerFoot / 100
    }

    /// A delay drawn uniformly from `range`, ns.
    func delay(_ range: ClosedRange<Int64>, _ g: inout SeededGenerator) -> Int64 {
        range.lowerBound + Int64(g.uniform() * Double(range.upperBound - range.lowerBound))
    }
}
