import FileSafety
import Foundation
import XlsxWriter

/// Builds a workbook as an `AtomicFile`: libxlsxwriter writes it under a temporary name beside
/// `path`, which is flushed and renamed into place only when complete, so a reader never sees half
/// a workbook and a failure leaves `path` as it was. `build` receives the temporary path. Throws
/// `WorkbookError`.
func writeAtomically(to path: String, build: (String) throws(XlsxWriteError) -> Void) throws(WorkbookError) {
    // libxlsxwriter's own message for a missing folder is only "error creating output xlsx file".
    let folder = (path as NSString).deletingLastPathComponent
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder),
          isFolder.boolValue else {
        throw .folderMissing(path: path)
    }
    var file = AtomicFile(temporaryFor: path)
    do {
        try build(file.temporaryPath)
    } catch {
        throw .writing(path: path, cause: error)
    }
    do {
        try file.commit()
    } catch {
        throw .publishing(path: path, reason: error.reason)
    }
}
