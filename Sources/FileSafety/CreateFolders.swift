#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `mkdir -p`, failing with the errno of the step that failed ("Not a directory" when a parent is
/// a file, "Permission denied", "No space left on device"). Every folder pmo-report makes is made
/// here, so each failure reads the same.
public func createFolders(_ path: String) throws(SystemError) {
    if mkdir(path, 0o777) == 0 { return }
    let code = errno
    var info = stat()
    if code == EEXIST, stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return }
    let parent = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    guard code == ENOENT, !parent.isEmpty, parent != path else { throw SystemError("create the folder", path, code: code) }
    try createFolders(parent)
    guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw SystemError("create the folder", path) }
}
