import Foundation

/// Two exports made by hand the way Microsoft Forms and SurveyMonkey write them, like those of
/// the first real import (issue 22), with known figures planted in them:
///
/// - `pmo-round-1.xlsx` (Microsoft Forms, sheet `Form1`): 118 rows, the first a test response a
///   fortnight before the others; real date cells; blank trailing answers stored as no cell; a
///   question text with a line break; "Deputy Chief Executive" among the reporting lines.
/// - `pmo-round-2.csv` (SurveyMonkey "All responses data"): 109 rows: a preview response, an
///   earlier duplicate submission, a partial response, a blank row, FTE as `2.5 WTE`,
///   `approx 3` and `not sure`, answers outside the list, line breaks in question text, and
///   Other boxes holding the only answer (a PMO model, a reporting line).
///
/// Round 2's true figures: Community trusts 2 central, 5 hybrid, 3 devolved; the reporting line
/// Other 1 of 92 answers.
public enum TrialExports {
    public static let formsName = "pmo-round-1.xlsx"
    public static let monkeyName = "pmo-round-2.csv"

    /// Writes both exports into `folder`; returns their paths.
    public static func write(into folder: String) throws -> (forms: String, monkey: String) {
        let forms = folder + "/" + formsName, monkey = folder + "/" + monkeyName
        try formsWorkbook().write(forms)
        try Data(monkeyCSV().utf8).write(to: URL(fileURLWithPath: monkey))
        return (forms, monkey)
    }

    // MARK: Microsoft Forms

    enum Cell {
        case text(String)
        case number(Double)
        case date(Double)
    }

    static let formsHeader = ["ID", "Start time", "Completion time", "Email", "Name",
                              "Which NHS organisation do you\nwork for?", "What type of trust is it?",
                              "How are projects delivered in your trust?", "Central PMO (WTE)",
                              "Divisional project managers (WTE)", "Which kinds of projects does the function manage?",
                              "To whom does the PMO report?", "May we name your trust in the shared results?",
                              "Anything else you would like to tell us? "]

    /// Round 1's rows, by column; nil is a blank answer, which the workbook stores as no cell.
    static func formsRows() -> [[Cell?]] {
        // 2014-11-20 and 2014-12-01 as Excel serial days.
        var rows: [[Cell?]] = [[.number(1), .date(41_963.4), .date(41_963.41), .text("someone@trust.nhs.uk"), .text("Test User"),
                                .text("TEST - please ignore"), .text("Acute hospital trust"), .text("Central PMO"), .text("1"), nil,
                                .text("IT / digital;"), .text("Chief Executive"), .text("No, keep us anonymous"), nil]]
        for i in 1...117 {
            let sector = ["Community trust", "Community trust", "Acute hospital trust", "Acute hospital trust", "Acute hospital trust",
                          "Acute hospital trust", "Mental health trust", "Mental health trust", "Acute and community", "Ambulance trust"][i % 10]
            let model = ["Central PMO", "Central and devolved", "Devolved project managers", "No PMO"][i % 4]
            let central: Cell? = i % 4 < 2 ? .text(i == 5 ? "2.5 WTE" : "\(2 + i % 5)") : nil
            let divisional: Cell? = i % 4 == 1 || i % 4 == 2 ? .number(Double(i % 6 + 1)) : nil
            let kinds = ["IT / digital;Quality;", "Estates;", "Cost improvement (CIP);IT / digital;"][i % 3]
            let report = ["Chief Executive", "Finance Director", "Director of Strategy", "Chief Operating Officer",
                          "Medical Director", "Deputy Chief Executive", nil][i % 7]
            let day = 41_974 + Double(i % 20)
            rows.append([.number(Double(i + 1)), .date(day + 0.4), .date(day + 0.41), .text("person\(i)@trust.nhs.uk"), .text("Person \(i)"),
                         .text(name(i)), .text(sector), .text(model), central, divisional, .text(kinds), report.map(Cell.text),
                         .text(i % 2 == 0 ? "Yes, you may name us" : "No, keep us anonymous"), i % 9 == 0 ? .text("Thanks") : nil])
        }
        return rows
    }

