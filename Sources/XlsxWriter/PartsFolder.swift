import Foundation

/// Where libxlsxwriter keeps a workbook's parts until `Workbook.close()` zips them. It writes each
/// part (every sheet, chart, drawing, Table, style sheet: about 45 for a trust's pack) to a
/// temporary file of its own, deleted as soon as it is made.
public struct PartsFolder: Sendable, Equatable {
    /// The folder, or nil for the workbook's own folder.
    let path: String?

    /// The workbook's own folder: on the destination's file system, so that a workbook of any
    /// size has room, and writable by construction (callers write into a staging folder there).
    public static let besideWorkbook = PartsFolder(path: nil)

    /// Shared memory (`/dev/shm`), for a workbook whose parts are known to be small.
    ///
    /// Making and deleting files on a disk can cost more than writing them: on ext4 without a
    /// journal every new file is checked against the recently deleted ones, which took a quarter
    /// of the CPU time of 250 benchmark packs (issue 26), and more with each run.
    ///
    /// libxlsxwriter does not check its writes to these files, so a full folder would cut a part
    /// short without an error. Memory is used only while it has at least `room` bytes free, far
    /// more than a small workbook's parts; otherwise the parts go beside the workbook.
    public static func memory(room: Int = 256 << 20) -> PartsFolder {
        var info = statvfs()
        guard access(sharedMemory, W_OK | X_OK) == 0, statvfs(sharedMemory, &info) == 0,
              Int(info.f_bavail) > room / max(1, Int(info.f_frsize)) else { return .besideWorkbook }
        return PartsFolder(path: sharedMemory)
    }

    /// Whether the parts go to shared memory rather than beside the workbook.
    public var isMemory: Bool { path != nil }

    static let sharedMemory = "/dev/shm"
}
