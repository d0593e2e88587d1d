/// The trusts with a central PMO (central or hybrid model) and a known FTE, in ascending order of
/// FTE and of FTE per 1,000 staff. Sorting is most of the FTE tables' work: it is done once here
/// for every group of both tables, not once per group and statistic.
struct StaffedTrusts {
    struct Trust {
        /// Where its response is in `responses`.
        let position: Int
        let value: Double
        /// Whether it may be named in shared outputs: disclosure control counts the others.
        let named: Bool
    }

    let byFTE: [Trust]
    /// Those with a staff headcount too.
    let byFTEPer1000Staff: [Trust]
    /// How many responses positions refer to.
    let responseCount: Int

    init(_ members: [Int], _ columns: AnswerColumns) {
        var byFTE: [Trust] = [], byFTEPer1000Staff: [Trust] = []
        for i in members {
            guard let fte = columns.staffedFTE[i] else { continue }
            byFTE.append(Trust(position: i, value: fte, named: columns.named[i]))
            if let perThousand = columns.staffedFTEPer1000Staff[i] {
                byFTEPer1000Staff.append(Trust(position: i, value: perThousand, named: columns.named[i]))
            }
        }
        self.byFTE = byFTE.sorted { $0.value < $1.value }
        self.byFTEPer1000Staff = byFTEPer1000Staff.sorted { $0.value < $1.value }
        responseCount = columns.named.count
    }
}
