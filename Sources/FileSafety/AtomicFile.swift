#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that appears at `path` complete or not at all: it is written under a temporary name
/// beside `path` (so on the same file system), flushed to disk, then renamed over `path` in one
/// step. Readers see the previous file until then; a failure, or dropping the value without
/// `commit()`, removes the temporary file and leaves `path` as it was.
///
/// rename(2) replaces a symlink at `path` itself, never the file it points to.
public struct AtomicFile: ~Copyable {
    /// Where the file will be.
    public let path: String
    /// Where it is written until `commit()`: hidden, and unique to this value.
    public let temporaryPath: String
    /// Open while this value writes the file itself; nil when a library writes `temporaryPath`.
    private let descriptor: FileDescriptor?
    private var isOpen: Bool
    /// Whether the temporary file is this value's to remove: until `commit()`.
    private var isPending = true

    /// Creates the temporary file, to write with `write(_:)`. Fails at once when the folder is
    /// missing or not writable, before any work is spent on the contents.
    public init(replacing path: String) throws(SystemError) {
        self.path = path
        temporaryPath = Self.temporaryName(for: path)
        do {
            descriptor = try FileDescriptor.create(temporaryPath, exclusive: true)
        } catch {
            throw SystemError("create", path, code: error.code)
        }
        isOpen = true
    }

    /// Only names the temporary file, for a library that creates and writes a file at a path of
    /// its own (libxlsxwriter): it writes `temporaryPath`, then `commit()` flushes and renames it.
    public init(temporaryFor path: String) {
        self.path = path
        temporaryPath = Self.temporaryName(for: path)
        descriptor = nil
        isOpen = false
    }

    deinit {
        if isOpen, let descriptor { try? descriptor.close() }
        if isPending { unlink(temporaryPath) }
    }

    /// Appends `bytes` to the temporary file.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        guard let descriptor, isOpen else { preconditionFailure("AtomicFile(temporaryFor:) is written by a library, not by write(_:)") }
        do {
            try descriptor.writeAll(bytes)
        } catch {
            throw SystemError("write", path, code: error.code)
        }
    }

    public func write(_ bytes: [UInt8]) throws(SystemError) {
        // withUnsafeBytes rethrows untyped: carry the typed error out in a Result.
        try bytes.withUnsafeBytes { buffer in Result { () throws(SystemError) in try write(buffer) } }.get()
    }

    /// Flushes the file to disk, closes it and renames it to `path`. Errors name `path`, not the
    /// temporary file, which is removed at once. Call it once.
    public mutating func commit() throws(SystemError) {
        try finish("replace") { rename($0, $1) }
    }

    /// Like `commit()`, but never replaces a file: fails with `EEXIST` when `path` exists, for a
    /// draft that someone may since have edited by hand.
    public mutating func commitAsNew() throws(SystemError) {
        try finish("create") { temporary, path in
            guard link(temporary, path) == 0 else { return -1 }
            unlink(temporary)
            return 0
        }
    }

    /// Flushes and closes the temporary file, then puts it at `path` with `place`.
    private mutating func finish(_ operation: String, _ place: (String, String) -> Int32) throws(SystemError) {
        precondition(isPending, "an AtomicFile is committed once")
        defer { isPending = false }
        do throws(SystemError) {
            if let descriptor {
                isOpen = false
                try descriptor.closeAfter { () throws(SystemError) in try descriptor.sync() }
            } else {
                try FileDescriptor.sync(temporaryPath)
            }
            guard place(temporaryPath, path) == 0 else { throw SystemError(operation, path) }
        } catch {
            unlink(temporaryPath)
            throw SystemError(error.operation, path, code: error.code)
        }
    }

    /// `.<name>.<random>.partial` beside `path`: hidden, so nobody browsing the folder opens it.
    private static func temporaryName(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let random = String(UInt64.random(in: .min ... .max), radix: 36)
        return folder + "." + name + "." + random + ".partial"
    }
}
