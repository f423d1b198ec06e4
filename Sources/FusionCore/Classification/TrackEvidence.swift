/// What a track has shown about its identity, summarised so that the
/// classifier can weigh it without re-reading every measurement.
///
/// Summaries, not per-plot products: consecutive plots of one target are
/// strongly correlated (RCS fluctuates slowly, an engine keeps its note), so
/// multiplying per-plot likelihoods would make any track certain within
/// seconds. The classifier instead weighs each summary once, with an
/// effective sample count capped in `ClassifierConfiguration`.
@frozen
public struct TrackEvidence: Sendable, BitwiseCopyable {
    /// 24-bit ICAO address from Mode S or ADS-B, once seen.
    public var icaoAddress: UInt32?
    /// ADS-B emitter category (I021/020), once seen.
    public var emitterCategory: UInt8?
    /// Plots with an SSR or Mode S reply.
    public var cooperativeReplies: UInt32
    /// Running mean of radar cross-section estimates, dBsm, and how many.
    public var meanRcsDbsm: Double
    public var rcsSamples: UInt32
    /// Sum of squared deviations of those estimates from their running mean,
    /// dB^2 (Welford), for their scan-to-scan scatter.
    public var rcsSquaredDeviationsDb2: Double
    /// Mean of the recent RCS estimates, dBsm: an exponential average with
    /// weight `recentRcsWeight` (the running mean over the first plots), so
    /// that a track that has jumped to another target shows it within a
    /// few scans while its lifetime mean still describes the first. It
    /// starts again, with its count, after `rcsGapNs` without a plot: a
    /// track kept by bearings alone for that long may come back on another
    /// target.
    public var recentRcsDbsm: Double
    public var recentRcsSamples: UInt32
    /// Time of the newest RCS estimate, ns.
    public var lastRcsNs: Int64
    /// Confidence-weighted counts of acoustic source hints 0...4 (ICD 1.3).
    public var hintWeight: InlineArray<5, Double>
    /// Running mean of the acoustic harmonic fundamental, Hz, and how many.
    public var meanFundamentalHz: Double
    public var fundamentalSamples: UInt32
    /// Sum of squared deviations of the fundamentals from their running
    /// mean, Hz^2: a stray report (another source, a false alarm) shows as scatter.
    public var fundamentalSquaredDeviationsHz2: Double
    /// Acoustic reports fused.
    public var acousticReports: UInt32
    /// Time of the newest radar plot or ADS-B position (a measurement that
    /// fixes the position, not only a direction), ns; 0 when none yet.
    public var lastPositionFixNs: Int64
    /// Straight and turning stretches of the filtered track, counted at
    /// position fixes (`FusionEngine.fuse`).
    public var turns: TurnWindows
    /// Mean climb over the track's straight runs (`StraightRunClimb`).
    public var straightClimb: StraightRunClimb

    @inlinable public init() {
        icaoAddress = nil
        emitterCategory = nil
        cooperativeReplies = 0
        meanRcsDbsm = 0
        rcsSamples = 0
        rcsSquaredDeviationsDb2 = 0
        recentRcsDbsm = 0
        recentRcsSamples = 0
        lastRcsNs = 0
        hintWeight = InlineArray(repeating: 0)
        meanFundamentalHz = 0
        fundamentalSamples = 0
        fundamentalSquaredDeviationsHz2 = 0
        acousticReports = 0
        lastPositionFixNs = 0
        turns = TurnWindows()
        straightClimb = StraightRunClimb()
    }

    /// Takes over the cooperative identity of a duplicate track being
    /// removed, so that a transponder or an ADS-B category that only the
    /// duplicate saw keeps vetoing uncrewed on the survivor.
    @inlinable public mutating func adoptIdentity(of other: TrackEvidence) {
        if icaoAddress == nil { icaoAddress = other.icaoAddress }
        if let c = other.emitterCategory, emitterCategory == nil || EmitterCategory.isCrewed(c) {
            emitterCategory = c
        }
        cooperativeReplies &+= other.cooperativeReplies
    }

