import Foundation
import PMOSurvey
import SurveyImport
import TestSupport
import Testing

/// Issue 22's "done when": the two trial-like exports, read through the mappings `map` drafts
/// with only their `# check` lines edited, give the figures planted in them.
@Suite struct TrialImportTests {
    /// A draft with the lines that hold `text` replaced by `line`; every line replaced must be
    /// one the draft marked `# check` (nothing else is edited).
    static func edited(_ draft: String, _ edits: [String: String], sourceLocation: SourceLocation = #_sourceLocation) -> String {
        var used = Set<String>()
        let lines = draft.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let (key, replacement) = edits.first(where: { line.contains($0.key) }) else { return String(line) }
            #expect(line.contains("# check"), "\(line) is not marked to check", sourceLocation: sourceLocation)
            used.insert(key)
            return replacement
        }
        #expect(used == Set(edits.keys), "edits that found no line: \(Set(edits.keys).subtracting(used))", sourceLocation: sourceLocation)
        return lines.joined(separator: "\n")
    }

    /// Where `scripts/trial-import.sh` wants the exports and edited mappings, to run the command line on them.
    static let keptFolder = ProcessInfo.processInfo.environment["PMO_TRIAL_FOLDER"]

    /// The drafts, edited as an analyst would, and the survey they read.
    static func importTrial(into folder: String = ScratchFolder.make("trial")) throws -> (survey: Survey, forms: String, monkey: String) {
        let (forms, monkey) = try TrialExports.write(into: folder)
        let formsDraft = try MappingDraft(export: forms).text
        let monkeyDraft = try MappingDraft(export: monkey).text
        let formsMapping = edited(formsDraft, [
            "# \"Deputy Chief Executive\": ?": "      \"Deputy Chief Executive\": Other",
        ])
        let monkeyMapping = edited(monkeyDraft, [
            "# \"Shared team with the CCG\": ?": "      \"Shared team with the CCG\": central",
            "# \"Deputy Chief Executive\": ?": "      \"Deputy Chief Executive\": Operations",
        ])
        try formsMapping.write(toFile: folder + "/forms.yaml", atomically: true, encoding: .utf8)
        try monkeyMapping.write(toFile: folder + "/monkey.yaml", atomically: true, encoding: .utf8)
        let survey = try SurveyReader(currentYear: 2026).read(inputs: [
            .export(path: forms, mapping: try Mapping.load(path: folder + "/forms.yaml")),
            .export(path: monkey, mapping: try Mapping.load(path: folder + "/monkey.yaml")),
        ])
        return (survey, formsMapping, monkeyMapping)
    }

    @Test func draftsGiveThePlantedFigures() throws {
        let (survey, formsMapping, monkeyMapping) = try Self.importTrial()
        #expect(formsMapping.contains("wave: \"2014-12\""), "the month of most submissions, not the test response's")
        #expect(monkeyMapping.contains("wave: \"2015-12\""))
        #expect(survey.waves.map(\.label) == ["2014-12", "2015-12"])

        let round2 = survey.responses.filter { $0.wave == "2015-12" }
        let community = round2.filter { $0.sector == .community }
        #expect(community.count(where: { $0.model == .central }) == 2)
        #expect(community.count(where: { $0.model == .hybrid }) == 5)
        #expect(community.count(where: { $0.model == .devolved }) == 3)
        #expect(round2.count(where: { $0.reportsTo != nil }) == 92)
        #expect(round2.count(where: { $0.reportsTo == .other }) == 1, "the Other box's text, with no entry, is the canonical Other")
        #expect(round2.first { $0.trustName == "Trust 012 NHS Trust" }?.centralFTE == 3, "approx 3, through the drafted entry")
        #expect(round2.first { $0.trustName == "Trust 015 NHS Trust" }?.centralFTE == 2.5)
        #expect(round2.count == 105, "preview left out, the duplicate superseded, the partial rejected")

        let round1 = survey.responses.filter { $0.wave == "2014-12" }
        #expect(round1.count == 117, "the test response left out")
        #expect(round1.count(where: { $0.devolvedFTE != nil }) == round1.count(where: { $0.model == .hybrid || $0.model == .devolved }),
                "the divisional question is mapped")
        #expect(!round1.contains { $0.reportsTo == .chiefExecutive && $0.trustName.hasSuffix("005 NHS Trust") },
                "Deputy Chief Executive is not Chief Executive")

        let findings = survey.findings.map(\.description)
        #expect(!findings.contains { $0.contains("values but the header has") }, "no warning for blank trailing answers")
        #expect(findings.filter { $0.contains(": error:") }.count == 1, "only the partial response: \(findings.filter { $0.contains(": error:") })")
        #expect(findings.contains("pmo-round-2.csv: info: 1 blank line skipped"), "the count names its file")
        #expect(findings.contains { $0.hasPrefix("pmo-round-1.xlsx, row 2 (sheet Form1): info: left out") })
        #expect(!findings.contains { $0.contains("@") || $0.contains("10.1.") || $0.contains("Person ") })
    }

    /// Writes the exports, their raw drafts and the edited mappings for `scripts/trial-import.sh`.
    @Test(.enabled(if: keptFolder != nil)) func keepTrialFiles() throws {
        let folder = try #require(Self.keptFolder)
        _ = try Self.importTrial(into: folder)
        try MappingDraft(export: folder + "/" + TrialExports.formsName).text.write(toFile: folder + "/forms-draft.yaml", atomically: true, encoding: .utf8)
        try MappingDraft(export: folder + "/" + TrialExports.monkeyName).text.write(toFile: folder + "/monkey-draft.yaml", atomically: true, encoding: .utf8)
    }
}
