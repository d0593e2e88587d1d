import Foundation

/// Measures the phases of a run (read, analyse, each output, publish) for `--timings` and the
/// benchmark, with a monotonic clock.
struct PhaseTimer {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var phases: [(name: String, seconds: Double)] = []

    init() { last = clock.now }

    /// Closes the phase that ran since the previous mark.
    mutating func mark(_ name: String) {
        let now = clock.now
        phases.append((name, (now - last).seconds))
        last = now
    }

    /// Records a part that ran alongside others inside the last phase.
    mutating func add(_ name: String, seconds: Double) {
        phases.append((name, seconds))
    }

    /// `timings: read 0.512 s, analyse 0.041 s, ...`
    var summary: String {
        "timings: " + phases.map { "\($0.name) \(String(format: "%.3f", $0.seconds)) s" }.joined(separator: ", ")
    }
}

extension Duration {
    /// The duration in seconds, as a `Double` for printing.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
