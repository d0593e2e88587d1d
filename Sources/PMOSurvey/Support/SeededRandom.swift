/// SplitMix64 (Steele, Lea and Flood, 2014): a seedable generator defined by integer arithmetic
/// alone, so a seed gives the same numbers on every machine and every Swift release.
///
/// Deliberately not a `RandomNumberGenerator`: the standard library's `random(in:using:)` may change
/// how it draws from a generator between releases, which would change Monte Carlo p-values and the
/// demo surveys' bytes (the `DemoSurvey` target draws from it too, hence `package`).
/// Every draw here is spelled out, and only exact arithmetic (no `log`, `exp`, `pow`, whose last
/// bits differ between C libraries) turns it into values.
package struct SeededRandom {
    private var state: UInt64

    /// A generator for one independent stream, e.g. one trust in one wave: any row can be made
    /// without making the rows before it, so the file streams in constant memory.
    package init(seed: UInt64, _ a: UInt64 = 0, _ b: UInt64 = 0, _ c: UInt64 = 0) {
        var s = Self.mix(seed &+ 0x9E37_79B9_7F4A_7C15)
        s = Self.mix(s ^ (a &* 0xD1B5_4A32_D192_ED03))
        s = Self.mix(s ^ (b &* 0xAEF1_7502_108E_F2D9))
        state = Self.mix(s ^ (c &* 0xF1357_AEA2_E62A_9C5))
    }

    /// SplitMix64's finaliser: spreads every input bit over the whole word.
    package static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A whole number in `0..<count`, by the multiply-high method.
    package mutating func below(_ count: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(count)).high)
    }

    package mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A number in `0..<1` with 53 random bits.
    package mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    package mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    package mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    package mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }
}
