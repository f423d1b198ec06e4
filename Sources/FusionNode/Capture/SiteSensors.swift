import FusionCore
import FusionMath
import Simulation
import WireFormats

/// The sensors of a site configuration as the simulator models them, with
/// the links `CaptureComposer` sends their datagrams over.
///
/// - Radars: every radar with a position, from its configuration (2D/3D,
///   Doppler, period, range, sigmas, amplitude K), sending from
///   127.0.0.(10 + index):(40010 + index) to 127.0.0.1:`port`; scans start
///   137 ms apart so radars are not in lockstep.
/// - ADS-B: one ground station (config `adsb`, SAC/SIC 0/0 when not
///   restricted) from 127.0.0.2:40002.
/// - Acoustic: the configuration has no list of acoustic sensors (their
///   SKAC headers carry their positions), so the simulator places them
///   (`acousticSites`): one at the node origin; for each polygon zone one at
///   its centroid and one 1 km outside each vertex (away from the centroid);
///   for each circle zone one at its centre and four 1 km outside its edge
///   (NE, SE, SW, NW). The reference site gets 12. With `acousticGridCount`
///   they are instead that many on a square grid (`acousticGrid`). Ids 1001, 1002, ... in
///   that order, sending from 127.0.0.(100 + index):(41000 + index); a
///   sensor whose id has a key in `keys.acoustic` tags its reports.
public struct SiteSensors: Sendable {
    /// A simulated acoustic sensor's id and place (written to acoustic_sensors.json).
    public struct AcousticSite: Sendable, Equatable {
        public var sensorID: UInt32
        public var position: Geodetic
    }

    public let frame: LocalFrame
    public let composer: CaptureComposer
    public let acousticSites: [AcousticSite]

    /// Loopback address a.b.c.d as an integer.
    static func loopback(_ d: UInt32) -> UInt32 { 0x7F00_0000 | d }

    /// Most acoustic sensors a simulated site gets: their source addresses
    /// are 127.0.0.(100 + index), so at most 155 fit.
    public static let maxAcousticSensors = 155

    public init(configuration c: SiteConfiguration, frame: LocalFrame, startNs: Int64, acousticGridCount: Int? = nil) {
        self.frame = frame
        let geoid = c.node.geoidSeparationM
        var radars: [CaptureComposer.RadarLink] = []
        for (k, r) in c.radars.enumerated() {
            guard let site = r.position else { continue }
            var m = RadarSensorModel(sensor: SensorIndex(k + 1), site: site, frame: frame)
            m.threeD = r.threeD
            m.doppler = r.doppler
            m.scanPeriodNs = Int64((r.periodS * 1e9).rounded())
            m.firstScanStartNs = startNs + Int64(k) * 137_000_000
            m.maxRangeM = r.rangeM
            m.sigmaRangeM = r.sigmaRangeM
            m.sigmaAzimuthRad = r.sigmaAzimuthDeg * Math.radiansPerDegree
            if let el = r.sigmaElevationDeg { m.sigmaElevationRad = el * Math.radiansPerDegree }
            m.amplitudeKDb = r.amplitudeKDb
            radars.append(
                CaptureComposer.RadarLink(
                    model: m, sac: r.sac, sic: r.sic, port: r.port, sourceIPv4: Self.loopback(UInt32(10 + k)),
                    sourcePort: UInt16(40010 + k), site: site, geoidSeparationM: geoid))
        }
        let adsb = CaptureComposer.ADSBLink(
            model: ADSBModel(sensor: 50, frame: frame), sac: c.adsb.sac ?? 0, sic: c.adsb.sic ?? 0, port: c.adsb.port,
            sourceIPv4: Self.loopback(2), sourcePort: 40002, geoidSeparationM: geoid)
        let sites =
            acousticGridCount.map { Self.acousticGrid(count: min($0, Self.maxAcousticSensors), frame: frame) }
            ?? Self.acousticSites(configuration: c, frame: frame)
        var acoustic: [CaptureComposer.AcousticLink] = []
        for (k, s) in sites.enumerated() {
            var m = AcousticSensorModel(sensor: SensorIndex(100 + k), sensorID: s.sensorID, site: s.position, frame: frame)
            m.firstReportNs = startNs + Int64(k) * 71_000_000
            m.sigmaAzimuthRad = c.acoustic.sigmaAzimuthDeg * Math.radiansPerDegree
            m.sigmaElevationRad = c.acoustic.sigmaElevationDeg * Math.radiansPerDegree
            let key = c.keys.acousticKeys[s.sensorID].flatMap { AuthKey(bytes: $0.bytes) }
            acoustic.append(
                CaptureComposer.AcousticLink(
                    model: m, key: key, port: c.acoustic.port, sourceIPv4: Self.loopback(UInt32(100 + k)),
                    sourcePort: UInt16(41000 + k)))
        }
        composer = CaptureComposer(radars: radars, adsb: adsb, acoustic: acoustic)
        acousticSites = sites
    }

    /// Where the simulator puts acoustic sensors (see the type's doc), 2 m
    /// above the frame's origin plane.
    public static func acousticSites(configuration c: SiteConfiguration, frame: LocalFrame) -> [AcousticSite] {
        var points: [Vector3] = [Vector3(0, 0, 2)]
        let outM = 1000.0
        for zone in c.zones {
            switch zone.shape {
            case .polygon(let vertices):
                let enu = vertices.map { frame.enu(from: $0) }
                let n = Double(max(1, enu.count))
                let cx = enu.reduce(0) { $0 + $1.x } / n, cy = enu.reduce(0) { $0 + $1.y } / n
                points.append(Vector3(cx, cy, 2))
                for v in enu {
                    let dx = v.x - cx, dy = v.y - cy
                    let d = max(1, Math.hypot(dx, dy))
                    points.append(Vector3(v.x + outM * dx / d, v.y + outM * dy / d, 2))
                }
            case .circle(let center, let radiusM):
                let c = frame.enu(from: center)
                points.append(Vector3(c.x, c.y, 2))
                for bearingDeg in [45.0, 135, 225, 315] {
                    let b = bearingDeg * Math.radiansPerDegree
                    let r = radiusM + outM
                    points.append(Vector3(c.x + r * Math.sin(b), c.y + r * Math.cos(b), 2))
                }
            }
        }
        return points.enumerated().map { k, p in
            AcousticSite(sensorID: UInt32(1001 + k), position: frame.geodetic(fromENU: p))
        }
    }

    /// `count` sensors on a square grid `spacingM` apart centred on the
    /// frame's origin, row by row from the south-west, 2 m above the origin
    /// plane: a dense acoustic network (the one-hour benchmark's 100).
    public static func acousticGrid(count: Int, spacingM: Double = 2_000, frame: LocalFrame) -> [AcousticSite] {
        let side = max(1, Int(Double(count).squareRoot().rounded(.up)))
        let half = Double(side - 1) / 2
        return (0..<max(0, count)).map { k in
            let p = Vector3((Double(k % side) - half) * spacingM, (Double(k / side) - half) * spacingM, 2)
            return AcousticSite(sensorID: UInt32(1001 + k), position: frame.geodetic(fromENU: p))
        }
    }
}
