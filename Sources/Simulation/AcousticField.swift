import FusionCore
import FusionMath

/// An area covered by a square grid of acoustic sensors, with drones flying
/// over it: the acoustic-only scenario of issue 4, and the same targets seen
/// by a radar as well.
///
/// Sensors stand `spacingM` apart in a `side` x `side` grid centred on the
/// site (tracking-frame ENU, metres), each with its own GPS position (so
/// its own local axes) and the default `AcousticSensorModel` (3 deg azimuth,
/// 5 deg elevation, Pd by source kind and range, 0.05 false alarms per
/// report, 0.2-3 s delivery delay). The drones wander inside the grid's
/// footprint plus `marginM`, launched over the first quarter of the run.
public struct AcousticField: Sendable {
    public var scenario: Scenario
    public var sensors: [AcousticSensorModel]

    public init(scenario: Scenario, sensors: [AcousticSensorModel]) {
        self.scenario = scenario
        self.sensors = sensors
    }

    /// `droneCount` drones of `kinds` over a `side` x `side` sensor grid.
    public static func drones(
        count droneCount: Int, kinds: [TargetKind] = [.pistonDrone], side: Int = 3, spacingM: Double = 2_000,
        marginM: Double = 1_000, durationS: Double = 180, site: Geodetic = Scenario.defaultSite,
        startNs: Int64 = Scenario.defaultStartNs, seed: UInt64
    ) -> AcousticField {
        let halfWidth = 0.5 * Double(side - 1) * spacingM + marginM
        let scenario = Scenario.randomTargets(
            count: droneCount, kinds: kinds, halfWidthM: halfWidth, site: site, startNs: startNs,
            durationS: durationS, seed: seed)
        return AcousticField(
            scenario: scenario, sensors: grid(side: side, spacingM: spacingM, frame: scenario.frame, startNs: startNs))
    }

    /// A `side` x `side` grid of sensors centred on the frame's origin, on
    /// the ground (the origin's height). Sensor indices start at
    /// `firstSensor`, SKAC ids at 1001; each sensor's first report falls
    /// at its own phase within the first second.
    public static func grid(
        side: Int, spacingM: Double, frame: LocalFrame, firstSensor: SensorIndex = 100,
        startNs: Int64 = Scenario.defaultStartNs
    ) -> [AcousticSensorModel] {
        precondition(side >= 1)
        var sensors: [AcousticSensorModel] = []
        let offset = 0.5 * Double(side - 1) * spacingM
        for row in 0..<side {
            for column in 0..<side {
                let k = row * side + column
                let enu = Vector3(Double(column) * spacingM - offset, Double(row) * spacingM - offset, 0)
                var sensor = AcousticSensorModel(
                    sensor: firstSensor + SensorIndex(k), sensorID: 1001 + UInt32(k), site: frame.geodetic(fromENU: enu),
                    frame: frame)
                sensor.firstReportNs = startNs + Int64(k) * 1_000_000_000 / Int64(side * side)
                sensors.append(sensor)
            }
        }
        return sensors
    }

    /// A radar `rangeM` out from the site on `bearingRad`, looking over the
    /// field: a 2D surveillance radar with a 4 s scan and 1 deg azimuth
    /// noise by default, whose cross-range error over the field (about
    /// 170 m at 10 km) is of the same order as the acoustic fixes', so that
    /// fusing the two has something to show.
    public func radar(
        sensor: SensorIndex = 1, rangeM: Double = 10_000, bearingRad: Double = 0.8, threeD: Bool = false,
        scanPeriodS: Double = 4, sigmaAzimuthDeg: Double = 1
    ) -> RadarSensorModel {
        let enu = Vector3(rangeM * Math.sin(bearingRad), rangeM * Math.cos(bearingRad), 20)
        var r = RadarSensorModel(sensor: sensor, site: scenario.frame.geodetic(fromENU: enu), frame: scenario.frame)
        r.threeD = threeD
        r.doppler = false
        r.secondaryRadar = false
        r.scanPeriodNs = Int64((scanPeriodS * 1e9).rounded())
        r.sigmaAzimuthRad = sigmaAzimuthDeg * Math.radiansPerDegree
        r.sigmaRangeM = 20
        r.clutterMeanPerScan = 1
        r.maxRangeM = rangeM + 8_000
        return r
    }
}
