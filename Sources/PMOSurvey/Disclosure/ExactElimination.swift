/// Which unknowns a set of linear equations with integer coefficients pins down exactly: the
/// audit of secondary suppression asks whether a withheld figure follows from the published ones.
///
/// Exact integer arithmetic (each row kept divided by the greatest common divisor of its entries),
/// never floating point: a rounding error would make a recoverable figure look safe. Coefficients
/// here are small (0, ±1, and group sizes) and stay small; Swift traps rather than overflow.
struct ExactElimination {
    /// Rows of coefficients over `columns` unknowns.
    private var rows: [[Int]]
    private let columns: Int

    init(rows: [[Int]], columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    /// The unknowns whose value the equations determine, whatever the others are: the columns `j`
    /// for which the unit vector e_j is in the row space, i.e. a row of the reduced echelon form
    /// has a single non-zero entry, in column `j`.
    func determined() -> [Int] {
        var rows = self.rows
        var pivotRow = 0
        for column in 0..<columns where pivotRow < rows.count {
            guard let found = (pivotRow..<rows.count).first(where: { rows[$0][column] != 0 }) else { continue }
            rows.swapAt(pivotRow, found)
            let pivot = rows[pivotRow]
            for r in rows.indices where r != pivotRow && rows[r][column] != 0 {
                let factor = rows[r][column], scale = pivot[column]
                rows[r] = Self.normalised(zip(rows[r], pivot).map { $0 * scale - $1 * factor })
            }
            pivotRow += 1
        }
        return rows.prefix(pivotRow).compactMap { row in
            let nonZero = row.indices.filter { row[$0] != 0 }
            return nonZero.count == 1 ? nonZero[0] : nil
        }
    }

    /// The row divided by the gcd of its entries, so entries stay small.
    private static func normalised(_ row: [Int]) -> [Int] {
        let divisor = row.reduce(0) { gcd($0, abs($1)) }
        return divisor > 1 ? row.map { $0 / divisor } : row
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
