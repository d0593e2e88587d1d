import Foundation
import PMOSurvey
import SurveyImport
import TestSupport
import Testing

/// Mappings are loaded with the care of report definitions: every error names the file, the key
/// and the line; references that fit no column, or several, name the candidates.
@Suite struct MappingFileTests {
    func load(_ text: String) throws(SettingsFileError) -> Mapping {
        let path = ScratchFolder.make("mapping") + "/map.yaml"
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return try Mapping.load(path: path)
    }

    func error(_ text: String) -> SettingsFileError? {
        do {
            _ = try load(text)
            return nil
        } catch {
            return error
        }
    }

    static let minimal = """
        source: csv
        fields:
          trust_name: Trust
          sector: Type
          pmo_model: Model

        """

    @Test func scalarsStayAsWritten() throws {
        let mapping = try load("""
            source: google-forms
            wave: 2015
            fields:
              trust_name: Trust
              sector: Type
              pmo_model: Model
              share_consent:
                question: Consent
                values: {yes: yes, no: no, "Not sure": ""}
            """)
        #expect(mapping.wave == "2015")
        #expect(mapping.tool == .googleForms && mapping.dates == .dayFirst)
        let consent = try #require(mapping.field(.shareConsent))
        #expect(consent.values.map(\.answer) == ["yes", "no", "Not sure"])
        #expect(consent.values.map(\.value) == ["yes", "no", ""])
    }

    @Test func surveyMonkeyDatesDefaultToMonthFirst() throws {
        #expect(try load(Self.minimal.replacingOccurrences(of: "source: csv", with: "source: surveymonkey")).dates == .monthFirst)
        #expect(try load(Self.minimal + "dates: month-first\n").dates == .monthFirst)
    }

    @Test func unknownKeyNamesLineAndSuggestion() {
        let e = error(Self.minimal + "exclude_wen:\n  Status: Preview\n")
        #expect(e?.line == 6)
        #expect(e?.description.contains("map.yaml, line 6: unknown key `exclude_wen`; did you mean `exclude_when`?") == true)
        let field = error(Self.minimal.replacingOccurrences(of: "pmo_model: Model", with: "pmo_modle: Model"))
        #expect(field?.line == 5 && field?.description.contains("did you mean `fields.pmo_model`?") == true)
    }

    @Test func badValuesAreRefused() {
        #expect(error("source: typeform\n")?.description.contains("bad value for `source`: expected one of ms-forms, surveymonkey, google-forms, qualtrics, csv") == true)
        #expect(error(Self.minimal + "dates: US\n")?.line == 6)
        let target = error(Self.minimal.replacingOccurrences(of: "sector: Type", with: "sector:\n    question: Type\n    values:\n      \"Acute hospital\": Acut"))
        #expect(target?.line == 7 && target?.description.contains("`Acut` is none of them") == true)
        let twice = error(Self.minimal.replacingOccurrences(of: "sector: Type", with: "sector:\n    question: Type\n    values:\n      \"Acute\u{00A0}hospital\": Acute\n      \"acute  Hospital\": Acute"))
        #expect(twice?.line == 8 && twice?.description.contains("two entries match the answer") == true)
        #expect(error(Self.minimal + "wave: a\nwave_from: Round\n")?.description.contains("either `wave` or `wave_from`") == true)
    }

    @Test func requiredFieldsAndPersonalData() {
        let missing = error("source: csv\nfields:\n  trust_name: Trust\n  sector: Type\n")
        #expect(missing?.description.contains("`fields.pmo_model` is missing") == true)
        let personal = error(Self.minimal + "  respondent_email: Email\n")
        #expect(personal?.line == 6 && personal?.description.contains("no personal data") == true)
        #expect(error("source: csv\nfields:\n  - trust_name\n")?.description.contains("bad value for `fields`") == true)
        #expect(error("[1, 2")?.description.contains("not valid YAML") == true)
        #expect(error("source: csv\nsource: csv\n")?.description.contains("more than once") == true)
        #expect(error("")?.description.contains("expected `key: value` lines") == true)
    }

    @Test func missingFileIsUnreadable() {
        do {
            _ = try Mapping.load(path: "/nonexistent/map.yaml")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.isUnreadable && error.description == "/nonexistent/map.yaml: cannot open the mapping: No such file or directory")
        }
    }

    /// A reference matching no column names the nearest columns; one matching two names both.
    @Test func referencesThatFitNoColumnOrSeveral() throws {
        let folder = ScratchFolder.make("refs")
        try "Trust,Type of trust,Model,Model\nA,Acute,central,x\n".write(toFile: folder + "/e.csv", atomically: true, encoding: .utf8)
        func read(_ mapping: String) -> SurveyFileError? {
            try! mapping.write(toFile: folder + "/m.yaml", atomically: true, encoding: .utf8)
            do {
                _ = try SurveyReader(currentYear: 2026).read(inputs: [.export(path: folder + "/e.csv", mapping: try Mapping.load(path: folder + "/m.yaml"))])
                return nil
            } catch let error as SurveyFileError {
                return error
            } catch {
                return nil
            }
        }
        let none = read("source: csv\nfields:\n  trust_name: Trust\n  sector: Type of organisation\n  pmo_model: Model\n")
        #expect(none?.isBadMapping == true)
        #expect(none?.description.contains("m.yaml, line 4: `fields.sector`: no column of the export matches \"Type of organisation\"; the nearest columns are \"Type of trust (column B)\"") == true)
        let several = read("source: csv\nfields:\n  trust_name: Trust\n  sector: Type of trust\n  pmo_model: model\n")
        #expect(several?.description.contains("line 5: `fields.pmo_model`: \"model\" matches several columns (\"Model (column C)\", \"Model (column D)\")") == true)
    }
}
