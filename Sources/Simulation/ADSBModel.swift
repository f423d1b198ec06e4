import FusionCore
import FusionMath

/// One ADS-B position report as a CAT021 encoder needs it (ICD 1.2).
@frozen
public struct ADSBReport: Sendable {
    /// Time of applicability of the position, ns since the Unix epoch.
    public var timeNs: Int64
    /// 24-bit ICAO address (I021/080).
    public var icaoAddress: UInt32
    /// Callsign, up to 8 characters (I021/170).
    public var callsign: String
    /// Emitter category (I021/020 ECAT).
    public var emitterCategory: UInt8
    /// WGS84 position with geometric height above the ellipsoid (I021/130, /140).
    public var position: Geodetic
    /// Ground velocity east, north and vertical rate up, m/s, in the local
    /// ENU axes at `position` (I021/160 and the geometric vertical rate).
    public var velocityENU: Vector3
}

/// ADS-B Out of the cooperative targets in a scenario, as a ground station
/// forwards it: one report per target every `intervalS` seconds (1-2 Hz,
/// with jitter), position noise of a good GNSS (NACp 9-10), a few percent of
/// messages lost. Positions come out as WGS84 and as `.position`
/// measurements in the tracking frame, with address and emitter category as
/// evidence.
public struct ADSBModel: Sendable {
    public var sensor: SensorIndex
    public var frame: LocalFrame
    /// Interval between a target's reports, uniform in this range, seconds.
    public var intervalS: ClosedRange<Double> = 0.5...1.0
    public var sigmaHorizontalM = 10.0
    public var sigmaVerticalM = 15.0
    public var sigmaVelocityMps = 0.5
    /// Probability a report reaches the node.
    public var deliveryProbability = 0.97
    public var addsNoise = true

    public init(sensor: SensorIndex, frame: LocalFrame) {
        self.sensor = sensor
        self.frame = frame
    }

    /// Every report of every transponder-equipped target over the scenario's
    /// span, in time order.
    public func reports(of scenario: Scenario, generator: inout SeededGenerator) -> [SimulatedDetection] {
        var out: [SimulatedDetection] = []
        for target in scenario.targets {
            guard let icao = target.icaoAddress else { continue }
            let first = max(scenario.startNs, target.trajectory.startNs)
            let last = min(scenario.endNs, target.trajectory.endNs)
            var t = first + Int64(generator.uniform(0, intervalS.upperBound) * 1e9)
            while t <= last {
                if generator.uniform() < deliveryProbability, let s = target.state(atNs: t) {
                    out.append(report(of: target, icao: icao, state: s, timeNs: t, generator: &generator))
                }
                t += Int64(generator.uniform(intervalS.lowerBound, intervalS.upperBound) * 1e9)
            }
        }
        out.sort { $0.measurement.timeNs < $1.measurement.timeNs }
        return out
    }

    func report(
        of target: TruthTarget, icao: UInt32, state: TruthState, timeNs: Int64, generator: inout SeededGenerator
    ) -> SimulatedDetection {
        var p = state.positionENU, v = state.velocityENU
        if addsNoise {
            p += Vector3(
                sigmaHorizontalM * generator.normal(), sigmaHorizontalM * generator.normal(),
                sigmaVerticalM * generator.normal())
            v += sigmaVelocityMps * Vector3(generator.normal(), generator.normal(), generator.normal())
        }
        let position = frame.geodetic(fromENU: p)
        // The aircraft reports its velocity against its own north.
        let localVelocity = LocalFrame(origin: position).rotateToENU(frame.rotateToECEF(v))
        var evidence = MeasurementEvidence()
        evidence.icaoAddress = icao
        evidence.emitterCategory = target.kind.emitterCategory
        evidence.cooperativeReply = true
        let m = Measurement.position(
            timeNs: timeNs, sensor: sensor, enu: p, sigmaHorizontalM: sigmaHorizontalM, sigmaVerticalM: sigmaVerticalM,
            evidence: evidence)
        let raw = ADSBReport(
            timeNs: timeNs, icaoAddress: icao, callsign: target.callsign ?? "", emitterCategory: target.kind.emitterCategory,
            position: position, velocityENU: localVelocity)
        return SimulatedDetection(measurement: m, truthID: target.id, adsbReport: raw)
    }
}
