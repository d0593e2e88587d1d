import FileSafety
import XlsxWriter

/// Why the workbook was not written. Whatever the case, nothing is left at the destination.
public enum WorkbookError: OutputError, CustomStringConvertible {
    /// The destination's folder does not exist or is not a folder.
    case folderMissing(path: String)
    /// Building or writing the file failed; the cause comes from the XLSX layer.
    case writing(path: String, cause: XlsxWriteError)
    /// The finished file could not be moved into place.
    case publishing(path: String, reason: String)

    public var description: String {
        switch self {
        case .folderMissing(let path):
            "cannot write the workbook \(path): its folder does not exist"
        case let .writing(path, cause):
            "cannot write the workbook \(path): \(cause)"
        case let .publishing(path, reason):
            "cannot move the finished workbook into place at \(path): \(reason)"
        }
    }

    public var cause: String {
        switch self {
        case .folderMissing: "its folder does not exist"
        // libxlsxwriter's operation names the file it wrote, the staging copy; its message does not.
        case let .writing(_, .library(_, _, message)): message
        case let .writing(_, cause): "\(cause)"
        case let .publishing(_, reason): reason
        }
    }
}
