import PDFCanvas
import PMOSurvey
import ReportStyle

/// Plain-English readings of the figures, written from the data: the largest category, whether
/// the groups differ (by the significance tests), the biggest difference between groups and its
/// test, and caveats where a group is small.
enum Reading {
    /// Below this base a group's shares are too uncertain to compare, and the reading says so.
    static let smallBase = 10

    /// `Acute trusts`, `small trusts`, `the 2015-12 wave`.
    static func group(_ label: String, kind: GroupKind) -> String {
        switch kind {
        case .sector: label + " trusts"
        case .trustSize: label == TrustSize.unknown.rawValue ? "trusts of unknown size" : label.lowercased() + " trusts"
        case .wave: "the " + label + " wave"
        }
    }

    /// The category in running text: `hybrid` for the model, `Transformation` for a project type.
    static func category(_ raw: String) -> String {
        PMOModel(rawValue: raw).map { $0 == .none ? "no formal function" : $0.label.lowercased() } ?? raw
    }

    /// What trusts in a model do, for headline sentences: `run a hybrid model`.
    static func verbPhrase(_ model: PMOModel) -> String {
        model == .none ? "have no formal project function" : "run a \(model.label.lowercased()) model"
    }

    /// `76 (46.1%, 95% CI 38.6% to 53.7%)`.
    static func countWithInterval(_ share: Share) -> String {
        let ci = share.interval
        return "\(share.count.grouped) (\(NumberText.percent(share.value)), 95% CI \(NumberText.interval(ci.low, ci.high)))"
    }

    /// The headline sentence of a single-answer model table: "Of 165 trusts, 76 (46.1%, 95% CI
    /// 38.6% to 53.7%) run a hybrid model."
    static func headline(_ table: ShareTable) -> RichText? {
        // "The most common" over a row with a withheld figure would say something of that figure.
        guard let all = table.allTrusts, !all.hasWithheld,
              let top = zip(table.categories, all.figures.map { $0! }).max(by: { $0.1.count < $1.1.count }),
              let model = PMOModel(rawValue: top.0) else { return nil }
        return RichText("Of \(all.base.grouped) trusts, ") + .bold(countWithInterval(top.1))
            + RichText(" \(verbPhrase(model)).")
    }

    /// The groups compared in readings: not `All trusts`, with a base large enough, and (for a
    /// category) its figure published.
    private static func comparable(_ table: ShareTable, category: Int? = nil) -> [ShareTable.Group] {
        table.groups.filter { g in
            g.label != Groups.allTrusts && g.base >= smallBase && (category.map { g.share($0) != nil } ?? !g.hasWithheld)
        }
    }

    /// The sentence that stands where a reading would state withheld figures.
    static func withheldNote(_ table: ShareTable) -> String? {
        let groups = table.groups.filter(\.hasWithheld).map { group($0.label, kind: table.groupKind) }
        guard !groups.isEmpty else { return nil }
        return "Some figures for \(list(groups)) are \(Withheld.toProtect)."
    }

    /// How one category's share varies across groups: the highest and lowest comparable group,
    /// and whether the test of that pair finds them different.
    static func contrast(_ table: ShareTable, category index: Int, tests: Significance) -> String? {
        let groups = comparable(table, category: index)
        guard groups.count >= 2,
              let high = groups.max(by: { $0.share(index)!.value < $1.share(index)!.value }),
              let low = groups.min(by: { $0.share(index)!.value < $1.share(index)!.value }),
              high.label != low.label else { return nil }
        return pairTest(table, category: index, high: high, low: low, tests: tests)
    }

    static func smallBaseCaveat(_ groups: [(label: String, base: Int)], kind: GroupKind) -> String? {
        let small = groups.filter { $0.label != Groups.allTrusts && $0.base < smallBase }
        guard !small.isEmpty else { return nil }
        let names = small.map { "\(group($0.label, kind: kind)) (n=\($0.base))" }
        return "Fewer than \(smallBase) answers came from \(list(names)): read their figures with caution; they are left out of the comparisons above."
    }

