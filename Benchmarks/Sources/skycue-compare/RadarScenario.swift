import FusionCore
import FusionMath
import BenchSimulation

/// The radar scenario of the Stone Soup comparison (issue 8): `targets`
/// `Scenario.randomTargets` wandering in a 24 km square around one 3D radar
/// (no Doppler, so both trackers get the same range-bearing-elevation
/// plots) at ENU (0, 0, 20) m in the scenario frame, scanning once a second
/// in 8 sector datagrams, Pd 0.9, no clutter, no horizon. Everything is
/// drawn from `seed`: the same arguments give the same plots.
struct RadarScenario {
    let scenario: Scenario
    let radar: RadarSensorModel
    let feed: SensorFeed

    init(targets: Int, durationS: Double, seed: UInt64) {
        scenario = Scenario.randomTargets(count: targets, halfWidthM: 12_000, durationS: durationS, seed: seed)
        var radar = RadarSensorModel(sensor: 1, positionENU: Vector3(0, 0, 20), frame: scenario.frame)
        radar.threeD = true
        radar.doppler = false
        radar.clutterMeanPerScan = 0
        radar.maxRangeM = 20_000
        radar.appliesHorizon = false
        radar.detection = .constant(0.9)
        self.radar = radar
        feed = SensorFeed(scenario: scenario, radars: [radar], seed: seed &+ 0x5EED)
    }

    /// Seconds since the scenario start.
    func seconds(_ timeNs: Int64) -> Double { Double(timeNs - scenario.startNs) * 1e-9 }

    /// scenario.json: what the Python side needs to build the same models.
    func parametersJSON() -> String {
        let p = radar.pose.positionENU
        return """
            {"targets": \(scenario.targets.count), "duration_s": \(seconds(scenario.endNs)), \
            "radar_enu_m": [\(p.x), \(p.y), \(p.z)], "scan_period_s": \(Double(radar.scanPeriodNs) * 1e-9), \
            "pd": 0.9, "sigma_range_m": \(radar.sigmaRangeM), "sigma_azimuth_rad": \(radar.sigmaAzimuthRad), \
            "sigma_elevation_rad": \(radar.sigmaElevationRad), "azimuth": "clockwise from north", \
            "frame": "ENU metres, origin at the scenario site"}

            """
    }

    /// detections.csv: one plot per line, in arrival order, with the
    /// datagram (batch) it arrived in; times in seconds since the start.
    func detectionsCSV() -> String {
        var out = "batch,arrival_s,time_s,range_m,azimuth_rad,elevation_rad,truth_id\n"
        for (k, batch) in feed.batches.enumerated() {
            for d in batch.detections {
                let m = d.measurement
                out += "\(k),\(seconds(batch.arrivalNs)),\(seconds(m.timeNs)),\(m.values[0]),\(m.values[1]),\(m.values[2]),\(d.truthID ?? -1)\n"
            }
        }
        return out
    }

    /// truth.csv: every live target at every whole second after the start.
    func truthCSV() -> String {
        var out = "t_s,id,x_m,y_m,z_m,vx_mps,vy_mps,vz_mps\n"
        var t = scenario.startNs + 1_000_000_000
        while t <= scenario.endNs {
            for s in scenario.truth(atNs: t) {
                let p = s.state.positionENU, v = s.state.velocityENU
                out += "\(seconds(t)),\(s.id),\(p.x),\(p.y),\(p.z),\(v.x),\(v.y),\(v.z)\n"
            }
            t += 1_000_000_000
        }
        return out
    }
}
