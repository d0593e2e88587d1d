#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What an exit test's child process needs: checks that end it with a message on stderr (which
/// the parent expects empty), and the pieces of the EINTR test.
enum Child {
    static func check(_ condition: @autoclosure () throws -> Bool, _ message: @autoclosure () -> String) {
        if (try? condition()) != true { fail(message()) }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(1)
    }

    /// Signals handled by `interruptWithoutRestart`'s handler. Only the child's one writing
    /// thread receives them and only the main test code reads the count, after the writing.
    nonisolated(unsafe) static var handled = 0

    /// Handles `signal` by counting it, without SA_RESTART: a blocked write(2) returns early.
    static func interruptWithoutRestart(_ signal: Int32) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in Child.handled += 1 }
        #else
        action.__sigaction_u.__sa_handler = { _ in Child.handled += 1 }
        #endif
        action.sa_flags = 0
        sigemptyset(&action.sa_mask)
        check(sigaction(signal, &action, nil) == 0, "sigaction: \(errno)")
    }

    /// Reads a FIFO on its own thread, 4 KB at a time, calling `beforeEachRead` until `expected`
    /// bytes have come, then to the end.
    final class Reader: @unchecked Sendable {
        private var bytes: [UInt8] = []
        private let done = DispatchSemaphore(value: 0)

        init(fifo: String, expected: Int, beforeEachRead: @escaping @Sendable () -> Void) {
            Thread.detachNewThread { [self] in
                // Blocks until the writer opens its end.
                let descriptor = open(fifo, O_RDONLY)
                var chunk = [UInt8](repeating: 0, count: 4096)
                while true {
                    if bytes.count < expected { beforeEachRead() }
                    let count = read(descriptor, &chunk, chunk.count)
                    guard count > 0 else { break }
                    bytes += chunk[..<count]
                }
                close(descriptor)
                done.signal()
            }
        }

        /// Waits for the end of the FIFO; what came through it.
        func received() -> [UInt8] {
            done.wait()
            return bytes
        }
    }
}
