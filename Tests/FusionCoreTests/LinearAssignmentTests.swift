import FusionCore
import Simulation
import Testing

/// A random problem kept in plain arrays, independent of the solver's storage.
private struct Problem {
    var rows: Int
    var columns: Int
    var cost: [[Double]]
    var rowMiss: [Double]
    var columnMiss: [Double]

    static func random(_ g: inout SeededGenerator, rows: Int, columns: Int,
                       forbidden: Double, mustAssign: Double) -> Problem {
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: columns), count: rows)
        for i in 0..<rows {
            for j in 0..<columns where g.uniform() >= forbidden { cost[i][j] = g.uniform(-2, 10) }
        }
        let rowMiss = (0..<rows).map { _ in g.uniform() < mustAssign ? Double.infinity : g.uniform(0, 8) }
        let columnMiss = (0..<columns).map { _ in g.uniform() < mustAssign ? Double.infinity : g.uniform(0, 8) }
        return Problem(rows: rows, columns: columns, cost: cost, rowMiss: rowMiss, columnMiss: columnMiss)
    }

    func load(into lap: inout LinearAssignment) {
        lap.reset(rows: rows, columns: columns)
        for i in 0..<rows { lap.setRowUnassignedCost(i, rowMiss[i]) }
        for j in 0..<columns { lap.setColumnUnassignedCost(j, columnMiss[j]) }
        for i in 0..<rows {
            for j in 0..<columns where cost[i][j].isFinite { lap.setCost(row: i, column: j, cost[i][j]) }
        }
    }

    /// Minimum over every partial matching, by enumeration.
    func bruteForce() -> Double {
        var usedColumn = [Bool](repeating: false, count: columns)
        func best(_ i: Int) -> Double {
            if i == rows {
                var s = 0.0
                for j in 0..<columns where !usedColumn[j] { s += columnMiss[j] }
                return s
            }
            var b = rowMiss[i] + best(i + 1)
            for j in 0..<columns where !usedColumn[j] && cost[i][j].isFinite {
                usedColumn[j] = true
                b = min(b, cost[i][j] + best(i + 1))
                usedColumn[j] = false
            }
            return b
        }
        return best(0)
    }

    /// Greedy: cheapest pairs first, each taken only if it beats leaving both out.
    func greedy() -> Double {
        var pairs: [(Double, Int, Int)] = []
        for i in 0..<rows { for j in 0..<columns where cost[i][j].isFinite { pairs.append((cost[i][j], i, j)) } }
        pairs.sort { $0.0 < $1.0 }
        var rowTaken = [Bool](repeating: false, count: rows), columnTaken = [Bool](repeating: false, count: columns)
        var total = 0.0
        for (c, i, j) in pairs where !rowTaken[i] && !columnTaken[j] && c < rowMiss[i] + columnMiss[j] {
            rowTaken[i] = true
            columnTaken[j] = true
            total += c
        }
        for i in 0..<rows where !rowTaken[i] { total += rowMiss[i] }
        for j in 0..<columns where !columnTaken[j] { total += columnMiss[j] }
        return total
    }

    /// Checks the solver's mapping is a matching of allowed pairs and returns its cost.
    func checkedCost(of lap: LinearAssignment) -> Double {
        var total = 0.0
        var seen = [Bool](repeating: false, count: columns)
        for i in 0..<rows {
            if let j = lap.column(assignedToRow: i) {
                #expect(!seen[j], "column assigned twice")
                seen[j] = true
                #expect(cost[i][j].isFinite, "forbidden pair assigned")
                #expect(lap.row(assignedToColumn: j) == i)
                total += cost[i][j]
            } else {
                total += rowMiss[i]
            }
        }
        for j in 0..<columns where !seen[j] {
            #expect(lap.row(assignedToColumn: j) == nil)
            total += columnMiss[j]
        }
        return total
    }
}

