/// Maps values onto a stretch of the page, with round tick values for the axis.
public struct LinearScale: Sendable, Hashable {
    public let domain: ClosedRange<Double>
    public let range: ClosedRange<Double>
    public let ticks: [Double]

    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>, ticks: [Double]) {
        self.domain = domain
        self.range = range
        self.ticks = ticks
    }

    /// 0% to 100% with ticks every 25%.
    public static func shares(range: ClosedRange<Double>) -> LinearScale {
        LinearScale(domain: 0...1, range: range, ticks: [0, 0.25, 0.5, 0.75, 1])
    }

    /// From 0 to a round number at or above `maximum`, with 2 to 6 round steps (1, 2, 2.5 or 5
    /// times a power of ten). A maximum of 0 or less (or too small to step through, or not a
    /// finite number) gives 0 to 1.
    public static func nice(maximum: Double, range: ClosedRange<Double>) -> LinearScale {
        guard maximum.isFinite, maximum > 1e-9, maximum < 1e300 else {
            return LinearScale(domain: 0...1, range: range, ticks: [0, 0.5, 1])
        }
        var power = 1.0
        while power * 10 <= maximum { power *= 10 }
        while power > maximum { power /= 10 }
        let step = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10].map { $0 * power }
            .first { (maximum / $0).rounded(.up) <= 5 } ?? power * 10
        let steps = Int((maximum / step).rounded(.up))
        // Rounded to a billionth so that 3 x 0.1 is the tick 0.3, not 0.30000000000000004.
        let ticks = (0...steps).map { (Double($0) * step * 1e9).rounded() / 1e9 }
        return LinearScale(domain: 0...ticks[ticks.count - 1], range: range, ticks: ticks)
    }

    public func position(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0, value.isFinite else { return range.lowerBound }
        let clamped = Swift.min(Swift.max(value, domain.lowerBound), domain.upperBound)
        return range.lowerBound + (clamped - domain.lowerBound) / span * (range.upperBound - range.lowerBound)
    }
}

/// The stretch of a chart a scale maps onto, from `start` to `end`; when labels leave no room
/// (`end` before `start`) it shrinks to a point rather than trapping: the layout check then
/// reports whatever no longer fits.
func plotRange(_ start: Double, _ end: Double) -> ClosedRange<Double> {
    start...Swift.max(start, end)
}
