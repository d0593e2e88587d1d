import Foundation

/// Checks records on every core while the parser goes on reading: the parser fills batches,
/// workers check them, and the outcomes come back in file order. At most two batches per core
/// wait at any time, so memory still grows with the responses kept, not with the file.
final class ParallelRowCheck: @unchecked Sendable {
    static let batchSize = 2048

    private let check: RowCheck
    private let workers = DispatchQueue(label: "pmo-report.rows", attributes: .concurrent)
    private let running = DispatchGroup()
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    /// Outcomes by batch number; touched under `lock`.
    private var outcomes: [Int: Result<[RowOutcome], any Error>] = [:]
    /// Touched only by the parsing thread, like `batches` and `merged`.
    private var pending: [CSVParser.Record] = []
    private var batches = 0
    private var merged = 0

    init(check: RowCheck) {
        self.check = check
        slots = DispatchSemaphore(value: 2 * max(1, ProcessInfo.processInfo.activeProcessorCount))
        pending.reserveCapacity(Self.batchSize)
    }

    /// Queues a record; returns true when that completed a batch, a good moment to `drain`.
    func add(_ record: CSVParser.Record) -> Bool {
        pending.append(record)
        guard pending.count == Self.batchSize else { return false }
        submit()
        return true
    }

    /// Hands the outcomes of the batches already checked to `merge`, in file order, so that the
    /// outcomes are not all held at once; rethrows the first error a worker met (e.g. text that is
    /// not UTF-8).
    func drain(_ merge: (RowOutcome) throws -> Void) throws {
        while let result = lock.withLock({ outcomes.removeValue(forKey: merged) }) {
            merged += 1
            for outcome in try result.get() { try merge(outcome) }
        }
    }

    /// Waits for every batch and hands the remaining outcomes to `merge` in file order.
    func finish(_ merge: (RowOutcome) throws -> Void) throws {
        submit()
        running.wait()
        try drain(merge)
    }

    private func submit() {
        guard !pending.isEmpty else { return }
        let records = pending, batch = batches, check = check
        pending = []
        pending.reserveCapacity(Self.batchSize)
        batches += 1
        slots.wait()
        running.enter()
        workers.async {
            let result = Result { try records.map(check.check) }
            self.lock.withLock { self.outcomes[batch] = result }
            self.slots.signal()
            self.running.leave()
        }
    }
}
