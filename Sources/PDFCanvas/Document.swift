internal import CPangoCairo
import FileSafety
import Foundation

/// A PDF being written with Cairo. Pages are drawn one after another; `finish` completes the file.
///
/// Cairo writes into memory; `finish` then makes the PDF accessible (PDF/UA-1: language,
/// alternative text, artifacts, XMP; see `AccessibleFinish`) and writes it as an `AtomicFile`:
/// a failed run leaves `path` as it was, and never half a PDF.
///
/// Cairo's own file output (`cairo_pdf_surface_create` with a file name) would lose errors that
/// happen when its stdio buffer is flushed at the end: with a file-size limit or a disk that fills
/// on the last write, it leaves a truncated PDF and reports success.
public final class Document {
    /// A bookmark in the PDF outline, to nest others under.
    public struct OutlineItem: Sendable, Hashable {
        let id: Int32
    }

    public let pageSize: Size
    public let typesetter = Typesetter.forThisThread
    private let path: String
    private let metadata: Metadata
    /// Created with the document, so that an unwritable folder is reported before any page is drawn.
    private var file: AtomicFile
    private let output = CairoOutput()
    private let structure = StructureLog()
    private let surface: OpaquePointer
    private let cr: OpaquePointer

    public init(path: String, pageSize: Size = .a4, metadata: Metadata) throws(PDFError) {
        self.path = path
        self.metadata = metadata
        self.pageSize = pageSize
        do {
            file = try AtomicFile(replacing: path)
        } catch {
            throw .cannotWrite(path: path, reason: error.reason)
        }
        surface = cairo_pdf_surface_create_for_stream(CairoOutput.write, Unmanaged.passUnretained(output).toOpaque(),
                                                      pageSize.width, pageSize.height)
        cr = cairo_create(surface)
        try check(cairo_surface_status(surface), "creating \(path)")
        try check(cairo_status(cr), "creating a drawing context for \(path)")
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        let fields: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject),
            (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords.joined(separator: ", ")),
            (CAIRO_PDF_METADATA_CREATOR, metadata.creator),
            (CAIRO_PDF_METADATA_CREATE_DATE, metadata.date), (CAIRO_PDF_METADATA_MOD_DATE, metadata.date),
        ]
        for (field, value) in fields { cairo_pdf_surface_set_metadata(surface, field, value) }
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// Draws one page; the page is emitted when `draw` returns.
    public func page(_ draw: (Canvas) throws -> Void) throws {
        try draw(Canvas(cr: cr, typesetter: typesetter, structure: structure))
        cairo_show_page(cr)
        try check(cairo_status(cr), "drawing a page")
    }

    /// Opens a structure element that spans pages, such as the whole `Document`; close it with
    /// `endTag` after the last page it covers.
    public func beginTag(_ tag: StructureTag) {
        structure.record(tag, .none)
        cairo_tag_begin(cr, tag.rawValue, "")
    }

    public func endTag(_ tag: StructureTag) { cairo_tag_end(cr, tag.rawValue) }

    /// Adds a bookmark that jumps to the named destination (see `Canvas.destination`).
    @discardableResult
    public func addOutline(_ title: String, destination: String, under parent: OutlineItem? = nil)
        -> OutlineItem {
        let id = cairo_pdf_surface_add_outline(
            surface, parent?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT), title,
            "dest=\(Canvas.quoted(destination))", cairo_pdf_outline_flags_t(rawValue: 0))
        return OutlineItem(id: id)
    }

    /// Completes the PDF, makes it accessible and moves it to `path`. Write errors surface here,
    /// so always check.
    public func finish() throws(PDFError) {
        try check(cairo_status(cr), "drawing")
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "writing \(path)")
        let accessible: [UInt8]
        do {
            accessible = try AccessibleFinish(metadata: metadata, structure: structure.entries).apply(to: output.bytes)
        } catch {
            throw .notAccessible(path: path, reason: String(describing: error))
        }
        // The system's reason for a failure ("No space left on device") is kept.
        do {
            try file.write(accessible)
            try file.commit()
        } catch {
            throw .cannotWrite(path: path, reason: error.reason)
        }
    }

    private func check(_ status: cairo_status_t, _ operation: String) throws(PDFError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw .cairo(operation: operation, status: String(cString: cairo_status_to_string(status)))
    }
}
