import FusionCore
import FusionMath

extension RadarSensorModel {
    /// The plots of scan `index` over `scenario`'s targets, in time order:
    /// target detections (each with its truth id) and clutter (truth id nil).
    ///
    /// All randomness comes from `generator`, consumed in target order then
    /// clutter, so the same generator state gives the same scan.
    public func scan(_ index: Int, of scenario: Scenario, generator: inout SeededGenerator) -> RadarScan {
        let start = scanStartNs(index)
        var detections: [SimulatedDetection] = []
        detections.reserveCapacity(scenario.targets.count + Int(clutterMeanPerScan * 2) + 4)
        for target in scenario.targets {
            guard let (timeNs, state) = crossing(of: target, scanStartNs: start) else { continue }
            guard timeNs >= scenario.startNs, timeNs <= scenario.endNs else { continue }
            let p = polar(of: state)
            guard isVisible(rangeM: p.rangeM, elevationRad: p.elevationRad) else { continue }
            let pd = detectionProbability(rcsDbsm: target.rcsDbsm, rangeM: p.rangeM)
            guard generator.uniform() < pd else { continue }
            var range = p.rangeM, az = p.azimuthRad, el = p.elevationRad, rr = p.rangeRateMps
            var amplitude = amplitudeDbm(rcsDbsm: target.rcsDbsm, rangeM: p.rangeM)
            if addsNoise {
                range += sigmaRangeM * generator.normal()
                az += sigmaAzimuthRad * generator.normal()
                el += sigmaElevationRad * generator.normal()
                rr += sigmaRangeRateMps * generator.normal()
                // The radar's amplitude noise and the target's own fluctuation
                // (wingbeat, aspect), independent: one draw of their sum.
                let fluctuation = target.kind.rcsFluctuationDb
                amplitude += (sigmaAmplitudeDb * sigmaAmplitudeDb + fluctuation * fluctuation).squareRoot() * generator.normal()
            }
            let cooperative = secondaryRadar && target.hasTransponder
            detections.append(
                detection(
                    timeNs: timeNs, scanIndex: index, rangeM: max(range, 0), azimuthRad: Angle.wrapPositive(az),
                    elevationRad: el, rangeRateMps: rr, amplitudeDbm: amplitude,
                    icaoAddress: cooperative ? target.icaoAddress : nil, truthID: target.id))
        }
        let clutterCount = generator.poisson(clutterMeanPerScan)
        for _ in 0..<clutterCount {
            // Uniform over the annulus area and the clutter elevation band.
            let r2lo = minRangeM * minRangeM, r2hi = maxRangeM * maxRangeM
            let range = (r2lo + generator.uniform() * (r2hi - r2lo)).squareRoot()
            let az = generator.uniform(0, 2 * Double.pi)
            let el = generator.uniform(minElevationRad, max(minElevationRad, clutterMaxElevationRad))
            let rr = clutterSigmaRangeRateMps * generator.normal()
            let rcs = generator.uniform(clutterRcsDbsm.lowerBound, clutterRcsDbsm.upperBound)
            let timeNs = start + Int64((az / (2 * Double.pi) * Double(scanPeriodNs)).rounded(.down))
            guard timeNs >= scenario.startNs, timeNs <= scenario.endNs else { continue }
            detections.append(
                detection(
                    timeNs: timeNs, scanIndex: index, rangeM: range, azimuthRad: az, elevationRad: el,
                    rangeRateMps: rr, amplitudeDbm: amplitudeDbm(rcsDbsm: rcs, rangeM: range), icaoAddress: nil,
                    truthID: nil))
        }
        detections.sort { $0.measurement.timeNs < $1.measurement.timeNs }
        return RadarScan(index: index, startNs: start, detections: detections)
    }

    /// Every scan whose north crossing lies in the scenario's span, each
    /// drawing from `generator` in turn.
    public func scans(of scenario: Scenario, generator: inout SeededGenerator) -> [RadarScan] {
        var out: [RadarScan] = []
        var k = firstScanIndex(atOrAfter: scenario.startNs)
        while scanStartNs(k) <= scenario.endNs {
            out.append(scan(k, of: scenario, generator: &generator))
            k += 1
        }
        return out
    }

    /// When the antenna crosses `target` during the scan starting at
    /// `scanStartNs`, and the target's state then; nil if it is not flying.
    ///
    /// The beam is at azimuth `2 pi (t - start) / period`; the target's azimuth
    /// moves a little while the beam turns, so the crossing is found by fixed
    /// point iteration (it converges in two or three steps unless the target
    /// is very close to the radar, where three steps are still within a beam).
    func crossing(of target: TruthTarget, scanStartNs: Int64) -> (Int64, TruthState)? {
        let period = Double(scanPeriodNs)
        // The azimuth seen at mid-scan is the best first guess if the target
        // only exists for part of the scan.
        var t = scanStartNs
        var state = target.state(atNs: t)
        if state == nil {
            t = scanStartNs + scanPeriodNs / 2
            state = target.state(atNs: t)
        }
        guard var s = state else { return nil }
        for _ in 0..<3 {
            let az = polar(of: s).azimuthRad
            let next = scanStartNs + min(Int64((az / (2 * Double.pi) * period).rounded(.down)), scanPeriodNs - 1)
            if next == t { break }
            guard let ns = target.state(atNs: next) else { return nil }
            t = next
            s = ns
        }
        return (t, s)
    }

    /// Builds the measurement and raw plot of one detection from its
    /// (already noisy) polar values.
    func detection(
        timeNs: Int64, scanIndex: Int, rangeM: Double, azimuthRad: Double, elevationRad: Double, rangeRateMps: Double,
        amplitudeDbm: Double, icaoAddress: UInt32?, truthID: Int?
    ) -> SimulatedDetection {
        var evidence = MeasurementEvidence()
        evidence.rcsDbsm = rcsDbsm(amplitudeDbm: amplitudeDbm, rangeM: rangeM)
        evidence.icaoAddress = icaoAddress
        evidence.cooperativeReply = icaoAddress != nil
        let measurement = Measurement.radar(
            timeNs: timeNs, sensor: sensor, pose: pose, rangeM: rangeM, azimuthRad: azimuthRad,
            elevationRad: threeD ? elevationRad : nil, rangeRateMps: doppler ? rangeRateMps : nil,
            sigmaRangeM: sigmaRangeM, sigmaAzimuthRad: sigmaAzimuthRad, sigmaElevationRad: sigmaElevationRad,
            sigmaRangeRateMps: sigmaRangeRateMps, evidence: evidence)
        let plot = RadarPlot(
            timeNs: timeNs, scanIndex: scanIndex, rangeM: rangeM, azimuthRad: azimuthRad,
            elevationRad: threeD ? elevationRad : nil,
            heightM: threeD ? RadarPlot.height(rangeM: rangeM, elevationRad: elevationRad, antennaHeightM: antennaHeightM) : nil,
            rangeRateMps: doppler ? rangeRateMps : nil, amplitudeDbm: amplitudeDbm, icaoAddress: icaoAddress,
            cooperative: icaoAddress != nil)
        return SimulatedDetection(measurement: measurement, truthID: truthID, radarPlot: plot)
    }
}
