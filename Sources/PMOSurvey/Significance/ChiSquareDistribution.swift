import Foundation

/// The upper tail of the chi-square distribution, P(X >= x) for X with `df` degrees of freedom:
/// the p-value of a chi-square statistic. It is the regularised upper incomplete gamma function
/// Q(df/2, x/2), computed by its power series below a + 1 and by its continued fraction above
/// (Numerical Recipes 6.2), each to full double precision.
public enum ChiSquareDistribution {
    public static func upperTail(_ x: Double, degreesOfFreedom df: Double) -> Double {
        precondition(df > 0, "a chi-square distribution needs df > 0")
        guard x > 0 else { return 1 }
        guard x.isFinite else { return 0 }
        return IncompleteGamma.upperRegularized(a: df / 2, x: x / 2)
    }
}

enum IncompleteGamma {
    /// Q(a, x) = Γ(a, x) / Γ(a).
    static func upperRegularized(a: Double, x: Double) -> Double {
        if x < a + 1 { return 1 - lowerSeries(a: a, x: x) }
        return upperContinuedFraction(a: a, x: x)
    }

    /// e^-x x^a / Γ(a), the factor both expansions share, in logarithms so that large a and x
    /// neither overflow nor underflow before they cancel.
    private static func prefactor(a: Double, x: Double) -> Double {
        exp(a * log(x) - x - LogGamma.of(a))
    }

    /// P(a, x) by its series Σ x^n / (a (a+1) … (a+n)).
    private static func lowerSeries(a: Double, x: Double) -> Double {
        var term = 1 / a, sum = term, denominator = a
        for _ in 0..<100_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        return sum * prefactor(a: a, x: x)
    }

    /// Q(a, x) by its continued fraction, evaluated with the modified Lentz method.
    private static func upperContinuedFraction(a: Double, x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h * prefactor(a: a, x: x)
    }
}
