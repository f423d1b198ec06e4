import Foundation
import FusionCore
import FusionMath
import BenchSimulation

/// The datagrams of one end-to-end run, live-dated: `drones` multirotors
/// running in on the reference site's origin (1.5 to 3 km out, spread in
/// bearing, so that some are declared and cued within a 20-60 s run),
/// seen by the site's radars as configured in the site file, ADS-B and
/// nine acoustic sensors; composed by the same `CaptureComposer` as
/// skycue-sim, starting `leadS` from now (CLOCK_REALTIME), because the
/// node runs on the real clock. Frame: ENU at the site's `node.origin`.
struct E2EWorkload {
    let capture: SimulatedCapture
    let startNs: Int64

    init(site: [String: Any], drones: Int, durationS: Double, leadS: Double, seed: UInt64) {
        let node = site["node"] as! [String: Any]
        let o = node["origin"] as! [String: Any]
        let origin = Geodetic(latitudeDeg: o["lat"] as! Double, longitudeDeg: o["lon"] as! Double, heightM: o["alt_m"] as! Double)
        let startNs = E2EClock.realtimeNs() + Int64(leadS * 1e9)
        let frame = LocalFrame(origin: origin)
        var g = SeededGenerator(seed: seed)
        var targets: [TruthTarget] = []
        for k in 0..<drones {
            let kind = TargetKind.multirotor
            let band = kind.altitudeBandM
            let alt = band.lowerBound + 0.25 * (band.upperBound - band.lowerBound)
            let bearing = 0.5 + Double(k) * 2 * Double.pi / Double(max(drones, 1))
            let range = 1_500 + 1_500 * Double(k % 4) / 3
            let path = Trajectory.runIn(
                toward: Vector3(0, 0, alt), fromBearingRad: bearing, rangeM: range, altitudeM: alt,
                speedMps: kind.nominalSpeedMps, maxTurnRateRadPerS: kind.maxTurnRateRadPerS, startNs: startNs)
            targets.append(TruthTarget(id: k + 1, kind: kind, trajectory: path, generator: &g))
        }
        let scenario = Scenario(
            frame: frame, startNs: startNs, endNs: startNs + Int64(durationS * 1e9), seed: seed, targets: targets)
        // The radars as SiteSensors (FusionNode, not a product) builds them.
        var radars: [CaptureComposer.RadarLink] = []
        for (k, r) in (site["radars"] as! [[String: Any]]).enumerated() {
            let position = Geodetic(latitudeDeg: r["lat"] as! Double, longitudeDeg: r["lon"] as! Double, heightM: r["alt_m"] as! Double)
            var m = RadarSensorModel(sensor: SensorIndex(k + 1), site: position, frame: frame)
            m.threeD = r["three_d"] as? Bool ?? false
            m.doppler = r["doppler"] as? Bool ?? false
            m.scanPeriodNs = Int64(((r["period_s"] as! Double) * 1e9).rounded())
            m.firstScanStartNs = startNs + Int64(k) * 137_000_000
            m.maxRangeM = r["range_m"] as! Double
            m.sigmaRangeM = r["sigma_range_m"] as! Double
            m.sigmaAzimuthRad = (r["sigma_az_deg"] as! Double) * Double.pi / 180
            if let el = r["sigma_el_deg"] as? Double { m.sigmaElevationRad = el * Double.pi / 180 }
            m.amplitudeKDb = r["amplitude_k_db"] as! Double
            radars.append(
                CaptureComposer.RadarLink(
                    model: m, sac: UInt8(r["sac"] as! Int), sic: UInt8(r["sic"] as! Int), port: UInt16(r["port"] as! Int),
                    sourceIPv4: 0x7F00_000A + UInt32(k), sourcePort: UInt16(40010 + k), site: position))
        }
        let a = site["adsb"] as! [String: Any]
        let adsb = CaptureComposer.ADSBLink(
            model: ADSBModel(sensor: 50, frame: frame), sac: UInt8(a["sac"] as? Int ?? 0), sic: UInt8(a["sic"] as? Int ?? 0),
            port: UInt16(a["port"] as! Int), sourceIPv4: 0x7F00_0002, sourcePort: 40002)
        // Acoustic sensors on a 3 x 3 grid, 2 km apart, centred on the
        // origin (as skycue-sim --acoustic-sensors 9): the classifier wants
        // them to tell a multirotor from a bird before it cues.
        let ac = site["acoustic"] as! [String: Any]
        var acoustic: [CaptureComposer.AcousticLink] = []
        for k in 0..<9 {
            let p = Vector3(Double(k % 3 - 1) * 2_000, Double(k / 3 - 1) * 2_000, 2)
            var m = AcousticSensorModel(sensor: SensorIndex(100 + k), sensorID: UInt32(1001 + k), site: frame.geodetic(fromENU: p), frame: frame)
            m.firstReportNs = startNs + Int64(k) * 71_000_000
            m.sigmaAzimuthRad = (ac["sigma_az_deg"] as! Double) * Double.pi / 180
            m.sigmaElevationRad = (ac["sigma_el_deg"] as! Double) * Double.pi / 180
            acoustic.append(
                CaptureComposer.AcousticLink(
                    model: m, key: nil, port: UInt16(ac["port"] as! Int), sourceIPv4: 0x7F00_0064 + UInt32(k),
                    sourcePort: UInt16(41000 + k)))
        }
        var capture = CaptureComposer(radars: radars, adsb: adsb, acoustic: acoustic).compose(scenario, seed: seed &+ 1)
        capture.sortByArrival()
        self.capture = capture
        self.startNs = startNs
    }
}

/// CLOCK_REALTIME, the node's clock: every timestamp of the run.
enum E2EClock {
    static func realtimeNs() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }

    /// Sleeps until `timeNs` (absolute, CLOCK_REALTIME).
    static func sleep(untilNs timeNs: Int64) {
        var t = timespec(tv_sec: Int(timeNs / 1_000_000_000), tv_nsec: Int(timeNs % 1_000_000_000))
        while clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &t, nil) == EINTR {}
    }
}
