import Foundation

/// The packs' progress on stderr, rewritten in place (`packs: 120 of 250, 31.2 a second, about 4 s
/// left`), and cleared when the last is done. Only ever drawn on a terminal.
final class PackProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()

    func show(done: Int, total: Int) {
        lock.withLock {
            guard done < total else {
                FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
                return
            }
            let rate = Double(done) / max(Date().timeIntervalSince(started), 1e-3)
            let left = Double(total - done) / rate
            FileHandle.standardError.write(Data(String(
                format: "\rpacks: %d of %d, %.1f a second, about %.0f s left   ", done, total, rate, left).utf8))
        }
    }
}
