import Foundation

/// How the random-table sampler draws from each hypergeometric (draws, successes, total) it meets
/// in a test's random tables: wide ones by ratio of uniforms; narrow ones from cumulative probabilities
/// over a window around the mode, worked out once and kept. Small surveys meet the same few
/// hundred narrow parameter sets again and again; a draw then costs a hash probe and a few
/// comparisons instead of an exponential and a walk.
struct HypergeometricCache {
    enum Kind {
        /// Draw by ratio of uniforms.
        case wide
        /// Draw from the window at this index of `windows`.
        case window(Int)
        /// Narrow but not kept (the cache is half full, or the urn past 2^21): walk out from the
        /// mode, whose probability this is.
        case walk(modeProbability: Double)
    }

    /// Cumulative probabilities P(X <= first + i) for i in 0..<count, kept at `start` of `cumulative`.
    struct Window {
        let first: Int
        let start: Int
        let count: Int
        /// P(X < first).
        let below: Double
    }

    /// Open addressing on the packed parameters; 0 marks a free slot.
    private var keys: [UInt64]
    private var kinds: [Kind]
    private(set) var windows: [Window] = []
    private var cumulative: [Double] = []
    /// Slots taken: kept below half, so that a probe always meets a free slot soon.
    private var used = 0

    private static let slotBits = 12
    /// Values kept around the mode: below it, and in all.
    private static let windowBelow = 7, windowSize = 24
    /// The variance from which a distribution counts as wide.
    static let wide = 16.0

    init() {
        keys = [UInt64](repeating: 0, count: 1 << Self.slotBits)
        kinds = [Kind](repeating: .wide, count: 1 << Self.slotBits)
    }

    /// How to draw from the hypergeometric distribution `h` of `total` items; `f` is log(k!).
    mutating func kind(_ h: Hypergeometric, f: UnsafeBufferPointer<Double>) -> Kind {
        let total = h.successes + h.failures
        guard total < 1 << 21 else { return Self.walkOrWide(h, f: f) }
        let key: UInt64 = UInt64(h.draws) | UInt64(h.successes) << 21 | UInt64(total) << 42 | 0x8000_0000_0000_0000
        let mask = (1 << Self.slotBits) - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Self.slotBits))
        while true {
            let found = keys[slot]
            if found == key { return kinds[slot] }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        // Wide ones are not kept: telling them costs less than a slot is worth. Past half full,
        // probes grow long: further parameter sets are worked out every time.
        var kind = Self.walkOrWide(h, f: f)
        guard case .walk(let p) = kind, used < (1 << Self.slotBits) / 2 else { return kind }
        kind = store(h, modeProbability: p)
        keys[slot] = key
        kinds[slot] = kind
        used += 1
        return kind
    }

    /// The value whose cumulative probability first exceeds `u` (inversion in the order of the
    /// values): in the window, else in the tail below or above it, walked from the window's edge.
    func value(in window: Window, of h: Hypergeometric, u: Double) -> Int {
        let end = window.start + window.count - 1
        if u >= window.below && u < cumulative[end] {
            var i = window.start
            while u >= cumulative[i] { i += 1 }
            return window.first + i - window.start
        }
        let support = h.support
        if u < window.below {
            var k = window.first - 1, c = window.below
            var p = (cumulative[window.start] - window.below) / h.ratioUp(from: k)
            while k > support.lowerBound, u < c - p {
                c -= p
                p /= h.ratioUp(from: k - 1)
                k -= 1
            }
            return k
        }
        var k = window.first + window.count, c = cumulative[end]
        let previous = window.count > 1 ? cumulative[end - 1] : window.below
        var p = (cumulative[end] - previous) * h.ratioUp(from: k - 1)
        while k < support.upperBound, u >= c + p {
            c += p
            p *= h.ratioUp(from: k)
            k += 1
        }
        return min(k, support.upperBound)
    }

    private static func walkOrWide(_ h: Hypergeometric, f: UnsafeBufferPointer<Double>) -> Kind {
        let total = h.successes + h.failures, n = Double(total)
        let variance = Double(h.draws) * Double(h.successes) / n * Double(h.failures) / n * Double(total - h.draws) / max(1, n - 1)
        if variance >= wide && h.draws >= 10 && h.draws <= total - 10 { return .wide }
        let mode = h.mode
        let margins: Double = f[h.successes] + f[h.failures] + f[h.draws] + f[total - h.draws] - f[total]
        let cells: Double = f[mode] + f[h.successes - mode] + f[h.draws - mode] + f[h.failures - h.draws + mode]
        return .walk(modeProbability: exp(margins - cells))
    }

    /// Works out the window's cumulative probabilities from the mode's probability and the ratios
    /// of neighbours, walking each way until the probabilities are negligible.
    private mutating func store(_ h: Hypergeometric, modeProbability: Double) -> Kind {
        let support = h.support, mode = h.mode
        let first = max(support.lowerBound, mode - Self.windowBelow)
        let last = min(support.upperBound, first + Self.windowSize - 1)
        var inWindow = [Double](repeating: 0, count: last - first + 1)
        inWindow[mode - first] = modeProbability
        var p = modeProbability, k = mode
        while k < last {
            p *= h.ratioUp(from: k)
            k += 1
            inWindow[k - first] = p
        }
        p = modeProbability
        k = mode
        var below = 0.0
        while k > support.lowerBound, p > modeProbability * 1e-20 {
            p /= h.ratioUp(from: k - 1)
            k -= 1
            if k >= first { inWindow[k - first] = p } else { below += p }
        }
        let start = cumulative.count
        var running = below
        for q in inWindow {
            running += q
            cumulative.append(running)
        }
        windows.append(Window(first: first, start: start, count: inWindow.count, below: below))
        return .window(windows.count - 1)
    }
}
