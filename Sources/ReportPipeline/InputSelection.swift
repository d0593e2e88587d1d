#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FileSafety

/// Chooses the survey file a run reads: a file as named, or the newest matching file in a folder,
/// so that a definition can point at the folder where each month's export is dropped.
public enum InputSelection {
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case cannotOpen(SystemError)
        case noMatchingFile(folder: String, pattern: String)

        public var description: String {
            switch self {
            case let .cannotOpen(error): "\(error)"
            case let .noMatchingFile(folder, pattern): "no file matching \(pattern) in the input folder \(folder)"
            }
        }
    }

    /// `path` when it is not a folder; else the regular file in it whose name matches `pattern`
    /// and was modified last (the later name on a tie). Hidden files never match, so a file being
    /// copied in under a dot-name (as `rsync` and `sample-data` do) is not read half-written.
    public static func resolve(_ path: String, pattern: String) throws(Failure) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .cannotOpen(SystemError("open the input", path)) }
        guard info.st_mode & S_IFMT == S_IFDIR else { return path }
        guard let folder = opendir(path) else { throw .cannotOpen(SystemError("list the input folder", path)) }
        defer { closedir(folder) }
        var newest: (modified: timespec, name: String)?
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard fnmatch(pattern, name, FNM_PERIOD) == 0 else { continue }
            let file = path.hasSuffix("/") ? path + name : path + "/" + name
            guard stat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            #if canImport(Darwin)
            let modified = info.st_mtimespec
            #else
            let modified = info.st_mtim
            #endif
            if let best = newest, (best.modified.tv_sec, best.modified.tv_nsec, best.name) > (modified.tv_sec, modified.tv_nsec, name) {
                continue
            }
            newest = (modified, name)
        }
        guard let newest else { throw .noMatchingFile(folder: path, pattern: pattern) }
        return path.hasSuffix("/") ? path + newest.name : path + "/" + newest.name
    }
}