    /// `Project type` as `project type`, but `PMO model` kept as it is: acronyms stay capitals.
    static func sentenceCase(_ text: String) -> String {
        guard let first = text.first, !text.dropFirst().prefix(1).contains(where: \.isUppercase) else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// A short reading of a share table.
    static func shares(_ table: ShareTable, tests: Significance) -> [RichText] {
        guard let all = table.allTrusts else { return [] }
        let kind = sentenceCase(table.categoryKind)
        var out: [String] = []
        let note = withheldNote(table)
        if all.hasWithheld {
            // No ranking of categories: it would bound the withheld figures.
            if let note { out.append(note) }
            return out.map { RichText($0) }
        }
        let order = table.categories.indices.sorted { all.share($0)!.value > all.share($1)!.value }
        if table.multipleChoice {
            let top = order[0], bottom = order[order.count - 1]
            out.append("Across all \(all.base.grouped) \(table.baseDescription), the most common \(kind) is "
                + "\(category(table.categories[top])) (\(NumberText.percent(all.share(top)!.value))) and the least common "
                + "\(category(table.categories[bottom])) (\(NumberText.percent(all.share(bottom)!.value))). "
                + "A trust could choose several, so shares add to more than 100%.")
            // The spread over groups is read only where every group's figure is published.
            let groups = comparable(table)
            let spread = order.max { a, b in
                let sa = groups.map { $0.share(a)!.value }, sb = groups.map { $0.share(b)!.value }
                return (sa.max() ?? 0) - (sa.min() ?? 0) < (sb.max() ?? 0) - (sb.min() ?? 0)
            }
            if let spread, let sentence = contrast(table, category: spread, tests: tests) {
                let test = tableTest(table, category: table.categories[spread], tests: tests).map { " " + $0 } ?? ""
                out.append("Groups differ most on \(category(table.categories[spread])). " + sentence + test)
            }
        } else {
            let top = order[0]
            var first = "Across all \(all.base.grouped) \(table.baseDescription), the most common \(kind) is "
                + "\(category(table.categories[top])) (\(NumberText.percent(all.share(top)!.value)))"
            if order.count > 1 {
                first += ", followed by \(category(table.categories[order[1]])) (\(NumberText.percent(all.share(order[1])!.value)))"
            }
            out.append(first + ".")
            if let sentence = tableTest(table, tests: tests) { out.append(sentence) }
            if let sentence = contrast(table, category: top, tests: tests) { out.append(sentence) }
        }
        if let caveat = smallBaseCaveat(table.groups.map { ($0.label, $0.base) }, kind: table.groupKind) {
            out.append(caveat)
        }
        if let note { out.append(note) }
        return out.map { RichText($0) }
    }

    /// A short reading of an FTE table.
    static func fte(_ table: FTETable) -> [RichText] {
        guard let all = table.groups.first(where: { $0.label == Groups.allTrusts }) else { return [] }
        var out: [String] = []
        if let median = all.median, let q1 = all.q1, let q3 = all.q3 {
            out.append("Across the \(all.n.grouped) trusts with a central PMO that gave its size, the median central PMO has "
                + "\(NumberStyle.amount.text(median)) FTE; the middle half have between \(NumberStyle.amount.text(q1)) and "
                + "\(NumberStyle.amount.text(q3)) FTE.")
        }
        let groups = table.groups.filter { $0.label != Groups.allTrusts && $0.n >= smallBase && $0.median != nil }
        if let high = groups.max(by: { $0.median! < $1.median! }),
           let low = groups.min(by: { $0.median! < $1.median! }), high.label != low.label {
            out.append("Medians range from \(NumberStyle.amount.text(low.median!)) FTE among "
                + "\(group(low.label, kind: table.groupKind)) (n=\(low.n)) to \(NumberStyle.amount.text(high.median!)) FTE among "
                + "\(group(high.label, kind: table.groupKind)) (n=\(high.n)).")
        }
        if let perThousand = all.medianPer1000Staff {
            out.append("Relative to the size of the trust, the median is \(NumberStyle.ratio.text(perThousand)) central PMO FTE per 1,000 staff.")
        }
        if let caveat = smallBaseCaveat(table.groups.map { ($0.label, $0.n) }, kind: table.groupKind) {
            out.append(caveat)
        }
        if table.groups.contains(where: { $0.min == nil }) {
            out.append("The lowest and highest values are withheld wherever a trust that was not named gave a figure: each is "
                + "one trust's answer.")
        }
        let few = table.groups.filter { $0.median == nil }.map { group($0.label, kind: table.groupKind) }
        if !few.isEmpty {
            out.append("For \(list(few)), too few trusts that were not named gave a figure, so their statistics are withheld too.")
        }
        return out.map { RichText($0) }
    }

    /// How the mix changed from the first wave to the latest, and how the same trusts moved
    /// between the two latest waves.
    static func trend(_ table: ShareTable, tests: Significance) -> [RichText] {
        guard let first = table.groups.first, let last = table.groups.last, first.label != last.label else { return [] }
        var out = [""]
        // The largest change is read only between two waves with every figure published.
        if !first.hasWithheld, !last.hasWithheld,
           let biggest = table.categories.indices.map({ ($0, last.share($0)!.value - first.share($0)!.value) })
               .max(by: { abs($0.1) < abs($1.1) }) {
            let i = biggest.0
            let direction = biggest.1 > 0 ? "rose" : biggest.1 < 0 ? "fell" : "stayed"
            out[0] = "The largest change between \(first.label) and \(last.label) is in \(category(table.categories[i])): "
                + "its share \(direction) from \(NumberText.percent(first.share(i)!.value)) (n=\(first.base)) to "
                + "\(NumberText.percent(last.share(i)!.value)) (n=\(last.base))."
        } else if let note = withheldNote(table) {
            out[0] = note
        }
        if let transitions = tests.transitions, let moves = Reading.transitions(transitions, tests: tests) {
            out[0] += (out[0].isEmpty ? "" : " ") + moves
        }
        out.append("Trusts that took part differ between waves, so part of a change in shares may come from who answered; "
            + "the moves above follow the same trusts.")
        return out.map { RichText($0) }
    }
}
