import FusionCore

/// Scores the classification of a tracking run against its truth: per truth
/// kind, matched track time by reported class, counted from a grace period
/// after the truth's first snapshot in sensor coverage; and every snapshot
/// where a track of a crewed aircraft was reported uncrewed (the one error
/// that must never happen): matched to a crewed truth at that snapshot, and
/// matched to that truth more often than to any other over its life (so a
/// drone's track that passes within the match distance of an aircraft is
/// not counted as the aircraft's).
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
    /// Snapshots where a track of a crewed aircraft was reported uncrewed (at
    /// any time, grace or not), and a description of the first few.
    public var crewedAsUncrewed: Int { crewedSuspects.filter { isOwnTruth($0.track, $0.truth) }.count + mergedCrewed }
    public var crewedAsUncrewedCases: [String] {
        mergedCases + crewedSuspects.filter { isOwnTruth($0.track, $0.truth) }.prefix(5).map(\.text)
    }
    /// Track id -> truth id -> matched snapshots, over the whole run.
    var truthCounts: [UInt32: [Int: Int]] = [:]
    /// Snapshots where a track matched to a crewed truth was reported uncrewed.
    var crewedSuspects: [(track: UInt32, truth: Int, text: String)] = []
    var mergedCrewed = 0
    var mergedCases: [String] = []

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
            truthCounts[track.id, default: [:]][id, default: 0] += 1
            if truth.kind.isCrewed && reported == .uncrewed {
                crewedSuspects.append(
                    (track.id, id, "track \(track.id) = truth \(id) (\(truth.kind)) p_uncrewed \(track.belief.pUncrewed)"))
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
        mergedCrewed += other.crewedAsUncrewed
        mergedCases += other.crewedAsUncrewedCases.prefix(max(0, 5 - mergedCases.count))
    }

    /// Whether `truth` is the truth `track` was matched to most often (ties
    /// count: the safety figure errs toward counting).
    func isOwnTruth(_ track: UInt32, _ truth: Int) -> Bool {
        guard let counts = truthCounts[track], let mine = counts[truth] else { return false }
        return counts.allSatisfy { $0.key == truth || $0.value <= mine }
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