    static func formsWorkbook() -> StoredZip {
        var sheet = ""
        for (r, row) in ([formsHeader.map { Cell?.some(.text($0)) }] + formsRows()).enumerated() {
            sheet += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = "\(UnicodeScalar(UInt8(65 + c)))\(r + 1)"
                switch cell {
                case nil: continue
                case .text(let text): sheet += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escaped(text))</t></is></c>"
                case .number(let n): sheet += "<c r=\"\(ref)\"><v>\(n)</v></c>"
                case .date(let d): sheet += "<c r=\"\(ref)\" s=\"1\"><v>\(d)</v></c>"
                }
            }
            sheet += "</row>"
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return StoredZip(entries: [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#),
            ("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets><sheet name=\"Form1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(main)\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"m/d/yy h:mm:ss\"/></numFmts><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"),
            ("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\"><sheetData>\(sheet)</sheetData></worksheet>"),
        ])
    }

    // MARK: SurveyMonkey

    static let monkeyHeader = [
        ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name", "Last Name", "Custom Data 1",
         "Which NHS organisation do you work for?", "What type of trust is it?", "How are projects delivered\nin your trust?", "",
         "Central PMO (WTE)", "Divisional project managers (WTE)", "To whom does the PMO report?", "", "May we name your trust in the shared results?"],
        ["", "", "", "", "", "", "", "", "", "Open-Ended Response", "Response", "Response", "Other (please specify)",
         "Open-Ended Response", "Open-Ended Response", "Response", "Other (please specify)", "Response"],
    ]

    /// One of round 2's 105 trusts: (sector, model choice, model typed in the Other box).
    static func monkeyTrust(_ j: Int) -> (sector: String, model: String, modelOther: String) {
        switch j {
        case 1: return ("Community trust", "Central PMO", "")
        case 2: return ("Community trust", "", "Shared team with the CCG")
        case 3...6: return ("Community trust", "Central and devolved", "")
        case 7: return ("Community trust", "", "Central team plus divisional PMs")
        case 8, 9: return ("Community trust", "Devolved project managers", "")
        case 10: return ("Community health services", "Devolved project managers", "")
        default:
            return (["Acute hospital trust", "Mental health trust", "Acute and community"][j % 3],
                    ["Central PMO", "Central and devolved", "Devolved project managers"][j % 3], "")
        }
    }

    static func monkeyRow(_ j: Int, id: Int, day: Int, model override: String? = nil) -> [String] {
        let trust = monkeyTrust(j)
        let model = override ?? trust.model
        let isDevolved = model.hasPrefix("Devolved")
        let central = isDevolved ? "" : j == 15 ? "2.5 WTE" : j == 12 ? "approx 3" : j == 13 ? "not sure" : "\(1 + j % 4)"
        let divisional = model == "Central PMO" ? "" : "\(j % 5 + 1)"
        let (report, reportOther) = j == 20 ? ("", "Director of Transformation") : j == 21 ? ("Deputy Chief Executive", "")
            : j % 8 == 0 ? ("", "") : (["Chief Executive", "Finance", "Strategy", "Operations", "Clinical"][j % 5], "")
        return ["\(id)", "431234568", String(format: "12/%02d/2015 09:%02d:00 AM", day, j % 60), String(format: "12/%02d/2015 10:%02d:00 AM", day, j % 60),
                "10.1.\(j / 200).\(j % 200)", "person\(j)@trust.nhs.uk", "First\(j)", "Last\(j)", "",
                name(j), trust.sector, model, trust.modelOther, central, divisional, report, reportOther,
                j % 2 == 0 ? "Yes, you may name us" : "No, keep us anonymous"]
    }

    static func monkeyCSV() -> String {
        var rows = monkeyHeader
        rows.append(["900", "431234567", "11/20/2015 09:00:00 AM", "11/20/2015 09:05:00 AM", "10.9.9.9", "me@trust.nhs.uk", "Test", "Preview", "",
                     "Preview - please ignore", "Acute hospital trust", "Central PMO", "", "2", "", "Finance", "", "Yes, you may name us"])
        // Trust 3's first submission, answered again later: the later one counts.
        rows.append(monkeyRow(3, id: 1000, day: 1, model: "Central PMO"))
        for j in 1...105 {
            rows.append(monkeyRow(j, id: 1000 + j, day: 2 + j % 20))
            if j == 50 { rows.append(Array(repeating: "", count: 18)) }
        }
        // A partial response: the respondent stopped after the type of trust.
        rows.append(["1200", "431234568", "12/14/2015 09:00:00 AM", "12/14/2015 09:02:00 AM", "10.2.0.1", "", "", "", "",
                     name(106), "Community trust", "", "", "", "", "", "", ""])
        return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func name(_ i: Int) -> String { String(format: "Trust %03d NHS Trust", i) }

    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
