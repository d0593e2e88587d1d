import Foundation

/// A small tmpfs mounted for one test: a real file system that really fills up. Needs root (or
/// CAP_SYS_ADMIN) on Linux; tests that use it are skipped, saying why, where mounting is not
/// permitted.
public final class TmpfsMount {
    public let path: String

    /// Whether this process may mount a tmpfs, found by mounting and unmounting a tiny one.
    public static let isPermitted: Bool = {
        guard let probe = try? TmpfsMount(kilobytes: 4) else { return false }
        probe.unmount()
        return true
    }()

    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot mount a tmpfs on \(path): \(reason)" }
    }

    public init(kilobytes: Int) throws {
        path = ScratchFolder.make("tmpfs")
        #if os(Linux)
        let mounted = mount("tmpfs", path, "tmpfs", 0, "size=\(kilobytes)k,mode=0755") == 0
        #else
        let mounted = { errno = ENOSYS; return false }()
        #endif
        guard mounted else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: path)
            throw Failure(path: path, reason: reason)
        }
    }

    /// Detaches the file system (lazily, should a child still hold a file open) and removes the
    /// mount point. Call it in a `defer`, so that no failed test leaves a mount behind.
    public func unmount() {
        #if os(Linux)
        umount2(path, Int32(MNT_DETACH))
        #endif
        rmdir(path)
    }
}
