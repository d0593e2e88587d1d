/// The FTE ranking as every pack starts from it, sorted once for all packs: trusts with a central
/// PMO FTE, largest first, then by the name or peer code the shared outputs show them under.
///
/// A pack's ranking differs from it in its own trust only: the pack names it, which may move it
/// among the trusts with the same FTE, and marks it as the pack's own. Every other trust is named
/// in a pack exactly where the shared outputs name it. So each pack costs one pass over the
/// ranking, not a sort of it.
///
/// An unnamed peer shows its code and FTE only: its sector or FTE per 1,000 staff would single
/// it out (R1).
struct SharedRanking: Sendable {
    private struct Place: Sendable {
        let trustKey: String
        /// Where the trust is among those ranked, before sorting: the last sort key, so that
        /// trusts with the same FTE and name keep the order of the survey's answers.
        let order: Int
        let ranked: RankedTrust
    }

    /// In ranking order. Ranks follow from FTEs alone, so moving a trust among those with the
    /// same FTE changes no rank.
    private let places: [Place]

    /// `staffed`: the latest wave's trusts with a central PMO FTE, in the survey's order.
    /// `naming`: the shared outputs' naming.
    init(staffed: [Response], naming: TrustNaming) {
        typealias Entry = (trust: Response, order: Int, label: String, value: Double)
        let entries: [Entry] = staffed.enumerated().map { ($1, $0, naming.name($1), $1.staffedFTE!) }
        let sorted = entries.sorted { (a: Entry, b: Entry) -> Bool in
            a.value != b.value ? a.value > b.value : a.label != b.label ? a.label < b.label : a.order < b.order
        }
        var places: [Place] = []
        places.reserveCapacity(sorted.count)
        for (i, (r, order, label, value)) in sorted.enumerated() {
            let rank = i > 0 && sorted[i - 1].value == value ? places[i - 1].ranked.rank : i + 1
            let shown = naming.isNamed(r)
            places.append(Place(trustKey: r.trustKey, order: order, ranked: RankedTrust(
                label: label, sector: shown ? r.sector : nil, centralFTE: value,
                ftePer1000Staff: shown ? r.staffedPerThousand : nil, isOwn: false, rank: rank)))
        }
        self.places = places
    }

    /// The ranking of `trust`'s pack, whose `naming` names the trust.
    func ranking(for trust: Response, naming: TrustNaming) -> [RankedTrust] {
        guard let value = trust.staffedFTE, let from = places.firstIndex(where: { $0.trustKey == trust.trustKey }) else {
            return places.map(\.ranked)
        }
        let label = naming.name(trust), order = places[from].order
        let own = RankedTrust(label: label, sector: trust.sector, centralFTE: value,
                              ftePer1000Staff: trust.staffedPerThousand, isOwn: true, rank: places[from].ranked.rank)
        var others = places
        others.remove(at: from)
        // Its place by its own name among the trusts with its FTE.
        let to = others.firstIndex { p in
            let other = p.ranked
            return other.centralFTE != value ? other.centralFTE < value
                : other.label != label ? other.label > label : p.order > order
        } ?? others.count
        var ranking = others.map(\.ranked)
        ranking.insert(own, at: to)
        return ranking
    }
}
