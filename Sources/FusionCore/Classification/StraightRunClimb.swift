/// Mean climb over a track's straight flight, for the classifier's
/// straight-run climb term: the filtered height's change over runs of
/// consecutive straight `TurnWindows` windows, each run counted once it has
/// lasted `minRunNs`, summed over the track's life.
///
/// Why it is evidence: a glider has no engine. In still air it sinks at its
/// polar's rate (standard class about 0.7 m/s at 28 m/s, 1.5 m/s at 42 m/s),
/// and it holds height only in rising air: thermals it circles in (turning
/// windows, not counted here), and ridges, waves and cloud streets it runs
/// along. A powered aircraft holds height on a straight leg (an autopilot
/// within metres) or climbs and descends as flown. Measured on the OpenSky
/// recordings (../shared/data/traffic-samples, straight runs of 60 s or
/// more): gliders luberon and sisteron sank more than 0.5 m/s for 67 % and
/// 46 % of their straight time (medians -0.78 and -0.39 m/s), held within
/// 0.5 m/s for 21 % and 47 % (sisteron runs its Alpine ridges), climbed for
/// 12 % and 7 %; the survey aircraft pixair_toulouse held within 0.5 m/s for
/// 96 %, the loitering border_control aircraft (Tekever AR5 UAS, unverified)
/// for 99 %, the TV-relay aircraft vasaloppet 62 %, the helicopter rega_sg
/// 33 %.
///
/// A run's climb is a difference of two filtered heights at least a minute
/// apart, so its error is the two heights' (the filter's variance at each
/// end, taken as independent) over the run's length: at 12 km from a 3D
/// radar with 0.6 deg elevation noise, about 0.3 m/s after two minutes. The
/// young track's vertical velocity, which a turn or a new plot swings by
/// metres a second, is not used. Frame: the tracking frame's up axis;
/// heights m, times ns.
@frozen
public struct StraightRunClimb: Sendable, BitwiseCopyable {
    /// A filtered height at a fix: time ns (0: none), height m, variance m^2.
    @frozen
    public struct HeightFix: Sendable, BitwiseCopyable {
        public var timeNs: Int64
        public var heightM: Float
        public var varianceM2: Float

        @inlinable public init(timeNs: Int64 = 0, heightM: Float = 0, varianceM2: Float = 0) {
            self.timeNs = timeNs
            self.heightM = heightM
            self.varianceM2 = varianceM2
        }
    }

    /// Start of the window now open (a run starts at a straight window's start).
    public var windowStart: HeightFix
    /// The open run: its start and its newest straight window's end (time
    /// 0: no run open).
    public var runStart: HeightFix
    public var runEnd: HeightFix
    /// Runs closed at `minRunNs` or longer, summed: seconds flown, height
    /// change m, variance of the height changes m^2.
    public var closedS: Float
    public var closedHeightChangeM: Float
    public var closedVarianceM2: Float

    @inlinable public init() {
        windowStart = HeightFix()
        runStart = HeightFix()
        runEnd = HeightFix()
        closedS = 0
        closedHeightChangeM = 0
        closedVarianceM2 = 0
    }

    /// Shortest run that counts: six windows. Shorter straight stretches
    /// are a glider's dash between two thermal turns, over which its height
    /// says little.
    public static var minRunNs: Int64 { 6 * TurnWindows.windowNs }

    /// Notes what the turn windows made of a fix at `timeNs` with filtered
    /// height `heightM` (variance `varianceM2`).
    @inlinable public mutating func observe(
        _ outcome: TurnWindows.Outcome, heightM: Double, varianceM2: Double, timeNs: Int64
    ) {
        let fix = HeightFix(timeNs: timeNs, heightM: Float(heightM), varianceM2: Float(max(0, varianceM2)))
        switch outcome {
        case .none:
            return
        case .started:
            close()
        case .straight:
            if runStart.timeNs == 0, windowStart.timeNs > 0 { runStart = windowStart }
            if runStart.timeNs > 0 { runEnd = fix }
        case .turning:
            close()
        }
        // Every outcome but `.none` opens a window at this fix.
        windowStart = fix
    }

    /// Length of the open run, ns, when it is long enough to count
    /// (`minRunNs`); nil otherwise or with no run open.
    @inlinable var countedOpenRunNs: Int64? {
        let lengthNs = runEnd.timeNs - runStart.timeNs
        return runStart.timeNs > 0 && lengthNs >= Self.minRunNs ? lengthNs : nil
    }

    /// Ends the open run, keeping it when long enough.
    @inlinable mutating func close() {
        if let lengthNs = countedOpenRunNs {
            closedS += Float(Double(lengthNs) * 1e-9)
            closedHeightChangeM += runEnd.heightM - runStart.heightM
            closedVarianceM2 += runStart.varianceM2 + runEnd.varianceM2
        }
        runStart.timeNs = 0
        runEnd.timeNs = 0
    }

    /// Straight flight counted so far (closed runs and the open one when
    /// long enough), seconds.
    @inlinable public var straightS: Double {
        Double(closedS) + (countedOpenRunNs.map { Double($0) * 1e-9 } ?? 0)
    }

    /// Mean climb over the straight flight counted, m/s (up), and its
    /// variance (m/s)^2; nil before any run has lasted `minRunNs`.
    @inlinable public var meanClimb: (mps: Double, varianceMps2: Double)? {
        var s = Double(closedS), dz = Double(closedHeightChangeM), v = Double(closedVarianceM2)
        if let lengthNs = countedOpenRunNs {
            s += Double(lengthNs) * 1e-9
            dz += Double(runEnd.heightM - runStart.heightM)
            v += Double(runStart.varianceM2 + runEnd.varianceM2)
        }
        guard s > 0 else { return nil }
        return (dz / s, v / (s * s))
    }
}
