import Cueing

/// JSON section `cueing` (optional; all keys optional): how far ahead threats
/// are judged, the quality a track needs before it is cued, how often a cue
/// is updated, and the pre-emption margins. Defaults are `CueingParameters`'
/// (Hardware/CONFIG.md gives each key). `nodeId` is not read here: the node
/// takes it from `node.id`.
///
/// The bounds keep a site inside what the cueing engine was tested for: the
/// quality gates may be tightened freely but loosened only so far (a track
/// coasting 30 s or uncertain by kilometres is not worth an interceptor).
extension CueingParameters {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        let d = CueingParameters()
        self.init()
        horizonS = r.number("horizon_s", .within(10...3_600), default: d.horizonS)
        sigmaK = r.number("sigma_k", .within(0...5), default: d.sigmaK)
        hysteresisS = r.number("hysteresis_s", .within(0...120), default: d.hysteresisS)
        let intervalS = r.number("update_interval_s", .within(0.1...60), default: Double(d.minUpdateIntervalNs) / 1e9)
        minUpdateIntervalNs = Int64((intervalS * 1e9).rounded())
        updateDistanceM = r.number("update_distance_m", .within(0...10_000), default: d.updateDistanceM)
        updateTimeS = r.number("update_time_s", .within(0...60), default: d.updateTimeS)
        maxCoastS = r.number("max_coast_s", .positiveUpTo(30), default: d.maxCoastS)
        maxHorizontalSigmaM = r.number("max_horizontal_sigma_m", .positiveUpTo(2_000), default: d.maxHorizontalSigmaM)
        maxVerticalSigmaM = r.number("max_vertical_sigma_m", .positiveUpTo(2_000), default: d.maxVerticalSigmaM)
        maxHorizontalVelocitySigmaMps = r.number(
            "max_velocity_sigma_mps", .positiveUpTo(100), default: d.maxHorizontalVelocitySigmaMps)
        preemptMarginS = r.number("preempt_margin_s", .within(0...600), default: d.preemptMarginS)
        preemptMarginFraction = r.number("preempt_margin_fraction", .within(0...1), default: d.preemptMarginFraction)
        preemptReengageS = r.number("preempt_reengage_s", .within(0...600), default: d.preemptReengageS)
        preemptHoldS = r.number("preempt_hold_s", .within(0...600), default: d.preemptHoldS)
    }
}
