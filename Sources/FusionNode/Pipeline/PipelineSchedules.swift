import FusionCore

/// When the pipeline's periodic work is next due, on the injected clock:
/// track reports, CAT062, CoT, the once-a-second cueing pass over every
/// track, and the engine's ageing pass in `slices` slices, one every
/// `1 s / slices` (`FusionEngine.maintain(atNs:slice:)`), so that every
/// track is aged once per second of data time and no single call stalls
/// the datagrams behind it for a whole table's work.
///
/// Every schedule runs on whole multiples of its period since the Unix
/// epoch, so that a replay's snapshot times do not depend on where the
/// capture starts within a second; a slice's index follows from its due
/// time, so live and replay age the same tracks at the same times.
struct PipelineSchedules {
    static let maintenancePeriodNs: Int64 = 1_000_000_000

    /// Which ageing work is due: one slice, or (after a stall longer than a
    /// whole pass) every track at once.
    enum Ageing: Equatable {
        case slice(Int)
        case all
    }

    let reportPeriodNs: Int64
    let cat062PeriodNs: Int64?
    let cotPeriodNs: Int64?
    let slices: Int
    let slicePeriodNs: Int64
    /// Next due times; nil until the first datagram starts the clock.
    private(set) var nextReportNs: Int64?
    private(set) var nextCat062Ns: Int64?
    private(set) var nextCoTNs: Int64?
    private(set) var nextMaintenanceNs: Int64?
    private(set) var nextSliceNs: Int64?

    init(reportPeriodNs: Int64, cat062PeriodNs: Int64?, cotPeriodNs: Int64?, slices: Int = 1) {
        self.reportPeriodNs = max(1, reportPeriodNs)
        self.cat062PeriodNs = cat062PeriodNs.map { max(1, $0) }
        self.cotPeriodNs = cotPeriodNs.map { max(1, $0) }
        self.slices = max(1, slices)
        slicePeriodNs = FusionEngine.maintenanceSlicePeriodNs(slices: self.slices)
    }

    /// The first multiple of `period` strictly after `t`.
    static func boundary(after t: Int64, period: Int64) -> Int64 {
        var q = t / period
        if q * period > t { q -= 1 }  // floor for times before 1970
        return (q + 1) * period
    }

    /// Starts the schedules at the first data time (later calls do nothing).
    mutating func start(atNs t: Int64) {
        guard nextMaintenanceNs == nil else { return }
        nextReportNs = Self.boundary(after: t, period: reportPeriodNs)
        nextCat062Ns = cat062PeriodNs.map { Self.boundary(after: t, period: $0) }
        nextCoTNs = cotPeriodNs.map { Self.boundary(after: t, period: $0) }
        nextMaintenanceNs = Self.boundary(after: t, period: Self.maintenancePeriodNs)
        nextSliceNs = Self.boundary(after: t, period: slicePeriodNs)
    }

    var nextDueNs: Int64? {
        guard let periodic = nextPeriodicDueNs else { return nil }
        guard let s = nextSliceNs else { return periodic }
        return min(periodic, s)
    }

    /// The next whole second or output period (`take`'s `periodic`).
    var nextPeriodicDueNs: Int64? {
        guard let maintenance = nextMaintenanceNs else { return nil }
        // Element by element: an array literal here would allocate per call.
        var t = maintenance
        if let r = nextReportNs { t = min(t, r) }
        if let c = nextCat062Ns { t = min(t, c) }
        if let c = nextCoTNs { t = min(t, c) }
        return t
    }

    /// What is due at `t`; moves each due schedule past `t`. `periodic`:
    /// the whole-second pass or an output is due (the cueing pass over
    /// every track runs then, as before slicing).
    mutating func take(atNs t: Int64) -> (ageing: Ageing?, periodic: Bool, report: Bool, cat062: Bool, cot: Bool) {
        start(atNs: t)
        func due(_ next: inout Int64?, _ period: Int64?) -> Bool {
            guard let n = next, let p = period, t >= n else { return false }
            next = Self.boundary(after: t, period: p)
            return true
        }
        var ageing: Ageing?
        if let s = nextSliceNs, t >= s {
            // A stall past a whole pass ages every track at once.
            let k = FusionEngine.maintenanceSlice(dueAtNs: s, slices: slices)
            ageing = t - s >= Self.maintenancePeriodNs ? .all : .slice(k)
            nextSliceNs = Self.boundary(after: t, period: slicePeriodNs)
        }
        let report = due(&nextReportNs, reportPeriodNs)
        let cat062 = due(&nextCat062Ns, cat062PeriodNs)
        let cot = due(&nextCoTNs, cotPeriodNs)
        let second = due(&nextMaintenanceNs, Self.maintenancePeriodNs)
        return (ageing, second || report || cat062 || cot, report, cat062, cot)
    }
}
