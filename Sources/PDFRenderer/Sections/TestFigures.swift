import PDFCanvas
import PMOSurvey
import ReportStyle

extension Figures {
    /// The same trusts' models in the two latest waves: a row per earlier model, a column per later one.
    mutating func table(_ t: ModelTransitions) -> Block {
        let models = ModelTransitions.models
        let columns = [Table.Column(title: "Model in \(t.fromWave)", weight: 1.6, alignment: .left)]
            + models.map { Table.Column(title: "\($0.label) in \(t.toWave)", weight: 1, alignment: .right) }
            + [Table.Column(title: "Trusts", weight: 0.8, alignment: .right)]
        // A total over a withheld count would give it back: such totals are withheld too.
        func total(_ counts: [Int?]) -> RichText {
            RichText(counts.contains { $0 == nil } ? Withheld.mark : counts.reduce(0) { $0 + $1! }.grouped)
        }
        var rows = models.indices.map { from in
            Table.Row(cells: [RichText(models[from].label)] + models.indices.map { to in
                guard let count = t.count(from: from, to: to) else { return RichText(Withheld.mark) }
                return from == to || count == 0 ? RichText(count.grouped) : .bold(count.grouped)
            } + [total(models.indices.map { t.count(from: from, to: $0) })])
        }
        rows.append(Table.Row(cells: [RichText("All trusts in both waves")]
                                + models.indices.map { to in total(models.indices.map { t.count(from: $0, to: to) }) }
                                + [RichText(t.trusts.grouped)], isTotal: true))
        return table("How the same trusts' models changed from \(t.fromWave) to \(t.toWave)", columns: columns, rows: rows,
                     note: "Trusts with a valid answer in both waves. In bold: trusts that changed model."
                        + (t.hasWithheld ? " " + Withheld.markNote : ""))
    }

    /// Every test of the latest wave, as in the SignificanceTests table.
    mutating func table(_ tests: Significance, titles: [String: String], wave: String) -> Block {
        let columns = [Table.Column(title: "Figures", weight: 2.4, alignment: .left),
                       Table.Column(title: "Test", weight: 1.3, alignment: .left),
                       Table.Column(title: "Statistic", weight: 0.8, alignment: .right),
                       Table.Column(title: "df", weight: 0.5, alignment: .right),
                       Table.Column(title: "p-value", weight: 0.9, alignment: .right),
                       Table.Column(title: "Groups", weight: 0.7, alignment: .right),
                       Table.Column(title: "n", weight: 0.7, alignment: .right)]
        let rows = tests.tests.map { t in
            let title = titles[t.breakdown] ?? t.breakdown
            guard let statistic = t.statistic, let df = t.degreesOfFreedom, let pValue = t.pValue else {
                return Table.Row(cells: [RichText(t.category.map { "\(title): \($0)" } ?? title), RichText(Self.testName(t.test))]
                                    + Array(repeating: RichText(Withheld.mark), count: 5))
            }
            let p = PValueStyle.figure(pValue)
            return Table.Row(cells: [RichText(t.category.map { "\(title): \($0)" } ?? title), RichText(Self.testName(t.test)),
                                     RichText(NumberStyle.ratio.text(statistic)), RichText(String(df)),
                                     pValue < Significance.level ? .bold(p) : RichText(p),
                                     RichText(String(t.groups)), RichText(t.n.grouped)])
        }
        let leftOut = tests.tests.contains { !$0.groupsLeftOut.isEmpty }
        return table("Tests of differences, \(wave)", columns: columns, rows: rows,
                     note: "p-values below 5% in bold. Chi-square: p-value from the chi-square distribution; exact: from "
                        + "every table with the same totals; simulated: from up to 100,000 random tables (some expected "
                        + "counts below 5); Bowker: the same trusts' models in two waves, "
                        + "groups being the two waves."
                        + (leftOut ? " Groups with a withheld figure are left out of a test; [c]: the test is withheld, as "
                            + "fewer than two groups are left." : ""))
    }

    static func testName(_ test: String) -> String {
        switch test {
        case "chi-square": "Chi-square"
        case "exact": "Chi-square, exact"
        case "monte-carlo": "Chi-square, simulated"
        case "bowker": "Bowker symmetry"
        default: test
        }
    }
}
