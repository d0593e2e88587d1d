/// A figure that disclosure control may withhold, in the terms its rules need: a count of a share
/// table (or of the model transitions), or the total behind an FTE mean (n x mean, n published).
struct GuardedFigure: Sendable {
    enum Kind: Sendable {
        /// `yesNo` for an item of a multi-choice question.
        case count(yesNo: Bool)
        case total
    }

    let kind: Kind
    /// The trusts the figure is about (a group of a table). Figures of one relation with the same
    /// population are about the same trusts; different populations are disjoint groups.
    let population: Int
    /// Unnamed trusts in the base (u) and, for a count, in the category (v).
    let unnamed: Int
    let unnamedInCategory: Int
    /// The unnamed trusts' values, for a total.
    let unnamedValues: [Double]
    /// Chosen last as a secondary cell: its group is every trust.
    let isAllTrusts: Bool
    /// The base (or n) of the figure's group: a secondary cell is chosen from the smallest.
    let base: Int
    /// For a message: `ModelBySector Acute central`.
    let name: String
}

/// A linear relation between figures that a recipient knows: `Σ coefficient x figure = a
/// published number`. Rows add up to their base, groups to All trusts, one table's figure equals
/// another's.
struct FigureRelation: Sendable {
    /// How much of the relation's sum a recipient already has.
    enum Total: Sendable {
        /// Only what the published figures give.
        case derived
        /// The whole sum is published (a row of a single-choice question adds up to its base):
        /// withheld figures covering it whole reveal nothing more.
        case published
        /// The whole sum is published and its parts say little more (the PMO size bands with an
        /// FTE add up to the FTE table's n, which the contract publishes): no sum within it is
        /// checked.
        case publishedWithParts
    }

    let terms: [(figure: Int, coefficient: Int)]
    let total: Total
    /// For a message: `ModelBySector Acute adds up to its base`.
    let name: String
}

/// A withheld figure, or a sum of withheld figures, that a recipient could still work out.
public struct DisclosureLeak: Sendable, Hashable, CustomStringConvertible {
    public let description: String
}

/// R4: the figures that must be withheld besides the primary ones so that no withheld figure, and
/// no telling sum of them, can be recovered from the published figures through the relations.
struct SecondarySuppression {
    let figures: [GuardedFigure]
    let relations: [FigureRelation]
    let rules: DisclosureRules

    /// The primary figures plus the fewest secondary figures the greedy choice finds: each leak is
    /// closed by withholding one more figure of a relation through which it leaks (those of the
    /// smallest base first, then in contract order, All trusts' last), until the exact audit finds
    /// none. Row order plays no part: figures and relations come in the contract's order.
    func withheld(primary: Set<Int>) -> Set<Int> {
        var withheld = primary
        // Figures linked by no relation cannot leak into each other: close each part on its own,
        // so that a survey of thousands of waves costs thousands of small problems, not one big one.
        for part in parts() {
            while let leak = firstLeak(in: part, withheld: withheld) {
                let options = leak.candidates.filter { !withheld.contains($0) }
                // The first candidate that closes the leak on its own, else the first.
                let closing = leak.figure.flatMap { figure in
                    options.first { !isDetermined(figure, in: part, withheld: withheld.union([$0])) }
                }
                guard let next = closing ?? options.first else { break }
                withheld.insert(next)
            }
        }
        return withheld
    }

    /// Every leak of `withheld`: the exact audit. Empty for what `withheld(primary:)` returns; a
    /// leak there is a bug.
    func leaks(_ withheld: Set<Int>) -> [DisclosureLeak] {
        parts().flatMap { part in allLeaks(in: part, withheld: withheld).map(\.leak) }
    }

    // MARK: - Parts

    /// A set of figures and the relations among them, closed under the relations.
    struct Part {
        let figures: [Int]
        let relations: [Int]
    }

    /// Connected parts of the figures through the relations, in order of their first figure.
    func parts() -> [Part] {
        var parent = Array(figures.indices)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for relation in relations {
            guard let first = relation.terms.first?.figure else { continue }
            for term in relation.terms.dropFirst() { parent[root(term.figure)] = root(first) }
        }
        var figuresOf: [Int: [Int]] = [:], relationsOf: [Int: [Int]] = [:], order: [Int] = []
        for f in figures.indices {
            let r = root(f)
            if figuresOf[r] == nil { order.append(r) }
            figuresOf[r, default: []].append(f)
        }
        for (i, relation) in relations.enumerated() {
            guard let first = relation.terms.first?.figure else { continue }
            relationsOf[root(first), default: []].append(i)
        }
        return order.compactMap { r in
            relationsOf[r].map { Part(figures: figuresOf[r]!, relations: $0) }
        }
    }

    // MARK: - Leaks

    private struct Found {
        let leak: DisclosureLeak
        /// The withheld figure that can be worked out; nil for a telling sum.
        var figure: Int? = nil
        /// Published figures whose withholding closes it, best first.
        let candidates: [Int]
    }

