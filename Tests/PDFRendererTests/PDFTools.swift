import Foundation
import TestSupport

/// Runs the independent PDF tools (poppler, qpdf) on a written report.
enum PDFTools {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// The text of the PDF in reading order, with line breaks and runs of spaces made single spaces
    /// so that a sentence wrapped over two lines is still found.
    static func text(_ path: String, page: Int? = nil) throws -> String {
        let range = page.map { ["-f", String($0), "-l", String($0)] } ?? []
        let raw = try run("pdftotext", range + [path, "-"]).output
        return raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{0C}" }).joined(separator: " ")
    }

    /// A fresh folder for one test's files.
    static func folder() throws -> URL { URL(fileURLWithPath: ScratchFolder.make("pdf")) }
}
