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

    /// Creates `<folder>/<prefix>XXXXXX` (mkdtemp(3): the six characters are random). Make the
    /// prefix hidden and distinctive, e.g. `.staging-`, so that leftovers can be recognised.
    public init(in folder: String, prefix: String) throws(SystemError) {
        var template = Array("\(folder)/\(prefix)XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw SystemError("create a staging folder in", folder)
        }
        path = String(cString: made)
        // mkdtemp makes the folder private (0700); a folder published whole is for sharing, so give
        // it the permissions any folder made here would have.
        let mask = umask(0)
        umask(mask)
        guard chmod(path, 0o777 & ~mask) == 0 else { throw SystemError("set the permissions of", path) }
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
    }
}
