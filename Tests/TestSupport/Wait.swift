import Foundation

/// Waiting for something another process brings about, such as a file it writes: checked again
/// and again until it holds, with a deadline generous enough for a loaded machine. A fixed pause
/// instead would be too short on a slow run and wasted on a fast one.
public enum Wait {
    public struct GaveUp: Error, CustomStringConvertible {
        public let what: String
        public let reason: String
        public var description: String { "gave up waiting for \(what): \(reason)" }
    }

    /// The first value `condition` gives, checked every 10 ms.
    public static func until<T>(_ what: String, seconds: Double, _ condition: () throws -> T?) throws -> T {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while true {
            if let value = try condition() { return value }
            guard Date() < deadline else { throw GaveUp(what: what, reason: "not within \(seconds) s") }
            usleep(10_000)
        }
    }
}
