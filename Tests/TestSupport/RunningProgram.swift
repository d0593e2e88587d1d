import Foundation

extension Program {
    /// A program that has been started and not yet waited for.
    public final class Running: @unchecked Sendable {
        private let process: Process
        private let output: Capture
        private let errors: Capture

        init(process: Process, output: Capture, errors: Capture) {
            self.process = process
            self.output = output
            self.errors = errors
        }

        public var processIdentifier: Int32 { process.processIdentifier }

        /// Sends `signal`, unless the program has already ended (its pid may be another's by then).
        public func send(_ signal: Int32) {
            if process.isRunning { kill(process.processIdentifier, signal) }
        }

        /// Waits until the program has written `text` to standard error: its own word that it
        /// reached a point, where a fixed pause would only hope so.
        public func waitForError(containing text: String, seconds: Double) throws {
            try errors.wait(seconds: seconds, for: "`\(text)` on standard error") {
                String(decoding: $0, as: UTF8.self).contains(text)
            }
        }

        /// Waits for the program to end and for all it wrote.
        public func finish() -> Result {
            process.waitUntilExit()
            return Result(status: process.terminationStatus, reason: process.terminationReason,
                          standardOutput: output.all(), standardError: errors.all())
        }
    }
}

/// One output stream of a program, read on a thread of its own until its end.
final class Capture: @unchecked Sendable {
    private let condition = NSCondition()
    private var data = Data()
    private var ended = false

    /// Reads with read(2), which returns what has arrived: FileHandle's reads wait for a full
    /// buffer or the end, which would hide a line the test is waiting for.
    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = read(handle.fileDescriptor, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                condition.lock()
                data.append(contentsOf: buffer[..<count])
                condition.broadcast()
                condition.unlock()
            }
            try? handle.close()
            condition.lock()
            ended = true
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Everything, once the stream has ended.
    func all() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while !ended { condition.wait() }
        return data
    }

    /// Waits until what has arrived so far satisfies `isEnough`.
    func wait(seconds: Double, for what: String, until isEnough: (Data) -> Bool) throws {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while !isEnough(data) {
            if ended { throw Wait.GaveUp(what: what, reason: "the program ended first") }
            guard condition.wait(until: deadline) else { throw Wait.GaveUp(what: what, reason: "not within \(seconds) s") }
        }
    }
}
