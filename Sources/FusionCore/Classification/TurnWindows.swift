import FusionMath

/// How much of its flight a track has spent turning: consecutive windows of
/// `windowNs` of its filtered horizontal velocity, each counted straight or
/// turning by the heading change over it, for the classifier's turn-rate
/// term.
///
/// Why it is evidence: a glider climbs in thermals by circling (20-30 s a
/// turn, 10-20 deg/s) for a good part of its flight, local light-aircraft
/// and helicopter traffic (circuits, training, aerial work) turns every
/// minute or so, birds meander, while a one-way attack drone or an airliner
/// flies long straight legs between waypoints. One window says little;
/// many straight windows in a row say "not circling". Straight windows
/// also count whether the speed held (`steadySpeedChangeMps`): autopilots
/// hold it, gliders and hand-flown aircraft let it wander.
///
/// The heading change is summed from fix to fix (each step well under
/// half a turn), so a window's total is the change of the filtered heading
/// between its ends, with no wrap-around at any turn rate. A window counts
/// straight only while the heading is well defined throughout: speed at
/// least `minSpeedMps` and velocity sigma at most `maxHeadingSigmaRad` of
/// it (hovering multirotors and young tracks say nothing). A turn counts
/// through a wider sigma, up to `maxTurnHeadingSigmaRad`, when the heading
/// change is `turnSignificance` times its error (the ends' sigmas): the
/// tracker's manoeuvre model widens the velocity covariance in every turn,
/// and with the straight gate alone a circling glider's and a wandering
/// light aircraft's turns were never counted, only their straight legs
/// (hard-case suite: no turning window in 20 seeds of thermalling gliders,
/// and a glider on 300 s of wandering legs declared uncrewed with 12
/// straight windows and none turning). A window that is neither, or a
/// heading beyond the wider sigma, or a gap of more than two windows,
/// starts again. Frame: the tracking frame's ENU; heading clockwise from
/// north, radians.
@frozen
public struct TurnWindows: Sendable, BitwiseCopyable {
    /// Heading of the newest reliable fix, rad.
    public var lastHeadingRad: Float
    /// Heading change summed since the current window began, rad (signed).
    public var windowTurnRad: Float
    /// Start of the current window, ns; 0 while none is open.
    public var windowStartNs: Int64
    /// Time of the newest reliable fix, ns.
    public var lastFixNs: Int64
    /// Completed windows flown straight and turning (saturating).
    public var straight: UInt16
    public var turning: UInt16
    /// Of the straight windows, those whose filtered speed changed by less
    /// than `steadySpeedChangeMps` between their ends (saturating).
    public var steady: UInt16
    /// Heading sigma at the current window's start, and the largest since,
    /// rad (velocity sigma over speed).
    public var windowStartSigmaRad: Float
    public var windowMaxSigmaRad: Float
    /// Horizontal speed at the current window's start, m/s.
    public var windowStartSpeedMps: Float

    @inlinable public init() {
        lastHeadingRad = 0
        windowTurnRad = 0
        windowStartNs = 0
        lastFixNs = 0
        straight = 0
        turning = 0
        steady = 0
        windowStartSigmaRad = 0
        windowMaxSigmaRad = 0
        windowStartSpeedMps = 0
    }

    /// Length of one window: long enough that the filtered heading's noise
    /// (a few degrees at each end) stays well below `turningRateRadPerS`
    /// times it, short enough to see one turn of a circling glider.
    public static var windowNs: Int64 { 10_000_000_000 }
    /// Mean turn rate over a window at or above which it counts as turning:
    /// 2 deg/s, below a rate-one turn (3 deg/s) and far below thermalling
    /// (10-20 deg/s), and 3.5 times the rate error of a 10 s window whose
    /// ends carry 0.1 rad of heading error each.
    public static var turningRateRadPerS: Double { 2 * Math.radiansPerDegree }
    public static var minSpeedMps: Double { 10 }
    public static var maxHeadingSigmaRad: Double { 0.1 }
    /// Widest heading sigma through which a turn still counts, rad, and how
    /// many times its error the window's heading change must be. Four, not
    /// three: a track that swaps onto a neighbour in a raid's stream jumps
    /// in heading through a wide covariance, and at three the hard-case
    /// suite's straight-flying drones counted 11 turning windows in 20
    /// seeds (1 at four, as with the straight gate alone), while circling
    /// gliders count 403 (482 at three, none before).
    public static var maxTurnHeadingSigmaRad: Double { 0.5 }
    public static var turnSignificance: Double { 4 }
    /// Largest change of the filtered ground speed over a straight window
    /// for it to count as flown at a steady speed, m/s. An autopilot holds
    /// its airspeed, and on a straight leg in a steady wind its ground
    /// speed; a glider flies its speed-to-fly, faster through sink and
    /// slower through lift, and a hand-flown aircraft wanders in gusts. On
    /// the OpenSky recordings (../shared/data/traffic-samples, straight
    /// flight, ground speed 8-13 s apart scaled to 10 s, the feed's
    /// extrapolated state vectors dropped) the speed changed by less than
    /// this in 96 % of the loitering border_control aircraft's windows
    /// (Tekever AR5 UAS, unverified), 88 % of the TV-relay aircraft's, 53 %
    /// and 57 % of the gliders luberon's and sisteron's (median change 1.3
    /// m/s, a tenth of them above 4.5), 55 % of the survey aircraft's and
    /// 58 % of the helicopter rega_sg's. The hard-case radar (1 s, Doppler)
    /// sees a constant-speed piston drone's straight windows under it 90 %
    /// of the time: its filtered speed's noise stays below the gliders'
    /// changes.
    public static var steadySpeedChangeMps: Double { 1.5 }

