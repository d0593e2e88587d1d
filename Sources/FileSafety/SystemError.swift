#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call on a path, with the operating system's reason: what a cron mail needs to
/// tell "disk full" from "permission denied" from "not a folder".
public struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done, e.g. `create the folder`.
    public var operation: String
    public var path: String
    /// The `errno` of the failed call.
    public var code: Int32

    public init(_ operation: String, _ path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// The system's own text for `code`, e.g. `No space left on device`.
    public var reason: String { String(cString: strerror(code)) }

    public var description: String { "cannot \(operation) \(path): \(reason)" }
}
