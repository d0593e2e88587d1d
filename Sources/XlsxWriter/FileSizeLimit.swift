import Foundation

/// The process's file-size limit (`ulimit -f`, as cron and batch systems may set), which applies
/// to libxlsxwriter's temporary part files as to any other.
///
/// libxlsxwriter writes each part of a workbook to a temporary file without checking the writes,
/// then zips the file as it finds it: a part that reaches the limit is cut short there, and the
/// workbook, smaller once zipped, is written without an error but does not open. A part is never
/// cut short below the limit, so `close()` refuses a workbook with a part at least that large.
enum FileSizeLimit {
    /// The limit in bytes; nil when there is none.
    static var bytes: UInt64? {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return UInt64(limit.rlim_cur)
    }
}
