/// Truth class against reported class, counted in matched track-snapshots.
///
/// Each snapshot in which a reported track is matched to a truth adds one to
/// the cell (truth class, reported class). At the replay tool's default
/// 1 s snapshot period a count is a track-second. Rows are the truth
/// classes (uncrewed, crewed, bird), columns all four report classes.
public struct ClassificationTable: Sendable, Equatable {
    /// counts[truth.index][reported.index]; the truth index is never `unknown`.
    public private(set) var counts: [[Int]]

    public init() {
        counts = [[Int]](
            repeating: [Int](repeating: 0, count: ReportClass.allCases.count), count: ReportClass.truthClasses.count)
    }

    /// Matched track-snapshots of `truth` targets reported as `reported`.
    public subscript(truth: ReportClass, reported: ReportClass) -> Int {
        precondition(truth != .unknown, "a truth is never unknown")
        return counts[truth.index][reported.index]
    }

    mutating func add(truth: ReportClass, reported: ReportClass) {
        precondition(truth != .unknown, "a truth is never unknown")
        counts[truth.index][reported.index] += 1
    }

    /// Matched track-snapshots of `truth` targets, whatever reported.
    public func total(truth: ReportClass) -> Int { counts[truth.index].reduce(0, +) }

    /// Share of matched track-snapshots reported as their true class.
    public var accuracy: Double {
        let all = counts.reduce(0) { $0 + $1.reduce(0, +) }
        guard all > 0 else { return 0 }
        var right = 0
        for c in ReportClass.truthClasses { right += counts[c.index][c.index] }
        return Double(right) / Double(all)
    }
}
