import Foundation

/// A worksheet's XML turned into rows of cell texts as it streams: shared and inline strings,
/// numbers as their shortest decimal (`5200`, not `5200.0`), booleans as TRUE or FALSE, and
/// numbers in a date style as ISO dates (`2015-05-27 10:03:21`) by the workbook's date system.
final class SheetPart: PartHandler {
    private let workbook: XlsxWorkbook
    private let emit: (Int, [String]) throws -> Void
    private let part: String
    /// Set at a cell beyond the last column Excel has: the sheet is refused, not padded.
    private(set) var failure: XlsxReadError?
    /// An error the row callback threw, passed on as it is once the part has been read.
    private(set) var rowError: (any Error)?

    private var rowNumber = 0
    private var cells: [String] = []
    private var column = 0
    private var type = CellType.number
    private var style = 0
    private var value: [UInt8] = []
    private var inValue = false
    private var inInline = false
    private var stopped = false
    var isStopped: Bool { stopped }

    init(workbook: XlsxWorkbook, part: String, emit: @escaping (Int, [String]) throws -> Void) {
        self.workbook = workbook
        self.part = part
        self.emit = emit
    }

    func attach(to xml: XMLStream) {
        xml.onStart = { [unowned self] tag in
            guard !stopped else { return }
            if tag.is("c") {
                let reference = tag.attributeBytes("r")
                column = reference.flatMap(Self.column) ?? cells.count
                guard column < workbook.limits.columns else {
                    let text = reference.map { String(decoding: $0, as: UTF8.self) } ?? "(column \(column + 1))"
                    failure = XlsxReadError("its sheet \(part) has a cell \(text.cut(24)) in row \(rowNumber), beyond column XFD, the last of Excel's \(Self.grouped(workbook.limits.columns)) columns")
                    stopped = true
                    return
                }
                type = tag.attributeBytes("t").map(CellType.init) ?? .number
                style = tag.attributeBytes("s").flatMap(Self.number) ?? 0
                value.removeAll(keepingCapacity: true)
            } else if tag.is("v") {
                inValue = true
            } else if tag.is("is") {
                inInline = true
            } else if tag.is("t"), inInline {
                inValue = true
            } else if tag.is("rPh") {
                inInline = false
            } else if tag.is("row") {
                rowNumber = tag.attributeBytes("r").flatMap(Self.number) ?? rowNumber + 1
                cells.removeAll(keepingCapacity: true)
            }
        }
        xml.onEnd = { [unowned self] tag in
            guard !stopped else { return }
            if tag.is("v") || tag.is("t") {
                inValue = false
            } else if tag.is("is") {
                inInline = false
            } else if tag.is("c") {
                let text = cellText()
                if !text.isEmpty {
                    while cells.count < column { cells.append("") }
                    if cells.count == column { cells.append(text) } else { cells[column] = text }
                }
            } else if tag.is("row") {
                do {
                    try emit(rowNumber, cells)
                } catch {
                    rowError = error
                    stopped = true
                }
            }
        }
        // A cell's text is cut at the limit: one runaway cell cannot exhaust memory.
        xml.onText = { [unowned self] bytes in
            if inValue, value.count < workbook.limits.cellBytes {
                value.append(contentsOf: bytes.prefix(workbook.limits.cellBytes - value.count))
            }
        }
    }

    private func cellText() -> String {
        switch type {
        case .shared:
            guard let index = value.withUnsafeBufferPointer(Self.number), workbook.sharedStrings.indices.contains(index) else { return "" }
            return workbook.sharedStrings[index]
        case .text:
            return String(decoding: value, as: UTF8.self)
        case .boolean:
            return value == [UInt8(ascii: "1")] ? "TRUE" : value.isEmpty ? "" : "FALSE"
        case .number:
            let raw = String(decoding: value, as: UTF8.self)
            guard let number = Double(raw) else { return raw }
            if style < workbook.dateStyles.count, workbook.dateStyles[style] {
                return ExcelDate.text(serial: number, uses1904: workbook.uses1904Dates) ?? Self.shortest(number)
            }
            return Self.shortest(number)
        }
    }

    /// The shortest decimal that reads back as `number`: `5200`, `3.5`, `0.1`.
    static func shortest(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }

    /// A cell's `t` attribute: how its value is written.
    private enum CellType {
        case number, shared, text, boolean

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            switch bytes.first {
            case UInt8(ascii: "s") where bytes.count == 1: self = .shared
            case UInt8(ascii: "b"): self = .boolean
            case UInt8(ascii: "n"): self = .number
            default: self = .text  // inlineStr, str (a formula's text), e (an error), d (an ISO date)
            }
        }
    }

    /// A whole number written in ASCII digits.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count < 19 else { return nil }
        var n = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            n = n * 10 + Int(b - UInt8(ascii: "0"))
        }
        return n
    }

    /// `16384` as `16,384`, as the survey reader's messages write numbers.
    private static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        return String(digits.enumerated().flatMap { i, d in (i > 0 && (digits.count - i) % 3 == 0) ? [",", d] : [d] })
    }

    /// `B12` -> 1 (the column, from 0). Letters beyond four give `Int.max`, past any sheet's
    /// last column, rather than overflowing.
    static func column(_ reference: UnsafeBufferPointer<UInt8>) -> Int? {
        var n = 0, letters = 0
        for byte in reference {
            guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { break }
            letters += 1
            if letters > 4 { return Int.max }
            n = n * 26 + Int(byte - UInt8(ascii: "A")) + 1
        }
        return letters == 0 ? nil : n - 1
    }
}

/// Excel's date serial numbers as ISO text.
enum ExcelDate {
    /// `2015-05-27`, or `2015-05-27 10:03:21` when the serial has a time of day; nil when out of range.
    static func text(serial: Double, uses1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds == 86_400 {
            days += 1
            seconds = 0
        }
        // Days from 1970-01-01: the 1900 system counts the non-existent 1900-02-29 as day 60.
        let unixDays: Int
        if uses1904 {
            unixDays = days - 24_107
        } else {
            unixDays = days - (days >= 60 ? 25_569 : 25_568)
        }
        let (y, m, d) = civil(fromDays: unixDays)
        let date = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        guard seconds > 0 else { return date }
        return date + " \(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
    }

    /// Howard Hinnant's days-to-civil algorithm.
    private static func civil(fromDays z: Int) -> (Int, Int, Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
