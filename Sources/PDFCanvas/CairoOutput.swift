internal import CPangoCairo

/// Where Cairo writes the PDF: memory, since the file is finished (language, alternative text,
/// artifacts, XMP) by libqpdf before it is written out.
final class CairoOutput {
    private(set) var bytes: [UInt8] = []

    /// The callback Cairo calls with each piece of the PDF; `closure` is the output.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let output = Unmanaged<CairoOutput>.fromOpaque(closure).takeUnretainedValue()
        output.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