    /// Adds the evidence of one fused measurement, taken at `timeNs`.
    @inlinable public mutating func absorb(_ e: MeasurementEvidence, kind: MeasurementKind, timeNs: Int64) {
        if kind != .bearing { lastPositionFixNs = max(lastPositionFixNs, timeNs) }
        if let a = e.icaoAddress { icaoAddress = a }
        if let c = e.emitterCategory { emitterCategory = c }
        if e.cooperativeReply { cooperativeReplies &+= 1 }
        if let r = e.rcsDbsm, r.isFinite {
            rcsSamples &+= 1
            let before = meanRcsDbsm
            meanRcsDbsm += (r - before) / Double(rcsSamples)
            rcsSquaredDeviationsDb2 += (r - before) * (r - meanRcsDbsm)
            if timeNs - lastRcsNs > Self.rcsGapNs { recentRcsSamples = 0 }
            recentRcsSamples &+= 1
            recentRcsDbsm += max(Self.recentRcsWeight, 1 / Double(recentRcsSamples)) * (r - recentRcsDbsm)
            lastRcsNs = max(lastRcsNs, timeNs)
        }
        guard kind == .bearing else { return }
        acousticReports &+= 1
        if e.sourceHint > 0 && e.sourceHint < 5 {
            hintWeight[Int(e.sourceHint)] += min(1, max(0, e.sourceHintConfidence))
        }
        if let f = e.fundamentalHz, f.isFinite, f > 0 {
            fundamentalSamples &+= 1
            let before = meanFundamentalHz
            meanFundamentalHz += (f - before) / Double(fundamentalSamples)
            fundamentalSquaredDeviationsHz2 += (f - before) * (f - meanFundamentalHz)
        }
    }

    /// Weight of the newest RCS estimate in `recentRcsDbsm` (about the last
    /// ten plots count).
    public static var recentRcsWeight: Double { 0.2 }
    /// A gap between plots after which the recent RCS starts again: several
    /// missed scans of the slowest radar (2D surveillance, 5 s).
    public static var rcsGapNs: Int64 { 15_000_000_000 }

    /// Summed weight of the named source hints (1...4; 0 is "unknown").
    @inlinable public var namedHintWeight: Double {
        var total = 0.0
        for h in 1..<5 { total += hintWeight[h] }
        return total
    }

    /// True when a helicopter's main rotor (hint 4) is heard on the track:
    /// its hint weight at least `weight` and at least `share` of all named
    /// hints, so that misread hints of the track's own source (a few per
    /// hundred reports) are not taken for a rotor.
    @inlinable public func hearsRotor(weight: Double, share: Double) -> Bool {
        let rotor = hintWeight[4]
        return rotor >= weight && rotor >= share * namedHintWeight
    }

    /// Sample standard deviation of the RCS estimates, dB; 0 with fewer than two.
    @inlinable public var rcsScatterDb: Double {
        rcsSamples > 1 ? (max(0, rcsSquaredDeviationsDb2) / Double(rcsSamples - 1)).squareRoot() : 0
    }

    /// Sample standard deviation of the fundamentals, Hz; 0 with fewer than two.
    @inlinable public var fundamentalScatterHz: Double {
        fundamentalSamples > 1
            ? (max(0, fundamentalSquaredDeviationsHz2) / Double(fundamentalSamples - 1)).squareRoot() : 0
    }

    /// True when the track has shown a cooperative signal that says "crewed":
    /// a crewed ADS-B emitter category, or a transponder reply without an
    /// ADS-B category declaring an unmanned aerial vehicle. Such a track is
    /// never declared uncrewed, whatever the rest of the evidence says.
    @inlinable public var hasCooperativeCrewedEvidence: Bool {
        if let c = emitterCategory {
            if c == EmitterCategory.unmannedAerialVehicle { return false }
            if EmitterCategory.isCrewed(c) { return true }
        }
        return cooperativeReplies > 0 || icaoAddress != nil
    }
}

extension TrackView {
    /// When the track's position was last fixed by a radar plot or an ADS-B
    /// position; for a track that never had one (acoustic cross-fixes
    /// only), its newest update. What cueing counts coasting from.
    @inlinable public var lastPositionFixNs: Int64 {
        evidence.lastPositionFixNs > 0 ? evidence.lastPositionFixNs : lastUpdateNs
    }
}

/// ADS-B emitter categories (ASTERIX I021/020, ECAT) that matter here.
public enum EmitterCategory {
    public static let unmannedAerialVehicle: UInt8 = 13
    /// Light, small, medium, high-vortex, heavy, high-performance aircraft;
    /// rotorcraft; glider/sailplane; ultralight/hang-glider/paraglider.
    @inlinable public static func isCrewed(_ c: UInt8) -> Bool {
        switch c {
        case 1, 2, 3, 4, 5, 6, 10, 11, 15: true
        default: false
        }
    }
}
