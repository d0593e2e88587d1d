#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hidden folder inside the output folder (`.staging-<pid>-<random>`) where one run writes
/// everything it will publish. Being on the same file system as the destination, it can be
/// renamed into place in one step; being hidden, nobody browsing the folder mistakes it for a
/// report; a run killed while writing it leaves it for the next run to remove.
public struct StagingFolder: Sendable {
    public static let prefix = ".staging-"

    public let path: String

    init(in folder: String) throws(SystemError) {
        var template = Array("\(folder)/\(Self.prefix)\(getpid())-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw SystemError("create a staging folder in", folder)
        }
        path = String(cString: made)
        // mkdtemp makes the folder private (0700); a published run is for sharing, so give it the
        // permissions any folder made here would have.
        let mask = umask(0)
        umask(mask)
        guard chmod(path, 0o777 & ~mask) == 0 else { throw SystemError("set the permissions of", path) }
    }

    /// Where to write the file `name`.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `bytes` as the file `name`.
    public func write(_ bytes: [UInt8], as name: String) throws(SystemError) {
        let path = file(name)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SystemError("create", path) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw SystemError("write", path) }
            written += count
        }
    }

    /// Whether the file `name` was written and holds something.
    public func hasContent(_ name: String) -> Bool {
        var info = stat()
        return stat(file(name), &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_size > 0
    }

    /// Flushes every file and the folder itself to disk, so that after the rename a power cut
    /// cannot leave a published run with empty or missing files.
    public func flush(_ names: [String]) throws(SystemError) {
        for name in names { try Self.sync(file(name), flags: O_RDONLY) }
        try Self.sync(path, flags: O_RDONLY | O_DIRECTORY)
    }

    /// Removes the folder and everything in it; for a run that failed.
    public func discard() {
        OutputFolder.remove(path)
    }

    static func sync(_ path: String, flags: Int32) throws(SystemError) {
        let descriptor = open(path, flags | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError("open", path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw SystemError("flush", path) }
    }
}

/// write(2), under a name that the method `write(_:as:)` does not hide.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
