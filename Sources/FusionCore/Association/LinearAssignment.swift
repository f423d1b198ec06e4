/// Why an assignment problem has no solution.
public enum AssignmentError: Error, Equatable, Sendable {
    /// Some row or column can neither be assigned (every pair forbidden or
    /// already needed elsewhere) nor left unassigned (its non-assignment cost
    /// is +infinity).
    case infeasible
}

/// Minimum-cost assignment of rows (tracks) to columns (measurements) of a
/// rectangular cost matrix, with forbidden pairs and optional non-assignment.
///
/// The problem: choose a partial matching `γ` of rows to columns minimising
///
///     Σ_{(i,j)∈γ} C[i,j]  +  Σ_{i unassigned} rowCost[i]  +  Σ_{j unassigned} columnCost[j]
///
/// where `C[i,j] = +infinity` forbids a pair (outside the gate) and an
/// infinite row or column cost means "must be assigned". With every column
/// cost 0 and row costs infinite this is the classic rectangular problem
/// (assign every row, columns may stay free).
///
/// Algorithm: the problem is embedded in the square `(n+m)x(n+m)` matrix
///
///     [ C      diag(rowCost) ]     row i missing    = row i takes its dummy column
///     [ diag(columnCost)  0  ]     column j missing = column j takes its dummy row
///
/// (off-diagonal entries of the two diagonal blocks are forbidden) and solved
/// by the shortest augmenting path method of Jonker and Volgenant (1987):
/// one Dijkstra search per row over reduced costs `C - u - v`, keeping the
/// dual potentials `u, v` feasible so that each augmentation is optimal. See
/// D. F. Crouse, "On implementing 2D rectangular assignment algorithms",
/// IEEE Trans. AES 52(4), 2016, for this formulation and its handling of
/// forbidden pairs. The augmented matrix is never stored: its entries are
/// computed from `C` and the two cost vectors. Time O((n+m)^3) per solve,
/// which is why the tracker solves per cluster (`AssociationClusters`).
///
/// Storage is sized at init; `reset`, `setCost` and `solve` never allocate.
/// Costs should be of moderate magnitude (|cost| < 1e150) so that potentials
/// stay finite; NaN and -infinity are programming errors and trap.
///
/// The tracker's flow, one cluster at a time (costs are -2 ln of the
/// likelihoods, so that the total is -2 ln of the hypothesis' likelihood):
///
///     var lap = LinearAssignment(maxRows: 64, maxColumns: 64)    // once, at start-up
///     // per cluster c of `clusters` (see AssociationClusters):
///     let cl = clusters.cluster(c)
///     lap.reset(rows: cl.trackCount, columns: cl.measurementCount)
///     for r in 0..<cl.trackCount {       // -2 ln(1 - P_D P_G): the track misses this scan
///         lap.setRowUnassignedCost(r, missCost(clusters.track(cl, row: r)))
///     }
///     for k in 0..<cl.measurementCount { // -2 ln(λ_clutter + λ_new): clutter or a new target
///         lap.setColumnUnassignedCost(k, newTargetCost)
///     }
///     for q in cl.pairs {                // NIS + ln det(2π S) - 2 ln P_D, inside the gate
///         let p = clusters.pair(q)
///         lap.setCost(row: p.localRow, column: p.localColumn, p.cost)
///     }
///     do throws(AssignmentError) {
///         try lap.solve()
///         for r in 0..<cl.trackCount {
///             if let k = lap.column(assignedToRow: r) {
///                 update(clusters.track(cl, row: r), with: clusters.measurement(cl, column: k))
///             }
///         }
///     } catch { /* only possible with infinite non-assignment costs */ }
///
/// (`AssociationClusters.load(cluster:into:trackMissCost:measurementMissCost:)`
/// does the three fill loops.)
public struct LinearAssignment: Sendable {
    public let maxRows: Int
    public let maxColumns: Int
    /// Shape of the current problem (set by `reset`).
    public private(set) var rows = 0
    public private(set) var columns = 0

    @usableFromInline var cost: [Double]        // rows x columns, row-major, stride `columns`
    @usableFromInline var rowCost: [Double]
    @usableFromInline var columnCost: [Double]
    // Results.
    var rowToColumn: [Int]
    var columnToRow: [Int]
    public private(set) var totalCost = 0.0
    // Scratch of the augmenting-path search, 1-based over the augmented
    // square problem with index 0 as the virtual start column.
    var u: [Double]
    var v: [Double]
    var minReduced: [Double]
    var owner: [Int]      // owner[j]: augmented row holding augmented column j, 0 = none
    var way: [Int]
    var used: [Bool]

    public init(maxRows: Int, maxColumns: Int) {
        precondition(maxRows >= 0 && maxColumns >= 0)
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        let n = maxRows + maxColumns + 1
        cost = Array(repeating: .infinity, count: max(1, maxRows * maxColumns))
        rowCost = Array(repeating: .infinity, count: max(1, maxRows))
        columnCost = Array(repeating: .infinity, count: max(1, maxColumns))
        rowToColumn = Array(repeating: -1, count: max(1, maxRows))
        columnToRow = Array(repeating: -1, count: max(1, maxColumns))
        u = Array(repeating: 0, count: n)
        v = Array(repeating: 0, count: n)
        minReduced = Array(repeating: 0, count: n)
        owner = Array(repeating: 0, count: n)
        way = Array(repeating: 0, count: n)
        used = Array(repeating: false, count: n)
    }

