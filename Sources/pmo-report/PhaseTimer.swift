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
        let elapsed = now - last
        phases.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
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
