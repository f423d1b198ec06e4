import FusionCore
import FusionMath

/// One GOSPA evaluation and its decomposition.
///
/// The squared parts add up: `localisationSquared + missedSquared +
/// falseSquared == totalSquared` and `total = totalSquared^(1/2)`.
public struct GOSPAResult: Sendable, Equatable {
    /// The GOSPA distance, metres.
    public var total: Double
    /// total², m².
    public var totalSquared: Double
    /// Σ d(x, y)² over the assigned pairs, m².
    public var localisationSquared: Double
    /// (c²/2) x missed truths, m².
    public var missedSquared: Double
    /// (c²/2) x false estimates, m².
    public var falseSquared: Double
    public var assignedCount: Int
    public var missedCount: Int
    public var falseCount: Int
}

/// The generalised optimal sub-pattern assignment metric between a set of
/// true target positions and a set of estimated positions, with order
/// p = 2 and alpha = 2 (Rahmathullah, García-Fernández and Svensson,
/// "Generalized optimal sub-pattern assignment metric", FUSION 2017):
///
///     d(X, Y) = ( min_γ Σ_{(i,j)∈γ} d(x_i, y_j)²  +  (c²/2) (|X| + |Y| - 2|γ|) )^(1/2)
///
/// over partial assignments γ whose pairs are closer than the cut-off c.
/// With alpha = 2 the metric splits into localisation error of assigned
/// targets, missed targets and false targets, each costing c²/2. A pair at
/// distance >= c is never worth assigning (it costs at least c², the same as
/// one miss plus one false), so such pairs are forbidden, and the minimum is
/// exactly a `LinearAssignment` with row and column non-assignment cost
/// c²/2.
///
/// Distances are Euclidean in the local ENU frame, in 3D or horizontal only.
/// Storage is sized at init; an evaluation does not allocate.
public struct GOSPA: Sendable {
    public enum Distance: Sendable { case threeD, horizontal }

    public let cutoffM: Double
    public let distance: Distance
    var assignment: LinearAssignment

    /// - Parameters:
    ///   - cutoffM: the cut-off c, metres (> 0).
    ///   - maxTruths, maxEstimates: the largest sets `evaluate` accepts.
    public init(cutoffM: Double, distance: Distance = .threeD, maxTruths: Int, maxEstimates: Int) {
        precondition(cutoffM > 0 && cutoffM.isFinite)
        self.cutoffM = cutoffM
        self.distance = distance
        assignment = LinearAssignment(maxRows: maxTruths, maxColumns: maxEstimates)
    }

    func squaredDistance(_ a: Vector3, _ b: Vector3) -> Double {
        let dx = a.x - b.x, dy = a.y - b.y
        switch distance {
        case .threeD:
            let dz = a.z - b.z
            return dx * dx + dy * dy + dz * dz
        case .horizontal:
            return dx * dx + dy * dy
        }
    }

    /// GOSPA between `truths` and `estimates` (ENU positions, metres).
    public mutating func evaluate(truths: [Vector3], estimates: [Vector3]) -> GOSPAResult {
        let n = truths.count, m = estimates.count
        precondition(n <= assignment.maxRows && m <= assignment.maxColumns, "GOSPA sets larger than capacity")
        let c2 = cutoffM * cutoffM
        let half = 0.5 * c2
        assignment.reset(rows: n, columns: m, rowUnassignedCost: half, columnUnassignedCost: half)
        for i in 0..<n {
            for j in 0..<m {
                let d2 = squaredDistance(truths[i], estimates[j])
                if d2 < c2 { assignment.setCost(row: i, column: j, d2) }
            }
        }
        // Finite non-assignment costs: leaving everything unassigned is always feasible.
        do throws(AssignmentError) {
            try assignment.solve()
        } catch {
            preconditionFailure("GOSPA assignment cannot be infeasible")
        }
        var localisation = 0.0
        var assigned = 0
        for i in 0..<n {
            if let j = assignment.column(assignedToRow: i) {
                localisation += assignment.cost(row: i, column: j)
                assigned += 1
            }
        }
        let missed = n - assigned, falseCount = m - assigned
        let missedSquared = half * Double(missed), falseSquared = half * Double(falseCount)
        let totalSquared = localisation + missedSquared + falseSquared
        return GOSPAResult(
            total: totalSquared.squareRoot(), totalSquared: totalSquared,
            localisationSquared: localisation, missedSquared: missedSquared, falseSquared: falseSquared,
            assignedCount: assigned, missedCount: missed, falseCount: falseCount)
    }
}
