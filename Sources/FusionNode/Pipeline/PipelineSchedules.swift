/// When the pipeline's periodic work is next due, on the injected clock:
/// track reports, CAT062, CoT, and engine maintenance (at least once per
/// second of data time, as `FusionEngine.maintain` requires).
///
/// Every schedule runs on whole multiples of its period since the Unix
/// epoch, so that a replay's snapshot times do not depend on where the
/// capture starts within a second.
struct PipelineSchedules {
    static let maintenancePeriodNs: Int64 = 1_000_000_000

    let reportPeriodNs: Int64
    let cat062PeriodNs: Int64?
    let cotPeriodNs: Int64?
    /// Next due times; nil until the first datagram starts the clock.
    private(set) var nextReportNs: Int64?
    private(set) var nextCat062Ns: Int64?
    private(set) var nextCoTNs: Int64?
    private(set) var nextMaintenanceNs: Int64?

    init(reportPeriodNs: Int64, cat062PeriodNs: Int64?, cotPeriodNs: Int64?) {
        self.reportPeriodNs = max(1, reportPeriodNs)
        self.cat062PeriodNs = cat062PeriodNs.map { max(1, $0) }
        self.cotPeriodNs = cotPeriodNs.map { max(1, $0) }
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
    }

    var nextDueNs: Int64? {
        guard let maintenance = nextMaintenanceNs else { return nil }
        // Element by element: an array literal here would allocate per call.
        var t = maintenance
        if let r = nextReportNs { t = min(t, r) }
        if let c = nextCat062Ns { t = min(t, c) }
        if let c = nextCoTNs { t = min(t, c) }
        return t
    }

    /// Which outputs are due at `t`; moves each due schedule past `t`.
    mutating func take(atNs t: Int64) -> (report: Bool, cat062: Bool, cot: Bool) {
        start(atNs: t)
        func due(_ next: inout Int64?, _ period: Int64?) -> Bool {
            guard let n = next, let p = period, t >= n else { return false }
            next = Self.boundary(after: t, period: p)
            return true
        }
        let report = due(&nextReportNs, reportPeriodNs)
        let cat062 = due(&nextCat062Ns, cat062PeriodNs)
        let cot = due(&nextCoTNs, cotPeriodNs)
        _ = due(&nextMaintenanceNs, Self.maintenancePeriodNs)
        return (report, cat062, cot)
    }
}