    /// Starts a new problem of `rows` x `columns`: every pair forbidden, every
    /// row and column given the uniform non-assignment costs (+infinity: must
    /// be assigned).
    public mutating func reset(
        rows: Int, columns: Int,
        rowUnassignedCost: Double = .infinity, columnUnassignedCost: Double = .infinity
    ) {
        precondition(rows >= 0 && rows <= maxRows && columns >= 0 && columns <= maxColumns,
                     "assignment problem larger than its capacity")
        precondition(Self.isAllowed(rowUnassignedCost) && Self.isAllowed(columnUnassignedCost))
        self.rows = rows
        self.columns = columns
        for k in 0..<(rows * columns) { cost[k] = .infinity }
        for i in 0..<rows { rowCost[i] = rowUnassignedCost; rowToColumn[i] = -1 }
        for j in 0..<columns { columnCost[j] = columnUnassignedCost; columnToRow[j] = -1 }
        totalCost = 0
    }

    @inlinable static func isAllowed(_ c: Double) -> Bool { !c.isNaN && c != -.infinity }

    /// Cost of assigning `row` to `column`; +infinity forbids the pair.
    @inlinable public mutating func setCost(row: Int, column: Int, _ value: Double) {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns)
        precondition(Self.isAllowed(value), "assignment cost is NaN or -infinity")
        cost[row * columns + column] = value
    }

    @inlinable public func cost(row: Int, column: Int) -> Double {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns)
        return cost[row * columns + column]
    }

    /// Cost of leaving `row` unassigned (a track that misses); +infinity: must be assigned.
    @inlinable public mutating func setRowUnassignedCost(_ row: Int, _ value: Double) {
        precondition(row >= 0 && row < rows && Self.isAllowed(value))
        rowCost[row] = value
    }

    /// Cost of leaving `column` unassigned (a measurement that may start a
    /// track, or clutter); +infinity: must be assigned.
    @inlinable public mutating func setColumnUnassignedCost(_ column: Int, _ value: Double) {
        precondition(column >= 0 && column < columns && Self.isAllowed(value))
        columnCost[column] = value
    }

    /// The column assigned to `row` by the last successful `solve`, nil when unassigned.
    public func column(assignedToRow row: Int) -> Int? {
        precondition(row >= 0 && row < rows)
        let j = rowToColumn[row]
        return j >= 0 ? j : nil
    }

    /// The row assigned to `column` by the last successful `solve`, nil when unassigned.
    public func row(assignedToColumn column: Int) -> Int? {
        precondition(column >= 0 && column < columns)
        let i = columnToRow[column]
        return i >= 0 ? i : nil
    }

    /// Entry of the augmented square matrix, 1-based: rows 1...n are the real
    /// rows, n+1...n+m the column dummies; columns 1...m the real columns,
    /// m+1...m+n the row dummies.
    @inline(__always) func augmentedCost(_ i: Int, _ j: Int) -> Double {
        let n = rows, m = columns
        if i <= n {
            return j <= m ? cost[(i - 1) * m + (j - 1)] : (j - m == i ? rowCost[i - 1] : .infinity)
        }
        return j <= m ? (i - n == j ? columnCost[j - 1] : .infinity) : 0
    }

    /// Solves the current problem; returns the minimum total cost (also kept
    /// in `totalCost`). Throws `.infeasible` when no assignment has finite cost.
    @discardableResult
    public mutating func solve() throws(AssignmentError) -> Double {
        let size = rows + columns
        for k in 0...size { u[k] = 0; v[k] = 0; owner[k] = 0; way[k] = 0 }
        for i in 0..<rows { rowToColumn[i] = -1 }
        for j in 0..<columns { columnToRow[j] = -1 }
        totalCost = 0
        guard size > 0 else { return 0 }

        for i in 1...size {
            // Dijkstra from row i over reduced costs until a free column is reached.
            owner[0] = i
            var j0 = 0
            for j in 0...size { minReduced[j] = .infinity; used[j] = false }
            repeat {
                used[j0] = true
                let i0 = owner[j0]
                let ui0 = u[i0]
                var delta = Double.infinity
                var j1 = -1
                for j in 1...size where !used[j] {
                    let reduced = augmentedCost(i0, j) - ui0 - v[j]
                    if reduced < minReduced[j] { minReduced[j] = reduced; way[j] = j0 }
                    if minReduced[j] < delta { delta = minReduced[j]; j1 = j }
                }
                // No finite path from row i to a free column.
                if j1 < 0 { throw .infeasible }
                for j in 0...size {
                    if used[j] {
                        u[owner[j]] += delta
                        v[j] -= delta
                    } else {
                        minReduced[j] -= delta
                    }
                }
                j0 = j1
            } while owner[j0] != 0
            // Flip the alternating path back to the start.
            repeat {
                let j1 = way[j0]
                owner[j0] = owner[j1]
                j0 = j1
            } while j0 != 0
        }

        // Read off the real pairs and sum the cost from the inputs (not from
        // the potentials) so that the reported total is exact.
        var total = 0.0
        for j in 1...size {
            let i = owner[j]
            if i <= rows && j <= columns {
                rowToColumn[i - 1] = j - 1
                columnToRow[j - 1] = i - 1
                total += cost[(i - 1) * columns + (j - 1)]
            }
        }
        for i in 0..<rows where rowToColumn[i] < 0 { total += rowCost[i] }
        for j in 0..<columns where columnToRow[j] < 0 { total += columnCost[j] }
        totalCost = total
        return total
    }
}