@Suite struct LinearAssignmentTests {
    @Test func matchesBruteForceOnSmallRandomProblems() {
        var g = SeededGenerator(seed: 2017)
        var lap = LinearAssignment(maxRows: 6, maxColumns: 6)
        var infeasibleSeen = 0
        for _ in 0..<500 {
            let p = Problem.random(&g, rows: 1 + Int(g.next() % 6), columns: 1 + Int(g.next() % 6),
                                   forbidden: g.uniform(0, 0.7), mustAssign: g.uniform(0, 0.4))
            p.load(into: &lap)
            let expected = p.bruteForce()
            do throws(AssignmentError) {
                let total = try lap.solve()
                #expect(expected.isFinite)
                #expect(abs(total - expected) <= 1e-9 * max(1, abs(expected)))
                #expect(abs(p.checkedCost(of: lap) - total) <= 1e-9 * max(1, abs(total)))
                #expect(lap.totalCost == total)
            } catch {
                infeasibleSeen += 1
                #expect(expected == .infinity, "solver said infeasible, brute force found \(expected)")
            }
        }
        // The generator must exercise both outcomes.
        #expect(infeasibleSeen > 5 && infeasibleSeen < 250)
    }

    @Test func largerProblemsAreValidMatchingsNoWorseThanGreedy() {
        var g = SeededGenerator(seed: 99)
        var lap = LinearAssignment(maxRows: 80, maxColumns: 80)
        var strictlyBetter = 0
        for _ in 0..<60 {
            let p = Problem.random(&g, rows: 20 + Int(g.next() % 61), columns: 20 + Int(g.next() % 61),
                                   forbidden: g.uniform(0.5, 0.95), mustAssign: 0)
            p.load(into: &lap)
            do throws(AssignmentError) {
                let total = try lap.solve()
                let greedy = p.greedy()
                #expect(total <= greedy + 1e-9)
                if total < greedy - 1e-9 { strictlyBetter += 1 }
                #expect(abs(p.checkedCost(of: lap) - total) <= 1e-9 * max(1, abs(total)))
            } catch {
                Issue.record("finite non-assignment costs cannot be infeasible")
            }
        }
        #expect(strictlyBetter > 0)
    }

    @Test func classicRectangularCaseByHand() throws {
        // Every row must be assigned, columns may stay free at no cost.
        let c: [[Double]] = [[4, 1, 3, 9], [2, 0, 5, 9], [3, 2, 2, 9]]
        var lap = LinearAssignment(maxRows: 3, maxColumns: 4)
        lap.reset(rows: 3, columns: 4, columnUnassignedCost: 0)
        for i in 0..<3 { for j in 0..<4 { lap.setCost(row: i, column: j, c[i][j]) } }
        let total = try lap.solve()
        #expect(total == 5)   // 1 + 2 + 2: rows 0->1, 1->0, 2->2
        #expect(lap.column(assignedToRow: 0) == 1)
        #expect(lap.column(assignedToRow: 1) == 0)
        #expect(lap.column(assignedToRow: 2) == 2)
        #expect(lap.row(assignedToColumn: 3) == nil)
    }

    @Test func missingIsChosenWhenCheaperThanAnyPair() throws {
        var lap = LinearAssignment(maxRows: 2, maxColumns: 2)
        lap.reset(rows: 2, columns: 2, rowUnassignedCost: 1, columnUnassignedCost: 1)
        lap.setCost(row: 0, column: 0, 3)      // worse than missing both (1 + 1)
        lap.setCost(row: 1, column: 1, 1.5)    // better
        let total = try lap.solve()
        #expect(total == 1 + 1 + 1.5)
        #expect(lap.column(assignedToRow: 0) == nil)
        #expect(lap.column(assignedToRow: 1) == 1)
    }

    @Test func infeasibleWhenRowsMustBeAssignedButCannot() {
        var lap = LinearAssignment(maxRows: 2, maxColumns: 2)
        lap.reset(rows: 2, columns: 1, columnUnassignedCost: 0)
        lap.setCost(row: 0, column: 0, 1)
        lap.setCost(row: 1, column: 0, 1)
        #expect(throws: AssignmentError.infeasible) { try lap.solve() }
        // The instance is reusable after a failure.
        lap.reset(rows: 1, columns: 1)
        lap.setCost(row: 0, column: 0, 4)
        #expect((try? lap.solve()) == 4)
    }

    @Test func emptyProblemsCostNothingOrTheirMisses() throws {
        var lap = LinearAssignment(maxRows: 3, maxColumns: 3)
        lap.reset(rows: 0, columns: 0)
        #expect(try lap.solve() == 0)
        lap.reset(rows: 0, columns: 3, columnUnassignedCost: 2)
        #expect(try lap.solve() == 6)
    }
}
