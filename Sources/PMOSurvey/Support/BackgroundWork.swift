import Foundation

/// Work started on another core at once, whose result is waited for where it is needed: the
/// analysis numbers peer codes and orders the `Responses` table while it counts the breakdowns.
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
