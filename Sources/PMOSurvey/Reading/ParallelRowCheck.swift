import Foundation

/// Checks records on every core and settles them in file order on a thread of its own, while the
/// parsing thread goes on reading: the parser fills batches, workers check them, and one serial
/// queue hands the outcomes to `SettledResponses` in file order. At most two batches per core are
/// in flight, so memory grows with the responses kept, not with the file.
final class ParallelRowCheck: @unchecked Sendable {
    static let batchSize = 2048

    private let check: RowCheck
    private let workers = DispatchQueue(label: "pmo-report.rows", attributes: .concurrent)
    private let settler = DispatchQueue(label: "pmo-report.settle")
    private let inFlight = DispatchGroup()
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    /// Checked batches waiting to be settled, by batch number; touched under `lock`, like `failure`.
    private var checked: [Int: [RowOutcome]] = [:]
    /// The first error a worker met (e.g. text that is not UTF-8).
    private var failure: (any Error)?
    /// Touched only on `settler`.
    private var settled = SettledResponses()
    private var settledBatches = 0
    /// Touched only by the parsing thread.
    private var pending = RecordBatch(capacity: batchSize)
    private var batches = 0

    /// `settled` holds what earlier inputs of the same survey came to.
    init(check: RowCheck, settled: SettledResponses = SettledResponses()) {
        self.check = check
        self.settled = settled
        slots = DispatchSemaphore(value: 2 * max(1, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// Queues a copy of the record; rethrows, at the next full batch, the first error a worker met,
    /// so that a file that is not UTF-8 is not parsed to its end before it is read again.
    func add(_ record: CSVParser.Record) throws {
        pending.append(record)
        if pending.count == Self.batchSize { try submit() }
    }

    /// Waits for every batch to be checked and settled.
    func finish() throws -> SettledResponses {
        try submit()
        inFlight.wait()
        if let failure = lock.withLock({ failure }) { throw failure }
        return settler.sync { settled }
    }

    private func submit() throws {
        if let failure = lock.withLock({ failure }) { throw failure }
        guard pending.count > 0 else { return }
        let records = pending, batch = batches, check = check
        pending = RecordBatch(capacity: Self.batchSize, like: records)
        batches += 1
        slots.wait()
        inFlight.enter()
        workers.async {
            let outcomes: [RowOutcome]
            do {
                // Last record first: the settler pops them, moving each out instead of copying it.
                var spellings = TrustResolver.Cache()
                outcomes = try records.mapFromLast { try check.check($0, spellings: &spellings) }
            } catch {
                // Settled as empty, so that the batches after it still drain; `finish` throws.
                outcomes = []
                self.lock.withLock { if self.failure == nil { self.failure = error } }
            }
            self.lock.withLock { self.checked[batch] = outcomes }
            self.settler.async { self.settleReady() }
        }
    }

    /// Settles the checked batches that are next in file order. Runs on `settler`.
    private func settleReady() {
        while var outcomes = lock.withLock({ checked.removeValue(forKey: settledBatches) }) {
            settledBatches += 1
            while let outcome = outcomes.popLast() { settled.add(outcome) }
            slots.signal()
            inFlight.leave()
        }
    }
}
