internal import CQPDF

/// A PDF held by libqpdf: read from memory, changed through its objects, written back to memory.
///
/// libqpdf's C API reports failures of object operations only through `qpdf_has_error`, and
/// returns a harmless fallback (null, 0, "") meanwhile; `check` turns a pending error into a
/// thrown one, and `write` always checks first, so a failed change never yields a PDF.
public final class QPDFDocument {
    let data: OpaquePointer
    /// libqpdf reads the input lazily, so it must outlive every object access.
    private let input: [UInt8]

    public init(bytes: [UInt8], description: String) throws(QPDFError) {
        data = qpdf_init()
        input = bytes
        qpdf_silence_errors(data)
        qpdf_set_suppress_warnings(data, QPDF_TRUE)
        let status = input.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                qpdf_read_memory(data, description, $0, UInt64(buffer.count), nil)
            }
        }
        if status & QPDF_ERRORS != 0 { try check("read \(description)") }
    }

    deinit {
        var handle: OpaquePointer? = data
        qpdf_cleanup(&handle)
    }

    /// Throws the error libqpdf recorded since the last check, if any.
    public func check(_ operation: @autoclosure () -> String) throws(QPDFError) {
        guard qpdf_has_error(data) == QPDF_TRUE, let error = qpdf_get_error(data) else { return }
        throw .library(operation: operation(), message: String(cString: qpdf_get_error_full_text(data, error)))
    }

    public var root: QPDFObject { QPDFObject(document: self, handle: qpdf_get_root(data)) }
    public var trailer: QPDFObject { QPDFObject(document: self, handle: qpdf_get_trailer(data)) }

    public var pages: [QPDFObject] {
        let count = qpdf_get_num_pages(data)
        return count <= 0 ? [] : (0..<Int(count)).map { QPDFObject(document: self, handle: qpdf_get_page_n(data, $0)) }
    }

    // MARK: New objects

    public func name(_ name: String) -> QPDFObject { object(qpdf_oh_new_name(data, "/" + name)) }
    /// A text string: PDFDocEncoding where it suffices, else UTF-16 with a byte-order mark.
    public func string(_ text: String) -> QPDFObject { object(qpdf_oh_new_unicode_string(data, text)) }
    public func bool(_ value: Bool) -> QPDFObject { object(qpdf_oh_new_bool(data, value ? QPDF_TRUE : QPDF_FALSE)) }
    public func dictionary(_ entries: KeyValuePairs<String, QPDFObject> = [:]) -> QPDFObject {
        let dictionary = object(qpdf_oh_new_dictionary(data))
        for (key, value) in entries { dictionary[key] = value }
        return dictionary
    }

    /// A new indirect stream holding `bytes` unfiltered (the writer compresses it if asked to).
    public func stream(_ bytes: [UInt8], dictionary entries: KeyValuePairs<String, QPDFObject> = [:]) -> QPDFObject {
        let stream = object(qpdf_oh_new_stream(data))
        stream.replaceStreamData(bytes)
        let dictionary = stream.streamDictionary
        for (key, value) in entries { dictionary[key] = value }
        return stream
    }

    func object(_ handle: qpdf_oh) -> QPDFObject { QPDFObject(document: self, handle: handle) }

    // MARK: Writing

    /// How `write` lays the file out.
    public struct WriteOptions: Sendable {
        /// The lowest PDF version the header declares, e.g. `1.7`.
        public var minimumVersion: String?
        /// An `/ID` computed from the file's content rather than the clock, so equal input
        /// gives equal bytes.
        public var deterministicID = true
        /// Pack small objects into compressed object streams.
        public var objectStreams = true
        public init(minimumVersion: String? = nil) { self.minimumVersion = minimumVersion }
    }

    /// The whole PDF as bytes.
    public func write(_ options: WriteOptions = WriteOptions()) throws(QPDFError) -> [UInt8] {
        try check("change the PDF")
        if qpdf_init_write_memory(data) & QPDF_ERRORS != 0 { try check("start writing") }
        qpdf_set_deterministic_ID(data, options.deterministicID ? QPDF_TRUE : QPDF_FALSE)
        qpdf_set_object_stream_mode(data, options.objectStreams ? qpdf_o_generate : qpdf_o_preserve)
        qpdf_set_compress_streams(data, QPDF_TRUE)
        if let version = options.minimumVersion { qpdf_set_minimum_pdf_version(data, version) }
        if qpdf_write(data) & QPDF_ERRORS != 0 { try check("write the PDF") }
        try check("write the PDF")
        let length = qpdf_get_buffer_length(data)
        guard let buffer = qpdf_get_buffer(data), length > 0 else {
            throw .library(operation: "write the PDF", message: "qpdf wrote nothing")
        }
        return Array(UnsafeBufferPointer(start: buffer, count: length))
    }
}
