#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A hidden folder where one run writes everything it will publish, created inside the folder it
/// publishes into. Being on the same file system as the destination, it (or each entry in it) can
/// be renamed into place in one step; being hidden, nobody browsing the folder mistakes it for a
/// report; a run killed while writing it leaves it for the next run to remove, found by its prefix.
public struct StagingFolder: Sendable {
    public let path: String
    /// Held while this process may still write into the folder; nil for a folder whose owner
    /// guards it otherwise (a scheduled run's lock).
    private let claim: Claim?

    /// Creates `<folder>/<prefix>XXXXXX` (mkdtemp(3): the six characters are random). Make the
    /// prefix hidden and distinctive, e.g. `.staging-`, so that leftovers can be recognised.
    public init(in folder: String, prefix: String) throws(SystemError) {
        path = try Self.make(in: folder, prefix: prefix)
        claim = nil
    }

    /// Like `init(in:prefix:)`, holding an `flock(2)` on the folder for as long as this process
    /// may write into it, so that `removeAbandoned` can tell a live run's folder from a killed
    /// run's: the kernel drops the lock when its holder dies, however it dies.
    public static func claimed(in folder: String, prefix: String) throws(SystemError) -> StagingFolder {
        while true {
            let path = try make(in: folder, prefix: prefix)
            let claim = try Claim(path)
            // Between mkdtemp and flock another run may have taken the folder for abandoned and
            // removed it (holding the lock while it did, so flock waited): then make another.
            var made = stat(), open = stat()
            if stat(path, &made) == 0, fstat(claim.descriptor, &open) == 0, made.st_ino == open.st_ino, open.st_nlink > 0 {
                return StagingFolder(path: path, claim: claim)
            }
            claim.release()
        }
    }

    private init(path: String, claim: Claim) {
        self.path = path
        self.claim = claim
    }

    /// Removes the folders `<folder>/<prefix>*` that no live process claims: what runs killed
    /// while writing (SIGKILL, a power cut) left behind. Only real folders with the prefix are
    /// touched, never a symlink; returns the names removed.
    @discardableResult
    public static func removeAbandoned(in folder: String, prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix(prefix) {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
            try? FileManager.default.removeItem(atPath: path)
            removed.append(name)
        }
        return removed
    }

    private static func make(in folder: String, prefix: String) throws(SystemError) -> String {
        var template = Array("\(folder)/\(prefix)XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw SystemError("create a staging folder in", folder)
        }
        let path = String(cString: made)
        // mkdtemp makes the folder private (0700); a folder published whole is for sharing, so give
        // it the permissions any folder made here would have.
        let mask = umask(0)
        umask(mask)
        guard chmod(path, 0o777 & ~mask) == 0 else { throw SystemError("set the permissions of", path) }
        return path
    }

    /// Where to write the file `name`.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `bytes` as the file `name`. Not atomic by itself: the folder is published whole, or
    /// not at all.
    public func write(_ bytes: [UInt8], as name: String) throws(SystemError) {
        let descriptor = try FileDescriptor.create(file(name))
        try descriptor.closeAfter { () throws(SystemError) in try descriptor.writeAll(bytes) }
    }

    /// Whether the file `name` was written and holds something.
    public func hasContent(_ name: String) -> Bool {
        var info = stat()
        return stat(file(name), &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_size > 0
    }

    /// Flushes each named entry (a file's contents, a folder's list of names) and the staging
    /// folder itself to disk, so that after the rename a power cut cannot leave a published run
    /// with empty or missing files.
    public func flush(_ names: [String]) throws(SystemError) {
        for name in names { try FileDescriptor.sync(file(name)) }
        try FileDescriptor.sync(path)
    }

    /// Removes the folder and everything in it; for a run that failed, or once every entry has
    /// been moved out.
    public func discard() {
        try? FileManager.default.removeItem(atPath: path)
        claim?.release()
    }

    /// An open descriptor of the folder with an exclusive `flock` on it, closed once.
    private final class Claim: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var descriptor: Int32

        init(_ path: String) throws(SystemError) {
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { throw SystemError("open the staging folder", path) }
            guard flock(descriptor, LOCK_EX) == 0 else {
                let error = SystemError("lock the staging folder", path)
                close(descriptor)
                throw error
            }
        }

        deinit { release() }

        func release() {
            lock.withLock {
                if descriptor >= 0 { close(descriptor) }
                descriptor = -1
            }
        }
    }
}
