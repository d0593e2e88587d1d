import PMOSurvey
import ReportPipeline
import Testing

/// `validate`'s one line per distinct finding: same file, column, severity and message.
@Suite struct FindingGroupTests {
    func finding(_ file: String?, _ line: Int?, _ column: String?, _ message: String, _ severity: Finding.Severity = .error) -> Finding {
        Finding(file: file, line: line, responseID: "\(line ?? 0)", column: column, severity: severity, message: message)
    }

    @Test func groupsByFileColumnAndMessage() {
        let sheet = "forms.xlsx, sheet Form1"
        var findings = (0..<117).map { finding(sheet, 3 + $0, "sector", "unknown sector \"Hospital\"") }
        findings.insert(finding(sheet, 5, "sector", "unknown sector \"Acut\""), at: 2)
        findings.append(finding("b.csv", 9, "sector", "unknown sector \"Hospital\""))
        findings.append(finding(sheet, 4, "sector", "unknown sector \"Hospital\"", .warning))
        findings.append(finding(nil, nil, nil, "1 blank line skipped", .info))
        findings.append(finding(nil, nil, nil, "1 blank line skipped", .info))
        let groups = FindingGroup.group(findings)
        #expect(groups.map(\.count) == [117, 1, 1, 1, 1, 1], "file-wide findings, other files and severities are never merged")
        #expect(groups[0].places == [3, 4, 5])
        #expect(groups[0].description == "forms.xlsx (sheet Form1), column sector: error on 117 rows (rows 3, 4, 5 and 114 more): unknown sector \"Hospital\"")
        #expect(groups[1].description == "forms.xlsx, row 5 (sheet Form1), column sector (response 5): error: unknown sector \"Acut\"", "a lone finding as before")
        let csv = FindingGroup.group([finding("b.csv", 2, nil, "x"), finding("b.csv", 7, nil, "x")])
        #expect(csv.map(\.description) == ["b.csv: error on 2 lines (lines 2, 7): x"])
    }
}
