import Foundation
import TestSupport

/// Poppler's reading of a written report, for tests that look for text in it.
enum PDFTools {
    /// The text of the PDF in reading order, with line breaks and runs of spaces made single spaces
    /// so that a sentence wrapped over two lines is still found.
    static func text(_ path: String, page: Int? = nil) throws -> String {
        let range = page.map { ["-f", String($0), "-l", String($0)] } ?? []
        let raw = try Program("pdftotext", range + [path, "-"]).run().stdout
        return raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{0C}" }).joined(separator: " ")
    }
}
