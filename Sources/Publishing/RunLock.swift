#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FileSafety

/// An exclusive `flock(2)` on `<output>/.lock`, so that two runs never publish into one folder at
/// once. The kernel releases it when its holder exits or is killed, so a crashed run never blocks
/// the next; the holder's pid and start time are written into the file only to say who holds it.
public struct RunLock: Sendable {
    /// Who holds, or last held, the lock, as written in the lock file.
    public struct Holder: Sendable, Hashable, CustomStringConvertible {
        public var pid: Int32
        public var since: String

        public var description: String { "pid \(pid), since \(since)" }

        init?(_ text: String) {
            let fields = text.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let pid = Int32(fields[0]) else { return nil }
            self.pid = pid
            self.since = String(fields[1]).trimmingNewlines
        }
    }

    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// Another run holds the lock; `holder` is nil when it has not yet written its name.
        case busy(path: String, holder: Holder?, waited: Int)
        case system(SystemError)

        public var description: String {
            switch self {
            case let .busy(path, holder, waited):
                let who = holder.map { "another run (\($0))" } ?? "another run"
                let how = waited > 0 ? "after waiting \(waited) s" : "try again later, or pass --wait SECONDS"
                return "\(who) is publishing into this folder (lock \(path)); \(how)"
            case let .system(error):
                return "\(error)"
            }
        }
    }

    public let path: String
    private let descriptor: Int32
    /// Set when the previous holder ended without releasing (killed, power cut): its leftovers
    /// are worth a warning and a clean-up.
    public let previousHolder: Holder?

    /// Takes the lock on `folder`, waiting up to `wait` seconds for a running holder to finish.
    /// `waiting` is called once, with the holder, when the lock is busy and `wait` is above zero.
    public static func acquire(
        in folder: String, wait: Int = 0, waiting: (Holder?) -> Void = { _ in }
    ) throws(Failure) -> RunLock {
        let path = folder + "/.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .system(SystemError("create the lock file", path)) }
        let deadline = ContinuousClock.now + .seconds(wait)
        var announced = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(descriptor)
                throw .system(SystemError("lock", path, code: code))
            }
            guard ContinuousClock.now < deadline else {
                let holder = Holder(contents(descriptor))
                close(descriptor)
                throw .busy(path: path, holder: holder, waited: wait)
            }
            if !announced {
                waiting(Holder(contents(descriptor)))
                announced = true
            }
            usleep(100_000)
        }
        let previous = Holder(contents(descriptor))
        let mine = "\(getpid()) \(UTCTime.now.iso8601)\n"
        guard ftruncate(descriptor, 0) == 0,
              mine.withCString({ pwrite(descriptor, $0, strlen($0), 0) }) == mine.utf8.count
        else {
            let error = SystemError("write the lock file", path)
            close(descriptor)
            throw .system(error)
        }
        return RunLock(path: path, descriptor: descriptor, previousHolder: previous)
    }

    /// Empties the file (a clean end, so the next run sees no stale holder) and unlocks.
    public func release() {
        _ = ftruncate(descriptor, 0)
        close(descriptor)
    }

    private static func contents(_ descriptor: Int32) -> String {
        var bytes = [UInt8](repeating: 0, count: 256)
        let count = pread(descriptor, &bytes, bytes.count, 0)
        return count > 0 ? String(decoding: bytes[..<count], as: UTF8.self) : ""
    }
}

extension String {
    fileprivate var trimmingNewlines: String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
