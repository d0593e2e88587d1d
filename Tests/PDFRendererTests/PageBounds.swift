import Foundation
@testable import PDFRenderer
import Testing
import TestSupport

/// The layout check read back from the written PDF with poppler (`pdftotext -bbox`), sharing no
/// code with the renderer: every word lies on its page, the running header and footer say only
/// what they should, and no body word reaches into them or past the side margins.
enum PageBounds {
    struct Word {
        var page: Int
        var box: (xMin: Double, yMin: Double, xMax: Double, yMax: Double)
        var text: String
    }

    /// Keeps a copy in `PDF_REVIEW_DIR`, when set, for looking at (e.g. with pdftoppm).
    static func keep(_ path: String, as name: String) {
        guard let review = ProcessInfo.processInfo.environment["PDF_REVIEW_DIR"] else { return }
        try? FileManager.default.removeItem(atPath: review + "/" + name)
        try? FileManager.default.copyItem(atPath: path, toPath: review + "/" + name)
    }

    static func words(_ path: String) throws -> [Word] {
        let html = try Program("pdftotext", ["-bbox", path, "-"]).run().stdout
        var words: [Word] = [], page = 0
        for line in html.split(separator: "\n") {
            if line.contains("<page ") { page += 1; continue }
            guard line.contains("<word "), let open = line.firstIndex(of: ">"),
                  let close = line.range(of: "</word>", options: .backwards) else { continue }
            func number(_ name: String) -> Double {
                guard let start = line.range(of: name + "=\"") else { return .nan }
                return Double(line[start.upperBound...].prefix { $0 != "\"" }) ?? .nan
            }
            words.append(Word(page: page, box: (number("xMin"), number("yMin"), number("xMax"), number("yMax")),
                              text: String(line[line.index(after: open)..<close.lowerBound])))
        }
        return words
    }

    /// Problems found on the written PDF; `header` is what the running header must start with.
    static func problems(_ path: String, header: String, classification: String = "OFFICIAL") throws -> [String] {
        keep(path, as: URL(fileURLWithPath: path).lastPathComponent)
        let frame = PageFrame.a4, content = frame.content, slack = 1.0
        let words = try words(path)
        let pages = words.map(\.page).max() ?? 0
        var problems: [String] = []
        for page in 1...max(pages, 1) {
            let on = words.filter { $0.page == page }
            var top: [String] = [], bottom: [String] = []
            for w in on {
                let b = w.box
                guard b.xMin >= -slack, b.yMin >= -slack, b.xMax <= frame.size.width + slack,
                      b.yMax <= frame.size.height + slack else {
                    problems.append("page \(page): “\(w.text)” off the page at \(b)")
                    continue
                }
                if b.yMax <= content.minY + slack {
                    top.append(w.text)
                } else if b.yMin >= content.maxY - slack {
                    bottom.append(w.text)
                } else if b.yMin < content.minY - slack || b.yMax > content.maxY + slack
                            || b.xMin < content.minX - slack || b.xMax > content.maxX + slack {
                    problems.append("page \(page): “\(w.text)” crosses the content area's edge at \(b)")
                }
            }
            let headerText = top.joined(separator: " ")
            if !headerText.hasPrefix(header) || !headerText.contains(classification) {
                problems.append("page \(page): running header reads “\(headerText.prefix(200))”")
            }
            let footer = bottom.joined(separator: " ")
            if footer != "\(classification) Page \(page) of \(pages)" {
                problems.append("page \(page): footer reads “\(footer.prefix(200))”")
            }
        }
        return problems
    }
}
