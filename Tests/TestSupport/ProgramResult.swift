import Foundation

extension Program {
    /// How a program ended and everything it wrote.
    public struct Result: Sendable, CustomStringConvertible {
        /// The exit status, or the number of the signal that killed it.
        public var status: Int32
        public var reason: Process.TerminationReason
        public var standardOutput: Data
        public var standardError: Data

        public var stdout: String { String(decoding: standardOutput, as: UTF8.self) }
        public var stderr: String { String(decoding: standardError, as: UTF8.self) }

        /// Both streams and the ending, for a failed expectation's message.
        public var description: String {
            let ending = reason == .exit ? "exit \(status)" : "killed by signal \(status)"
            return "\(ending)\nstdout: \(stdout)\nstderr: \(stderr)"
        }
    }
}
