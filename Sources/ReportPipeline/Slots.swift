import Foundation

/// One result per task, written by tasks running at once (`concurrentPerform`) and read when
/// all have finished.
final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { values[index] = value } }
    var all: [Value] { lock.withLock { values.compactMap { $0 } } }
}
