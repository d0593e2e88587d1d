import Foundation
import XlsxWriter

/// Builds a workbook under a temporary name beside `path` and renames it into place only when
/// complete, so a reader never sees half a workbook and a failure leaves no file at `path`.
/// `build` receives the temporary path. Throws `WorkbookError`.
func writeThroughPartialFile(to path: String, build: (String) throws(XlsxError) -> Void) throws {
    let folder = (path as NSString).deletingLastPathComponent
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder),
          isFolder.boolValue else {
        throw WorkbookError.folderMissing(path: path)
    }
    let partial = path + ".\(ProcessInfo.processInfo.processIdentifier).partial"
    do {
        try build(partial)
    } catch {
        unlink(partial)
        throw WorkbookError.writing(path: path, cause: error)
    }
    guard rename(partial, path) == 0 else {
        let reason = String(cString: strerror(errno))
        unlink(partial)
        throw WorkbookError.publishing(path: path, reason: reason)
    }
}
