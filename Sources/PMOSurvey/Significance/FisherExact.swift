/// Fisher's exact test of a 2 x 2 table, two-sided: the probability, with every margin fixed, of
/// a table as likely as the one observed or less likely (the convention of R and scipy).
///
/// The hypergeometric probabilities are built by their ratio from the most likely table outwards,
/// with no factorials: exact enough for bases of millions, and no slower than the spread of the
/// distribution, since the walk stops where the probabilities vanish in double precision.
public enum FisherExact {
    /// `a b / c d`: row 1 is (a, b), row 2 is (c, d).
    public static func pValue(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
        precondition(min(a, b, c, d) >= 0, "counts cannot be negative")
        let distribution = Hypergeometric(successes: a + c, failures: b + d, draws: a + b)
        return distribution.twoSidedPValue(observed: a)
    }
}

/// The number of successes among `draws` items drawn without replacement from an urn of
/// `successes` and `failures`: the distribution of a 2 x 2 table's first cell given its margins.
struct Hypergeometric {
    let successes: Int
    let failures: Int
    let draws: Int

    var support: ClosedRange<Int> { max(0, draws - failures)...min(draws, successes) }

    /// The most likely value: ⌊(draws + 1)(successes + 1) / (total + 2)⌋, within the support.
    var mode: Int {
        let total = successes + failures
        let m = Int((Double(draws + 1) * Double(successes + 1) / Double(total + 2)).rounded(.down))
        return min(max(m, support.lowerBound), support.upperBound)
    }

    /// P(k + 1) / P(k).
    func ratioUp(from k: Int) -> Double {
        Double(successes - k) * Double(draws - k) / (Double(k + 1) * Double(failures - draws + k + 1))
    }

    /// Sum of P(k) over the k no more likely than `observed` (with R's relative tolerance of 1e-7
    /// for ties), over the sum of all P(k); both as multiples of P(mode).
    func twoSidedPValue(observed: Int) -> Double {
        let range = support, centre = mode
        precondition(range.contains(observed), "the observed count is outside the table's support")
        // Weights relative to the mode, up and down; the observed one found on the way.
        var upward: [Double] = [], downward: [Double] = []
        var w = 1.0, k = centre
        while k < range.upperBound {
            w *= ratioUp(from: k)
            k += 1
            if w == 0 { break }
            upward.append(w)
        }
        w = 1.0; k = centre
        while k > range.lowerBound {
            w /= ratioUp(from: k - 1)
            k -= 1
            if w == 0 { break }
            downward.append(w)
        }
        func weight(_ k: Int) -> Double {
            if k == centre { return 1 }
            if k > centre { return k - centre <= upward.count ? upward[k - centre - 1] : 0 }
            return centre - k <= downward.count ? downward[centre - k - 1] : 0
        }
        let observedWeight = weight(observed), limit = observedWeight * (1 + 1e-7)
        // Smallest first, so that the tail's many small terms are not lost against the large ones.
        var total = 0.0, tail = 0.0
        for list in [upward, downward] {
            for w in list.reversed() {
                total += w
                if w <= limit { tail += w }
            }
        }
        total += 1
        if 1 <= limit { tail += 1 }
        return min(1, tail / total)
    }
}
