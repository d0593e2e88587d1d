import Foundation

/// The p-values conditional on the margins, for the tests with an expected count below 5: exact
/// where the table allows it (`ExactConditionalTest`), else from random tables drawn until
/// `SequentialStopping` settles the p-value. The tests are spread over every core, each worked out
/// by one core from its own random stream, so that each p-value depends only on its table and
/// stream: the same on one core or many, alone or with other tests.
enum ConditionalPValues {
    /// The tests of `plans`, each with its random stream.
    static func run(_ plans: [(IndependenceTest.Plan, UInt64)]) -> [IndependenceTest] {
        // Those to be simulated first, so that the quick exact ones fill the cores' gaps at the end.
        let simulatedFirst = plans.indices.filter { plans[$0].0.isConditional }.sorted {
            (plans[$0].0.expectedMethod == .monteCarlo ? 0 : 1, $0) < (plans[$1].0.expectedMethod == .monteCarlo ? 0 : 1, $1)
        }
        var found = [IndependenceTest.Conditional?](repeating: nil, count: plans.count)
        if !simulatedFirst.isEmpty {
            // One log-factorial table for every test: they share their grand totals' range.
            let logFactorials = LogFactorials(upTo: simulatedFirst.map { plans[$0].0.table.total }.max()!)
            let values = [IndependenceTest.Conditional](unsafeUninitializedCapacity: simulatedFirst.count) { buffer, count in
                // Each test writes its own slot once: no two threads share one.
                nonisolated(unsafe) let slots = buffer.baseAddress!
                DispatchQueue.concurrentPerform(iterations: simulatedFirst.count) { j in
                    let (plan, stream) = plans[simulatedFirst[j]]
                    (slots + j).initialize(to: plan.conditionalPValue(stream: stream, logFactorials: logFactorials))
                }
                count = simulatedFirst.count
            }
            for (j, i) in simulatedFirst.enumerated() { found[i] = values[j] }
        }
        return zip(plans, found).map { $0.0.result($1) }
    }
}

extension IndependenceTest.Plan {
    /// Exact when the enumeration is small enough, else simulated.
    func conditionalPValue(stream: UInt64, logFactorials: LogFactorials) -> IndependenceTest.Conditional {
        let exact = logFactorials.values.withUnsafeBufferPointer { ExactConditionalTest.pValue(table, logFactorials: $0) }
        return exact.map { .exact($0) } ?? simulate(stream: stream, logFactorials: logFactorials)
    }

    /// Random tables from `stream`, a batch at a time, until sequential stopping settles the
    /// p-value; a table counts when its statistic reaches the observed one, less a relative 64 ulps
    /// (so that a table equal to the observed one counts, as in R).
    func simulate(stream: UInt64, logFactorials: LogFactorials) -> IndependenceTest.Conditional {
        var random = SeededRandom(seed: Significance.seed, stream)
        let flatExpected = expected.flatMap { $0 }
        let reciprocal = flatExpected.map { 1 / $0 }
        var cells = [Int](repeating: 0, count: flatExpected.count)
        let threshold = statistic * (1 - 64 * Double.ulpOfOne)
        let tables = RandomTables(rowTotals: table.rowTotals, columnTotals: table.columnTotals, logFactorials: logFactorials)
        return tables.withSampler { sampler in
            var exceeding = 0, drawn = 0
            repeat {
                for _ in 0..<SequentialStopping.batch {
                    sampler.draw(into: &cells, using: &random)
                    var sum = 0.0
                    for i in cells.indices {
                        let d = Double(cells[i]) - flatExpected[i]
                        sum += d * d * reciprocal[i]
                    }
                    if sum >= threshold { exceeding += 1 }
                }
                drawn += SequentialStopping.batch
            } while !SequentialStopping.isSettled(exceeding: exceeding, of: drawn)
            return .simulated(exceeding: exceeding, tables: drawn)
        }
    }
}
