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

    /// A pipe the signal handler writes a byte into (write(2) is safe in a handler), so that
    /// another thread can wait for the signal to have been handled. Set once, before any signal.
    nonisolated(unsafe) private static var handled: [Int32] = [-1, -1]

    /// Handles `signal` without SA_RESTART, so that a blocked write(2) returns early. Also
    /// unblocks it on the calling thread: the threads that run Swift concurrency block signals.
    static func interruptWithoutRestart(_ signal: Int32) {
        check(pipe(&handled) == 0, "pipe: \(errno)")
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in _ = write(Child.handled[1], "!", 1) }
        #else
        action.__sigaction_u.__sa_handler = { _ in _ = write(Child.handled[1], "!", 1) }
        #endif
        action.sa_flags = 0
        sigemptyset(&action.sa_mask)
        check(sigaction(signal, &action, nil) == 0, "sigaction: \(errno)")
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        check(pthread_sigmask(SIG_UNBLOCK, &set, nil) == 0, "pthread_sigmask")
    }

    /// Sends `signal` to `thread` and waits until its handler has run.
    static func interrupt(_ thread: pthread_t, with signal: Int32) {
        check(pthread_kill(thread, signal) == 0, "pthread_kill")
        var byte: UInt8 = 0
        check(read(handled[0], &byte, 1) == 1, "the handler did not run")
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