    private func firstLeak(in part: Part, withheld: Set<Int>) -> Found? {
        allLeaks(in: part, withheld: withheld, stopAtFirst: true).first
    }

    private func allLeaks(in part: Part, withheld: Set<Int>, stopAtFirst: Bool = false) -> [Found] {
        var found: [Found] = []
        // A withheld figure determined by the relations: exactly, by elimination.
        let system = system(in: part, withheld: withheld)
        for figure in system.determined {
            let through = system.touching.filter { relations[$0].terms.contains { $0.figure == figure } }
            // Nearest first: the figures of the relations it leaks through, then of the others.
            let near = candidates(in: through, withheld: withheld)
            let candidates = near + self.candidates(in: system.touching, withheld: withheld).filter { !near.contains($0) }
            found.append(Found(leak: DisclosureLeak(description: "\(figures[figure].name) can be worked out from the published figures"),
                               figure: figure, candidates: candidates))
            if stopAtFirst { return found }
        }
        // A sum of withheld figures that a relation gives, and that is itself too telling.
        for r in part.relations {
            let relation = relations[r]
            let hidden = relation.terms.filter { withheld.contains($0.figure) }
            guard hidden.count >= 2, Set(hidden.map { $0.coefficient.signum() }).count == 1,
                  !withinPublishedSum(hidden.map(\.figure), in: part), isTelling(hidden.map(\.figure)) else { continue }
            found.append(Found(leak: DisclosureLeak(description: "the sum of " + hidden.map { figures[$0.figure].name }.joined(separator: ", ")
                                                    + " follows from \(relation.name) and singles out unnamed trusts"),
                               candidates: candidates(in: [r], withheld: withheld)))
            if stopAtFirst { return found }
        }
        return found
    }

    /// Whether `members` lie within one relation whose whole sum is itself published (a row and its
    /// base, the PMO size bands with an FTE and n): what their sum says, that sum already says,
    /// and the contract publishes bases and n.
    private func withinPublishedSum(_ members: [Int], in part: Part) -> Bool {
        let set = Set(members)
        return part.relations.contains { r in
            let relation = relations[r]
            guard relation.total != .derived, set.isSubset(of: relation.terms.map(\.figure)) else { return false }
            return relation.total == .publishedWithParts || relation.terms.count == set.count
        }
    }

    /// The relations of `part` that touch a withheld figure, over the withheld figures as unknowns.
    private struct System {
        let unknowns: [Int]
        let touching: [Int]
        let rows: [[Int]]

        /// The withheld figures the relations pin down.
        var determined: [Int] { ExactElimination(rows: rows, columns: unknowns.count).determined().sorted().map { unknowns[$0] } }
    }

    private func system(in part: Part, withheld: Set<Int>) -> System {
        let unknowns = part.figures.filter(withheld.contains)
        let column = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        let touching = part.relations.filter { relations[$0].terms.contains { column[$0.figure] != nil } }
        let rows = touching.map { r in
            var row = [Int](repeating: 0, count: unknowns.count)
            for term in relations[r].terms { if let c = column[term.figure] { row[c] += term.coefficient } }
            return row
        }
        return System(unknowns: unknowns, touching: touching, rows: rows)
    }

    /// Whether the relations of `part` determine `figure` when `withheld` are unknown.
    private func isDetermined(_ figure: Int, in part: Part, withheld: Set<Int>) -> Bool {
        system(in: part, withheld: withheld).determined.contains(figure)
    }

    /// Whether the sum of `members` fails R2 (counts) or R3 (totals) over the trusts it covers.
    private func isTelling(_ members: [Int]) -> Bool {
        var seen: Set<Int> = [], unnamed = 0, inCategory = 0, values: [Double] = [], yesNo = false, isTotal = false
        for m in members {
            let f = figures[m]
            if seen.insert(f.population).inserted {
                unnamed += f.unnamed
                values += f.unnamedValues
            }
            inCategory += f.unnamedInCategory
            switch f.kind {
            case .count(let y): yesNo = yesNo || y
            case .total: isTotal = true
            }
        }
        return isTotal ? rules.withholdsMean(unnamedValues: values)
            : rules.withholdsCount(unnamed: unnamed, inCategory: inCategory, yesNo: yesNo)
    }

    /// The published figures of `through`, best secondary choice first: not All trusts, smallest
    /// base, contract order.
    private func candidates(in through: [Int], withheld: Set<Int>) -> [Int] {
        var seen: Set<Int> = []
        let published = through.flatMap { relations[$0].terms.map(\.figure) }
            .filter { !withheld.contains($0) && seen.insert($0).inserted }
        return published.sorted { a, b in
            let x = figures[a], y = figures[b]
            return (x.isAllTrusts ? 1 : 0, x.base, a) < (y.isAllTrusts ? 1 : 0, y.base, b)
        }
    }
}
