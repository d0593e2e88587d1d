import Foundation

/// Work started on another core at once, whose result is waited for where it is needed: the
/// analysis numbers peer codes, orders the `Responses` table and sorts staff numbers while it
/// counts the other breakdowns.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    /// Written once by the work, read after `done` is signalled.
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Waits for the work to finish; call once.
    func wait() -> Value {
        done.wait()
        return result!
    }
}
