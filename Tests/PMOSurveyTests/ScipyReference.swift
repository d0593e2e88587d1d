import Foundation
import TestSupport

/// Reference values computed at test time by scipy and statsmodels (Debian's python3-scipy and
/// python3-statsmodels, listed in scripts/debian-packages.txt), so the tests compare against the
/// libraries themselves rather than numbers copied once.
enum ScipyReference {
    /// Sends `cases` as JSON to the script below and returns its JSON answer.
    static func evaluate(_ cases: [String: Any]) throws -> [String: Any] {
        let result = try Program("/usr/bin/python3", ["-c", script], input: try JSONSerialization.data(withJSONObject: cases)).run()
        guard result.status == 0 else { throw ReferenceError(message: result.stderr) }
        let answer = try JSONSerialization.jsonObject(with: result.standardOutput) as! [String: Any]
        // Every case answered: a short answer would let a zip over the cases check nothing.
        for (key, value) in cases {
            guard (answer[key] as? [Any])?.count == (value as! [Any]).count else {
                throw ReferenceError(message: "\(key): not every case has an answer")
            }
        }
        return answer
    }

    struct ReferenceError: Error, CustomStringConvertible {
        let message: String
        var description: String { "the scipy reference script failed: \(message)" }
    }

    static let script = #"""
import json, sys, itertools, math
from fractions import Fraction
import numpy as np
from scipy import stats
from statsmodels.stats.proportion import proportions_ztest
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.contingency_tables import SquareTable

cases = json.load(sys.stdin)
out = {}
out["chi2sf"] = [float(stats.chi2.sf(x, df)) for x, df in cases.get("chi2sf", [])]
out["contingency"] = []
for t in cases.get("contingency", []):
    t = np.array(t)
    t = t[t.sum(axis=1) > 0][:, t.sum(axis=0) > 0]
    chi2, p, dof, expected = stats.chi2_contingency(t, correction=False)
    out["contingency"].append([float(chi2), float(p), int(dof), float(expected.min())])
out["fisher"] = [float(stats.fisher_exact([[a, b], [c, d]])[1]) for a, b, c, d in cases.get("fisher", [])]
out["ztest"] = [float(proportions_ztest([ca, cb], [na, nb])[1]) for ca, na, cb, nb in cases.get("ztest", [])]
out["holm"] = [[float(v) for v in multipletests(ps, method="holm")[1]] for ps in cases.get("holm", [])]
out["bowker"] = []
for t in cases.get("bowker", []):
    r = SquareTable(np.array(t, dtype=float), shift_zeros=False).symmetry()
    out["bowker"].append([float(r.statistic), float(r.pvalue), int(r.df)])

def exact_chi2_p(t):
    """The exact conditional p-value of Pearson's statistic: every table with t's margins."""
    t = np.array(t); rows, cols, n = t.sum(axis=1), t.sum(axis=0), t.sum()
    e = np.outer(rows, cols) / n
    observed = ((t - e) ** 2 / e).sum()
    log_const = sum(math.lgamma(x + 1) for x in rows) + sum(math.lgamma(x + 1) for x in cols) - math.lgamma(n + 1)
    total = 0.0
    def fill(r, left, cells):
        nonlocal total
        if r == len(rows) - 1:
            table = np.array(cells + [list(left)])
            stat = ((table - e) ** 2 / e).sum()
            if stat >= observed * (1 - 1e-12):
                total += math.exp(log_const - sum(math.lgamma(x + 1) for x in table.flat))
            return
        for row in itertools.product(*[range(min(l, rows[r]) + 1) for l in left[:-1]]):
            rest = rows[r] - sum(row)
            if 0 <= rest <= left[-1]:
                fill(r + 1, [l - x for l, x in zip(left, list(row) + [rest])], cells + [list(row) + [rest]])
    fill(0, list(cols), [])
    return total
out["exact"] = [exact_chi2_p(t) for t in cases.get("exact", [])]

def exact_three_by_two(t):
    """The exact conditional p-value of Pearson's statistic for a 3 x 2 table of any size: the
    third row's first cell k, then the first row's first cell a given k, both hypergeometric."""
    t = np.array(t, dtype=float); rows, cols, n = t.sum(axis=1), t.sum(axis=0), t.sum()
    e = np.outer(rows, cols) / n
    observed = ((t - e) ** 2 / e).sum()
    total = 0.0
    for k in range(int(rows[2]) + 1):
        pk = stats.hypergeom.pmf(k, n, cols[0], rows[2])
        if pk == 0:
            continue
        left = cols[0] - k
        a = np.arange(max(0, left - rows[1]), min(rows[0], left) + 1)
        pa = stats.hypergeom.pmf(a, n - rows[2], left, rows[0])
        cells = [a, rows[0] - a, left - a, rows[1] - (left - a), np.full_like(a, k), np.full_like(a, rows[2] - k)]
        stat = sum((c - e.flat[i]) ** 2 / e.flat[i] for i, c in enumerate(cells))
        total += pk * pa[stat >= observed * (1 - 1e-12)].sum()
    return float(total)
out["exact3x2"] = [exact_three_by_two(t) for t in cases.get("exact3x2", [])]
def exact_two_column(t):
    """The exact conditional p-value of Pearson's statistic for a table with two columns (or two
    rows), by every table's probability, row by row, in whole numbers: partial statistics
    rounded to 1e-9 and merged, no pruning."""
    t = np.array(t)
    if t.shape[1] != 2:
        t = t.T
    rows, cols, n = t.sum(axis=1), t.sum(axis=0), t.sum()
    e = np.outer(rows, cols) / n
    observed = ((t - e) ** 2 / e).sum()
    states, filled = {(0, 0.0): 1}, 0
    for i, r in enumerate(rows):
        new = {}
        for (m, s), w in states.items():
            for x in range(max(0, r - (cols[1] - (filled - m))), min(r, cols[0] - m) + 1):
                s2 = round(s + (x - e[i, 0]) ** 2 / e[i, 0] + (r - x - e[i, 1]) ** 2 / e[i, 1], 9)
                new[(m + x, s2)] = new.get((m + x, s2), 0) + w * math.comb(int(r), x)
        states, filled = new, filled + r
    tail = sum(w for (m, s), w in states.items() if s >= observed - 1e-7)
    return float(Fraction(tail, math.comb(int(n), int(cols[0]))))
out["exact2"] = [exact_two_column(t) for t in cases.get("exact2", [])]
# Families of pairs [count_a, base_a, count_b, base_b]: Fisher where a cell is below 5, else z; Holm per family.
out["pairs"] = []
for family in cases.get("pairs", []):
    ps = []
    for ca, na, cb, nb in family:
        if min(ca, na - ca, cb, nb - cb) < 5:
            ps.append(float(stats.fisher_exact([[ca, na - ca], [cb, nb - cb]])[1]))
        else:
            ps.append(float(proportions_ztest([ca, cb], [na, nb])[1]))
    out["pairs"].append([ps, [float(v) for v in multipletests(ps, method="holm")[1]]])
print(json.dumps(out))
"""#
}
