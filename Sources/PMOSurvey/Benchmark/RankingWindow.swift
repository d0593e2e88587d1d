/// Which part of the ranking a pack's chart shows. A chart of every trust is readable up to a
/// hundred bars or so; past that the chart shows the trust among its nearest neighbours by rank
/// (the tables still list every trust), so that a pack stays readable at any size.
extension TrustBenchmark {
    /// Positions in `ranking` that a chart shows: all of them when there are at most `wholeUpTo`,
    /// else the `neighbours` around the trust's own (the largest when it has no FTE).
    public func rankingWindow(wholeUpTo: Int, neighbours: Int) -> Range<Int> {
        let count = ranking.count, size = max(1, neighbours)
        guard count > max(wholeUpTo, size) else { return 0..<count }
        let own = ranking.firstIndex(where: \.isOwn) ?? 0
        let start = min(max(0, own - size / 2), count - size)
        return start..<(start + size)
    }

    /// `191 to 236`: the ranks of the first and last trusts of `window` (ties share a rank).
    public func rankSpan(_ window: Range<Int>) -> String {
        guard let first = window.first, let last = window.last else { return "" }
        return "\(ranking[first].rank.grouped) to \(ranking[last].rank.grouped)"
    }
}
