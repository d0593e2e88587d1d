import PMOSurvey
import XlsxWriter

/// Which sheets the workbook has, in order, with the names and descriptions the Summary's
/// contents list shows. Decided up front so the Summary can link to sheets written after it.
struct SheetLayout {
    enum BreakdownTable {
        case shares(ShareTable)
        case fte(FTETable)
    }

    struct Breakdown {
        let sheet: String
        let table: BreakdownTable
    }

    static let summary = "Summary"
    static let dataQuality = "Data quality"
    static let significanceTests = "Significance tests"
    static let pairwiseTests = "Pairwise tests"
    static let modelTransitions = "Model transitions"
    static let about = "About"

    let breakdowns: [Breakdown]
    /// Whether the survey has two waves, and so a Model transitions sheet.
    let hasTransitions: Bool
    /// `Responses`, then `Responses (2)` and so on when the rows exceed one sheet.
    let responseSheets: [String]
    let responsesPerSheet: Int

    /// The lowest row a data sheet's Table header can have; the rows above hold the title, notes
    /// and any internal-use warning.
    static let tableHeaderRow = 5

    /// `responsesPerSheet` defaults to as many rows as fit below the header; tests lower it to
    /// see the split without a million responses.
    init(analysis: Analysis, responsesPerSheet: Int? = nil) {
        var breakdowns = [
            Breakdown(sheet: "Model by sector", table: .shares(analysis.modelBySector)),
            Breakdown(sheet: "Model by size", table: .shares(analysis.modelBySize)),
            Breakdown(sheet: "PMO size by sector", table: .shares(analysis.pmoSizeBySector)),
            Breakdown(sheet: "FTE by sector", table: .fte(analysis.fteBySector)),
            Breakdown(sheet: "FTE by size", table: .fte(analysis.fteBySize)),
            Breakdown(sheet: "Project types by sector", table: .shares(analysis.projectTypesBySector)),
            Breakdown(sheet: "Services by sector", table: .shares(analysis.servicesBySector)),
            Breakdown(sheet: "Reporting line", table: .shares(analysis.reportingLine)),
        ]
        if let byWave = analysis.modelByWave {
            breakdowns.append(Breakdown(sheet: "Model by wave", table: .shares(byWave)))
        }
        self.breakdowns = breakdowns
        hasTransitions = analysis.significance.transitions != nil

        let perSheet = responsesPerSheet ?? Limits.rows - SheetLayout.tableHeaderRow - 1
        let count = analysis.sharedResponses.count
        let sheets = max(1, (count + perSheet - 1) / perSheet)
        self.responsesPerSheet = perSheet
        responseSheets = (1...sheets).map { $0 == 1 ? "Responses" : "Responses (\($0))" }
    }

    /// The Table name of the n-th (zero-based) responses sheet: the contract's `Responses`,
    /// then `Responses2`, `Responses3`.
    static func responsesTableName(_ index: Int) -> String {
        index == 0 ? "Responses" : "Responses\(index + 1)"
    }

    /// Every sheet after the Summary with what it holds, for the contents list.
    var contents: [(sheet: String, description: String)] {
        var entries: [(String, String)] = breakdowns.map { breakdown in
            switch breakdown.table {
            case .shares(let t): (breakdown.sheet, "\(t.title): Table \(t.name) and chart")
            case .fte(let t): (breakdown.sheet, "\(t.title): Table \(t.name) and chart")
            }
        }
        entries.append((SheetLayout.significanceTests, "Is a difference between groups real? Table SignificanceTests"))
        entries.append((SheetLayout.pairwiseTests, "Every pair of groups compared, Holm-adjusted: Table PairwiseTests"))
        if hasTransitions {
            entries.append((SheetLayout.modelTransitions, "The same trusts' PMO models in the two latest waves: Table ModelTransitions"))
        }
        for (i, sheet) in responseSheets.enumerated() {
            let part = responseSheets.count > 1 ? " (part \(i + 1) of \(responseSheets.count))" : ""
            entries.append((sheet, "Validated responses of every wave of the named trusts\(part): Table \(SheetLayout.responsesTableName(i))"))
        }
        entries.append((SheetLayout.dataQuality, "Rejected, superseded and questionable rows: Table DataQuality"))
        entries.append((SheetLayout.about, "Source file, counts, definitions and how the figures were made"))
        return entries
    }
}
