#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file, written with plain write(2) so that every failure keeps the system's reason
/// ("File too large", "No space left on device") and names the file. Closing is explicit, as in
/// swift-system: the owner (`AtomicFile`, `StagingFolder`) decides when, and checks the result.
public struct FileDescriptor: Sendable {
    /// The path it was opened with, for error messages.
    public let path: String
    private let rawValue: Int32

    private init(_ rawValue: Int32, path: String) {
        self.rawValue = rawValue
        self.path = path
    }

    /// Opens `path` for writing, created if missing and emptied if not, with the permissions the
    /// umask allows. `exclusive` refuses an existing file or symlink: for temporary names, which
    /// must never write through something another user placed there.
    public static func create(_ path: String, exclusive: Bool = false) throws(SystemError) -> FileDescriptor {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL | O_NOFOLLOW : O_TRUNC)
        let descriptor = open(path, flags, 0o666)
        guard descriptor >= 0 else { throw SystemError("create", path) }
        return FileDescriptor(descriptor, path: path)
    }

    /// Opens `path` to add to its end, created with `mode` (less the umask) if missing; a symlink
    /// at `path` is refused. For a journal: every write lands after the last, whoever wrote it.
    public static func openForAppending(_ path: String, mode: mode_t) throws(SystemError) -> FileDescriptor {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, mode)
        guard descriptor >= 0 else { throw SystemError("open", path) }
        return FileDescriptor(descriptor, path: path)
    }

    /// Creates a new file named `prefix` and six random characters, readable and writable by its
    /// owner only (mkstemp(3)): for a secret that must never be readable by others, not even while
    /// it is being written.
    public static func createUnique(prefix: String) throws(SystemError) -> FileDescriptor {
        var template = Array((prefix + "XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw SystemError("create", prefix + "XXXXXX") }
        return FileDescriptor(descriptor, path: template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    }

    /// Flushes the file or folder at `path` to disk. A folder is flushed so that the names of the
    /// files created or renamed in it survive a power cut as well as their contents.
    public static func sync(_ path: String) throws(SystemError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError("open", path) }
        defer { _ = systemClose(descriptor) }
        guard fsync(descriptor) == 0 else { throw SystemError("flush", path) }
    }

    /// Writes all of `bytes`. write(2) may write less than asked (a signal, a pipe, a file system
    /// near full) or be interrupted before writing anything (EINTR): both just continue. A write of
    /// nothing means the device has no room.
    public func writeAll(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = write(rawValue, next, left)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw SystemError("write", path, code: written < 0 ? errno : ENOSPC) }
            next += written
            left -= written
        }
    }

    public func writeAll(_ bytes: [UInt8]) throws(SystemError) {
        // withUnsafeBytes rethrows untyped: carry the typed error out in a Result.
        try bytes.withUnsafeBytes { buffer in Result { () throws(SystemError) in try writeAll(buffer) } }.get()
    }

    /// fsync(2): the bytes written are on the disk, or the reason they are not.
    public func sync() throws(SystemError) {
        guard fsync(rawValue) == 0 else { throw SystemError("flush", path) }
    }

    /// close(2), checked: some file systems (NFS) report a failed write only here. Never retried,
    /// even after EINTR: the descriptor is released either way, and may already be reused.
    public func close() throws(SystemError) {
        guard systemClose(rawValue) == 0 else { throw SystemError("close", path) }
    }

    /// Runs `body`, then closes the file whatever happened; the first failure is thrown.
    public func closeAfter<Value>(_ body: () throws(SystemError) -> Value) throws(SystemError) -> Value {
        let value: Value
        do {
            value = try body()
        } catch {
            try? close()
            throw error
        }
        try close()
        return value
    }
}

/// close(2), under a name that the method `close()` does not hide.
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
