import FusionCore

/// Scores the classification of a tracking run against its truth: per truth
/// kind, matched track time by reported class, counted from a grace period
/// after the truth's first snapshot in sensor coverage; and every snapshot
/// where a track matched to a crewed truth was reported uncrewed (the one
/// error that must never happen).
///
/// Feed it each snapshot with its truth-to-track matches (`RunScorer.match`)
/// and a coverage predicate (`HardCaseSetup.isCovered`).
public struct ClassificationScore: Sendable {
    /// Time after the first snapshot in coverage before a truth counts, ns.
    public var graceNs: Int64
    /// Truth id -> time of its first snapshot in coverage.
    public private(set) var firstCoveredNs: [Int: Int64] = [:]
    /// Kind -> reported class -> matched snapshots (after the grace period).
    public private(set) var matched: [TargetKind: [TargetClass: Int]] = [:]
    /// Snapshots where a track matched to a crewed truth was reported uncrewed
    /// (at any time, grace or not), and a description of the first few.
    public private(set) var crewedAsUncrewed = 0
    public private(set) var crewedAsUncrewedCases: [String] = []

    public init(graceS: Double = 30) {
        graceNs = Int64((graceS * 1e9).rounded())
    }

    public mutating func add(_ s: RunSnapshot, matches: [Int?], isCovered: (TruthSample) -> Bool) {
        for truth in s.truths where firstCoveredNs[truth.id] == nil && isCovered(truth) {
            firstCoveredNs[truth.id] = s.timeNs
        }
        for (k, track) in s.tracks.enumerated() {
            guard let id = matches[k], let truth = s.truths.first(where: { $0.id == id }) else { continue }
            let reported = track.belief.declared
            if truth.kind.isCrewed && reported == .uncrewed {
                crewedAsUncrewed += 1
                if crewedAsUncrewedCases.count < 5 {
                    crewedAsUncrewedCases.append(
                        "track \(track.id) = truth \(id) (\(truth.kind)) p_uncrewed \(track.belief.pUncrewed)")
                }
            }
            guard let first = firstCoveredNs[id], s.timeNs >= first + graceNs else { continue }
            matched[truth.kind, default: [:]][reported, default: 0] += 1
        }
    }

    /// Adds another run's figures.
    public mutating func merge(_ other: ClassificationScore) {
        for (kind, byClass) in other.matched {
            for (c, n) in byClass { matched[kind, default: [:]][c, default: 0] += n }
        }
        crewedAsUncrewed += other.crewedAsUncrewed
        crewedAsUncrewedCases += other.crewedAsUncrewedCases.prefix(max(0, 5 - crewedAsUncrewedCases.count))
    }

    /// Matched snapshots of truths of `kinds` (all of a class when nil).
    public func snapshots(of truthClass: TargetClass, reportedAs reported: Set<TargetClass>) -> (hits: Int, total: Int) {
        var hits = 0, total = 0
        for (kind, byClass) in matched where kind.truthClass == truthClass {
            for (c, n) in byClass {
                total += n
                if reported.contains(c) { hits += n }
            }
        }
        return (hits, total)
    }

    /// Share of matched time of truths of `truthClass` reported as one of `reported`; nil without any.
    public func share(of truthClass: TargetClass, reportedAs reported: Set<TargetClass>) -> Double? {
        let (hits, total) = snapshots(of: truthClass, reportedAs: reported)
        return total > 0 ? Double(hits) / Double(total) : nil
    }

    /// One line per kind: matched snapshots and the share of each class.
    public var table: String {
        var lines: [String] = []
        for kind in TargetKind.allCases {
            guard let byClass = matched[kind] else { continue }
            let total = byClass.values.reduce(0, +)
            let parts = TargetClass.allCases.map { c in
                "\(c.reportName) \(total > 0 ? Double(byClass[c] ?? 0) / Double(total) : 0)"
            }
            lines.append("\(kind): \(total) s, " + parts.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
