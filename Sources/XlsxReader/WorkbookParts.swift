import Foundation

/// `xl/workbook.xml`: the sheets in order and the date system.
struct WorkbookPart {
    struct Sheet {
        var name: String
        var relationship: String
    }

    var sheets: [Sheet] = []
    var uses1904Dates = false

    init(_ data: Data) throws(XlsxReadError) {
        let xml = XMLStream()
        var sheets: [Sheet] = [], uses1904 = false
        xml.onStart = { tag in
            if tag.is("sheet"), let name = tag.attribute("name") {
                sheets.append(Sheet(name: name, relationship: tag.attribute("id") ?? ""))
            } else if tag.is("workbookPr"), let value = tag.attribute("date1904") {
                uses1904 = value == "1" || value.lowercased() == "true"
            }
        }
        try parseWhole(data, with: xml, part: "xl/workbook.xml")
        self.sheets = sheets
        uses1904Dates = uses1904
    }
}

/// `xl/_rels/workbook.xml.rels`: relationship IDs to part paths.
struct Relationships {
    var targets: [String: String] = [:]

    init() {}

    init(_ data: Data) throws(XlsxReadError) {
        let xml = XMLStream()
        var targets: [String: String] = [:]
        xml.onStart = { tag in
            if tag.is("Relationship"), let id = tag.attribute("Id"), let target = tag.attribute("Target") { targets[id] = target }
        }
        try parseWhole(data, with: xml, part: "xl/_rels/workbook.xml.rels")
        self.targets = targets
    }
}

/// `xl/styles.xml`: which cell styles show numbers as dates or times.
struct StylesPart {
    var dateStyles: [Bool] = []

    init(_ data: Data) throws(XlsxReadError) {
        let xml = XMLStream()
        var custom: [Int: String] = [:], formats: [Int] = [], inCellXfs = false
        xml.onStart = { tag in
            if tag.is("numFmt"), let id = tag.attribute("numFmtId").flatMap(Int.init), let code = tag.attribute("formatCode") {
                custom[id] = code
            } else if tag.is("cellXfs") {
                inCellXfs = true
            } else if inCellXfs, tag.is("xf") {
                formats.append(tag.attribute("numFmtId").flatMap(Int.init) ?? 0)
            }
        }
        xml.onEnd = { tag in if tag.is("cellXfs") { inCellXfs = false } }
        try parseWhole(data, with: xml, part: "xl/styles.xml")
        dateStyles = formats.map { id in custom[id].map(Self.isDateFormat) ?? Self.builtInDates.contains(id) }
    }

    /// Excel's built-in date and time formats.
    private static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// A format code shows a date or time when, outside quoted text, brackets and escapes, it
    /// has a day, month, year, hour or second part.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "d", "m", "y", "h", "s":
                if !inQuote && !inBracket { return true }
            default: break
            }
        }
        return false
    }
}

/// `xl/sharedStrings.xml`: every shared string in order, rich-text runs joined, phonetic runs left out.
final class SharedStringsPart: PartHandler {
    private(set) var strings: [String] = []
    var failure: XlsxReadError? { nil }
    var isStopped: Bool { false }
    /// Each string is cut here, as a cell's text is.
    private let cellBytes: Int

    init(cellBytes: Int) {
        self.cellBytes = cellBytes
    }

    private var text: [UInt8] = []
    private var inText = false, inPhonetic = false

    func attach(to xml: XMLStream) {
        xml.onStart = { [unowned self] tag in
            if tag.is("t") { inText = !inPhonetic } else if tag.is("rPh") { inPhonetic = true } else if tag.is("si") { text.removeAll(keepingCapacity: true) }
        }
        xml.onEnd = { [unowned self] tag in
            if tag.is("t") { inText = false } else if tag.is("rPh") { inPhonetic = false } else if tag.is("si") { strings.append(String(decoding: text, as: UTF8.self)) }
        }
        xml.onText = { [unowned self] bytes in
            if inText, text.count < cellBytes { text.append(contentsOf: bytes.prefix(cellBytes - text.count)) }
        }
    }
}

private func parseWhole(_ data: Data, with xml: XMLStream, part: String) throws(XlsxReadError) {
    do {
        try data.withUnsafeBytes { try xml.parse($0, isFinal: true) }
    } catch {
        throw XlsxReadError("its part \(part) is damaged: \(error)")
    }
}