    /// What one fix did to the windows: nothing, a window (re)started
    /// after none was open or completed with its heading too uncertain to
    /// call, or a window completed straight or turning (the next one
    /// starting at the same fix). `StraightRunClimb` follows it.
    public enum Outcome: UInt8, Sendable, BitwiseCopyable {
        case none, started, straight, turning
    }

    /// Notes the filtered horizontal velocity (`eastMps`, `northMps`, with
    /// per-axis sigma `sigmaMps`) of a track just fixed at `timeNs`.
    @inlinable @discardableResult
    public mutating func observe(eastMps: Double, northMps: Double, sigmaMps: Double, timeNs: Int64) -> Outcome {
        let speed = (eastMps * eastMps + northMps * northMps).squareRoot()
        guard speed >= Self.minSpeedMps, sigmaMps <= Self.maxTurnHeadingSigmaRad * speed, timeNs > lastFixNs else {
            if timeNs > lastFixNs { windowStartNs = 0 }
            return .none
        }
        let heading = Math.atan2(eastMps, northMps)
        let sigmaRad = Float(sigmaMps / speed)
        let restart = windowStartNs == 0 || timeNs - lastFixNs > 2 * Self.windowNs
        if !restart { windowTurnRad += Float(Angle.wrapSigned(heading - Double(lastHeadingRad))) }
        lastHeadingRad = Float(heading)
        lastFixNs = timeNs
        if restart {
            openWindow(atNs: timeNs, sigmaRad: sigmaRad, speedMps: speed)
            return .started
        }
        let elapsedNs = timeNs - windowStartNs
        let turn = abs(Double(windowTurnRad))
        let rate = turn / (Double(elapsedNs) * 1e-9)
        // A window's heading turning uncertain (or certain again) with no
        // turn under way starts a new window there: straight flight through
        // a glitch of the filter loses no more than the glitch, and a turn
        // that widens the covariance is read from its start.
        let wide = sigmaRad > Float(Self.maxHeadingSigmaRad)
        let windowWide = windowMaxSigmaRad > Float(Self.maxHeadingSigmaRad)
        if wide != windowWide && rate < Self.turningRateRadPerS {
            openWindow(atNs: timeNs, sigmaRad: sigmaRad, speedMps: speed)
            return .started
        }
        windowMaxSigmaRad = max(windowMaxSigmaRad, sigmaRad)
        guard elapsedNs >= Self.windowNs else { return .none }
        let endsSigma = Double(windowStartSigmaRad * windowStartSigmaRad + sigmaRad * sigmaRad).squareRoot()
        let outcome: Outcome
        let certain = windowMaxSigmaRad <= Float(Self.maxHeadingSigmaRad)
        if rate >= Self.turningRateRadPerS && (certain || turn >= Self.turnSignificance * endsSigma) {
            outcome = .turning
            if turning < UInt16.max { turning += 1 }
        } else if rate < Self.turningRateRadPerS && certain {
            outcome = .straight
            if straight < UInt16.max { straight += 1 }
            if abs(speed - Double(windowStartSpeedMps)) < Self.steadySpeedChangeMps && steady < UInt16.max { steady += 1 }
        } else {
            // Neither: the heading was too uncertain to call it.
            outcome = .started
        }
        openWindow(atNs: timeNs, sigmaRad: sigmaRad, speedMps: speed)
        return outcome
    }

    @inlinable mutating func openWindow(atNs timeNs: Int64, sigmaRad: Float, speedMps: Double) {
        windowStartNs = timeNs
        windowStartSpeedMps = Float(speedMps)
        windowTurnRad = 0
        windowStartSigmaRad = sigmaRad
        windowMaxSigmaRad = sigmaRad
    }

    /// Completed windows.
    @inlinable public var count: Int { Int(straight) + Int(turning) }
}
