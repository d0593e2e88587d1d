import Foundation

/// The file a PDF is written to, with every write checked.
///
/// Cairo's own file output (`cairo_pdf_surface_create` with a file name) loses errors that
/// happen when its stdio buffer is flushed at the end: with a file-size limit or a disk that
/// fills on the last write, it leaves a truncated PDF and reports success. Writing through this
/// sink with `write(2)`, the first failure is kept with the system's reason, and closing is checked.
/// The file is opened when the document is created, so that an unwritable folder is reported
/// before any page is drawn.
final class FileSink {
    let path: String
    private var descriptor: Int32
    /// errno of the first write that failed; 0 while all is well.
    private(set) var failure: Int32 = 0

    init(path: String) throws(PDFError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit {
        if descriptor >= 0 { _ = systemClose(descriptor) }
    }

    /// Writes all of `bytes`; false (keeping the reason) when the system refuses.
    func write(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard failure == 0 else { return false }
        var written = 0
        while written < count {
            let result = systemWrite(descriptor, bytes + written, count - written)
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                failure = result < 0 ? errno : ENOSPC
                return false
            }
            written += result
        }
        return true
    }

    /// Closes the file; throws the first write failure, or a failure to close.
    func close() throws(PDFError) {
        let status = systemClose(descriptor)
        let code = errno
        descriptor = -1
        if failure != 0 { throw .cannotWrite(path: path, reason: String(cString: strerror(failure))) }
        if status != 0 { throw .cannotWrite(path: path, reason: String(cString: strerror(code))) }
    }
}

/// close(2) and write(2), under names that the sink's own methods do not hide.
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }
