/// Tracker tuning: confirmation, deletion, gating, classification.
///
/// JSON section `tracker` (optional; all keys optional).
public struct TrackerSettings: Sendable, Equatable {
    /// A tentative track is confirmed with hits in `confirmM` of the last
    /// `confirmN` scan opportunities (M-of-N, N at most 32).
    public var confirmM: Int
    public var confirmN: Int
    /// Consecutive missed opportunities after which a confirmed track is
    /// deleted (it coasts until then).
    public var deleteMisses: Int
    /// Probability mass inside the chi-square association gate.
    public var gateProbability: Double
    /// White-acceleration process noise of the near-constant-velocity model,
    /// m/s² (1 sigma).
    public var processNoiseMps2: Double
    /// Window within which bearings from different acoustic sensors may be
    /// cross-fixed into a new track, seconds.
    public var crossFixWindowS: Double
    /// Posterior probability above which a track is declared uncrewed.
    public var uncrewedThreshold: Double

    public init(
        confirmM: Int = 3, confirmN: Int = 4, deleteMisses: Int = 5, gateProbability: Double = 0.9999,
        processNoiseMps2: Double = 3.0, crossFixWindowS: Double = 2.0, uncrewedThreshold: Double = 0.99
    ) {
        self.confirmM = confirmM
        self.confirmN = confirmN
        self.deleteMisses = deleteMisses
        self.gateProbability = gateProbability
        self.processNoiseMps2 = processNoiseMps2
        self.crossFixWindowS = crossFixWindowS
        self.uncrewedThreshold = uncrewedThreshold
    }
}

extension TrackerSettings {
    init(reading r: ConfigObject) {
        defer { r.finish() }
        let d = TrackerSettings()
        let before = r.log.issues.count
        // MOfNLogic keeps a 32-opportunity window.
        let m = r.integer("confirm_m", in: 1...32, default: d.confirmM)
        let n = r.integer("confirm_n", in: 1...32, default: d.confirmN)
        if r.log.issues.count == before && m > n {
            r.log.add(r.path("confirm_m"), "must not exceed confirm_n (\(n))")
        }
        self.init(
            confirmM: m, confirmN: n,
            deleteMisses: r.integer("delete_misses", in: 1...32, default: d.deleteMisses),
            gateProbability: r.number("gate_probability", .within(0.5...0.999_999), default: d.gateProbability),
            processNoiseMps2: r.number("process_noise_mps2", .positiveUpTo(100), default: d.processNoiseMps2),
            crossFixWindowS: r.number("cross_fix_window_s", .positiveUpTo(30), default: d.crossFixWindowS),
            uncrewedThreshold: r.number("uncrewed_threshold", .within(0.95...0.999_999), default: d.uncrewedThreshold))
    }
}
