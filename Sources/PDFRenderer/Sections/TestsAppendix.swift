import PDFCanvas
import PMOSurvey

extension ReportContent {
    /// The method appendix's account of the significance tests, in words a board member reads,
    /// with every test of the report in a table.
    mutating func testsMethod() -> [Block] {
        let tests = analysis.significance
        var blocks: [Block] = [
            .subheading("Is a difference real? Tests of significance"),
            .prose("Confidence intervals show how precise each share is, but comparing two intervals by eye is not a test: "
                + "two shares can differ significantly even when their intervals overlap. Wherever the text says that groups "
                + "differ, or do not, it rests on one of the tests below."),
            .prose("Whether answers differ between groups at all (for example, whether the mix of PMO models differs by "
                + "sector) is tested with Pearson's chi-square test. It compares the counts in the table with the counts "
                + "expected if every group answered alike: the bigger the gap, the bigger the statistic and the smaller the "
                + "p-value. Groups with no answers, answers no trust gave and the All trusts row are left out. Where some "
                + "expected counts are below 5, the chi-square formula is unreliable, so the p-value is the chance, among "
                + "all tables with the same group sizes and answer totals, of one that differs at least as much as the survey "
                + "did: worked out exactly where the table has two columns or two rows (an answer chosen or not), otherwise "
                + "found by simulation: random tables with those totals are drawn (Patefield's method) until the p-value is "
                + "settled to the digits shown and on its side of 5%, at most \(IndependenceTest.simulatedTables.grouped). "
                + "The simulation starts from a fixed seed, so the same survey always gives the same p-values. Where a trust could give several answers, each answer is tested on its own: chosen or not, by sector."),
            .prose("Two groups are compared on one answer (for example, Acute against Mental Health trusts on the hybrid "
                + "model) with a two-proportion z test, or with Fisher's exact test when any count in the comparison is "
                + "below \(Significance.smallestPairCell). Only groups with at least \(Significance.smallestPairBase) answers "
                + "are compared. Comparing many pairs at once makes some chance findings likely, so the p-values of the pairs "
                + "on one answer are adjusted by Holm's method, and the text quotes the adjusted p-value. Every pair is in the "
                + "PairwiseTests table of the workbook; the workbook's crosstabs mark with letters the groups that differ."),
        ]
        if let t = tests.transitions {
            blocks.append(.prose("Change between waves is followed in the same trusts: those with a valid answer in both "
                + "\(t.fromWave) and \(t.toWave). Bowker's test of symmetry asks whether moves from one model to another "
                + "outnumber moves back by more than chance would explain."))
        }
        blocks.append(.prose("A p-value is the chance of seeing a difference at least as large as the one observed if, in truth, "
            + "the groups did not differ. “Significant at 5%” means that this chance is below 5%: the difference is unlikely "
            + "to come only from which trusts happened to answer. It does not mean that the difference is large or "
            + "important, that it is 95% certain to be real, or that one thing causes another; and where there is no real "
            + "difference, about one test in twenty still comes out “significant”. “Not significant” does not show that the groups are the same: "
            + "with small groups, real differences often go undetected."))
        let titles = Dictionary(uniqueKeysWithValues: analysis.shareTables.map { ($0.name.rawValue, $0.title) })
            .merging([TableName.modelTransitions.rawValue: tests.transitions.map { "PMO model, same trusts, \($0.fromWave) to \($0.toWave)" } ?? ""]) { $1 }
        if !tests.tests.isEmpty {
            blocks.append(figures.table(tests, titles: titles, wave: "latest wave (\(latestWave))"))
        }
        return blocks
    }
}
