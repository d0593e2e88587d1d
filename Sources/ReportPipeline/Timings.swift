import Publishing

/// How long each step of a run took, on a monotonic clock: printed by `generate --timings`, kept in
/// milliseconds in a run's manifest, and read by the benchmark.
public struct Timings: Sendable, Hashable {
    public var read = Duration.zero
    public var analyse = Duration.zero
    /// Disclosure control: what shared outputs and packs withhold.
    public var protect = Duration.zero
    /// The single-file outputs, written at once on their own threads.
    public var outputs = Duration.zero
    /// Each single-file output's own time, which ran alongside the others within `outputs`.
    public var eachOutput: [Output: Duration] = [:]
    public var packs = Duration.zero
    /// Moving the outputs into place (and, for a scheduled run, flushing them to disk first).
    public var publish = Duration.zero

    public init() {}

    /// Everything rendered: the single-file outputs and the packs, as a manifest's `render`.
    public var render: Duration { outputs + packs }

    /// `timings: read 0.512 s, analyse 0.041 s, outputs ..., json (in parallel) ..., publish ...`
    public var summary: String {
        var phases = [("read", read), ("analyse", analyse), ("protect", protect), ("outputs", outputs)]
        phases += Output.allCases.compactMap { output in eachOutput[output].map { ("\(output.rawValue) (in parallel)", $0) } }
        if packs > .zero { phases.append(("packs", packs)) }
        phases.append(("publish", publish))
        return "timings: " + phases.map { "\($0.0) \(String(format: "%.3f", $0.1.seconds)) s" }.joined(separator: ", ")
    }
}

extension Timings {
    /// Whole milliseconds of read, analyse, render (outputs and packs) and publish, as a run's
    /// manifest has always kept them.
    public var manifest: Manifest.Timings {
        Manifest.Timings(read: read.milliseconds, analyse: analyse.milliseconds, render: render.milliseconds,
                         publish: publish.milliseconds)
    }
}

extension ContinuousClock {
    /// Runs `work` and adds the time it took to `total`.
    static func measure<T, E>(into total: inout Duration, _ work: () throws(E) -> T) throws(E) -> T {
        let clock = ContinuousClock()
        let start = clock.now
        defer { total += clock.now - start }
        return try work()
    }
}
