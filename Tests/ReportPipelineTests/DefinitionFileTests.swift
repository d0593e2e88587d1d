import Foundation
import PMOSurvey
import ReportPipeline
import SurveyImport
import Testing
import TestSupport

@Suite struct DefinitionFileTests {
    /// Writes `yaml` as `Reports/test.yaml` in a fresh folder and loads it.
    private func load(_ yaml: String) throws -> (DefinitionFile, folder: String) {
        let folder = ScratchFolder.make("runs")
        try FileManager.default.createDirectory(atPath: folder + "/Reports", withIntermediateDirectories: true)
        try yaml.write(toFile: folder + "/Reports/test.yaml", atomically: false, encoding: .utf8)
        return (try DefinitionFile.load(path: folder + "/Reports/test.yaml"), folder)
    }

    private func failure(_ yaml: String) throws -> SettingsFileError {
        do {
            _ = try load(yaml)
        } catch let error as SettingsFileError {
            return error
        }
        Issue.record("the definition was accepted")
        return SettingsFileError(file: "", line: nil, problem: .syntax(""))
    }

    @Test func everyKeyIsRead() throws {
        let (file, folder) = try load("""
            # a comment
            title: Board pack
            subtitle: Winter 2015
            organisation: North network
            author: Analysis team
            classification: OFFICIAL-SENSITIVE
            keywords: [NHS, PMO]
            input: ../exports
            input_pattern: "pmo-*.csv"
            output: /srv/reports/board
            outputs:
              - json
              - pdf
            keep_runs: 3
            size_bands:
              medium_trust_from: 2500
              large_pmo_from: 20.5
            withhold_below: 5
            peer_code_secret: 9c1f4e7a-our-network-only-2f83b6d05a17e4
            internal_use: yes
            """)
        #expect(file.report.title == "Board pack")
        #expect(file.report.subtitle == "Winter 2015")
        #expect(file.report.organisation == "North network")
        #expect(file.report.author == "Analysis team")
        #expect(file.report.classification == "OFFICIAL-SENSITIVE")
        #expect(file.report.keywords == ["NHS", "PMO"])
        #expect(file.report.bounds == SizeBounds(mediumTrustFrom: 2500, largeTrustFrom: 6000, mediumPMOFrom: 5, largePMOFrom: 20.5))
        #expect(file.report.disclosure.smallestCount == 5)
        #expect(file.report.peerCodeSecret == "9c1f4e7a-our-network-only-2f83b6d05a17e4")
        #expect(file.report.internalUse)
        // Relative to the definition's folder, whatever the working directory; absolute kept.
        #expect(file.settings.input == folder + "/exports")
        #expect(file.settings.inputPattern == "pmo-*.csv")
        #expect(file.settings.output == "/srv/reports/board")
        #expect(file.settings.outputs == [.json, .pdf])
        #expect(file.settings.keepRuns == 3)
        #expect(file.sha256.count == 64)
    }

    @Test func defaultsWhenKeysAreLeftOut() throws {
        let (file, _) = try load("title: Only a title\n")
        #expect(file.report.title == "Only a title")
        #expect(file.report.classification == ReportDefinition().classification)
        #expect(file.settings.input == nil)
        #expect(file.settings.outputs == [.json, .workbook, .pdf])
        #expect(file.settings.keepRuns == 12)
        // The secret is the network's own, kept beside the definition unless it says otherwise.
        #expect(file.report.peerCodeSecret.isEmpty)
        let beside = URL(fileURLWithPath: file.path).deletingLastPathComponent().appendingPathComponent(".peer-code-secret")
        #expect(file.settings.peerCodeSecretFile == beside.standardizedFileURL.path)
    }

    @Test func shippedDefinitionsLoad() throws {
        let reports = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Reports").path
        let board = try DefinitionFile.load(path: reports + "/board-pack.yaml")
        #expect(board.settings.input?.hasSuffix("/SampleData/pmo-survey.csv") == true)
        #expect(board.settings.output?.hasSuffix("/output/board-pack") == true)
        #expect(FileManager.default.fileExists(atPath: board.settings.input!))
        let packs = try DefinitionFile.load(path: reports + "/trust-packs.yaml")
        #expect(packs.settings.outputs == [.packs])
    }

    @Test func misspeltKeyIsNamedWithItsLine() throws {
        let error = try failure("""
            title: Board pack
            # comment lines count too

            keep-runs: 3
            """)
        #expect(error.line == 4)
        guard case let .unknownKey(key, suggestion, _) = error.problem else {
            Issue.record("\(error)")
            return
        }
        #expect(key == "keep-runs" && suggestion == "keep_runs")
        #expect(error.description.hasSuffix("test.yaml, line 4: unknown key `keep-runs`; did you mean `keep_runs`?"))
    }

    @Test func unknownNestedKeyIsNamedWithItsPath() throws {
        let error = try failure("""
            size_bands:
              medium_trust_from: 2500
              huge_trust_from: 9000
            """)
        #expect(error.line == 3)
        #expect(error.description.contains("unknown key `size_bands.huge_trust_from`"))
    }

    @Test(arguments: [
        ("keep_runs: 0", 1, "keep_runs", "a whole number of at least 1"),
        ("title: x\nkeep_runs: twelve", 2, "keep_runs", "a whole number of at least 1"),
        ("withhold_below: 2", 1, "withhold_below", "a whole number of at least 3"),
        ("internal_use: maybe", 1, "internal_use", "true or false"),
        ("outputs: [json, excel]", 1, "outputs", "a list of json, workbook, pdf, packs; `excel` is none of them"),
        ("outputs: [json, json]", 1, "outputs", "each output once; `json` is listed twice"),
        ("title: [a, b]", 1, "title", "a single value, not a list or mapping"),
        ("size_bands:\n  medium_pmo_from: -1", 2, "size_bands.medium_pmo_from", "a number above 0"),
        ("size_bands:\n  medium_trust_from: 7000", 2, "size_bands", "medium_trust_from (7000) below large_trust_from (6000)"),
        ("title: x\npeer_code_secret: change-me-for-your-network", 2, "peer_code_secret",
         "a secret of the network's own: this one is one that ships with pmo-report, so anyone could work out which trust is behind each peer code. Remove the key to let pmo-report make and keep a random secret in .peer-code-secret beside this file, or give at least 32 random characters"),
        ("peer_code_secret: s3cret", 1, "peer_code_secret",
         "a secret of the network's own: this one has 6 characters, fewer than 32, so anyone could work out which trust is behind each peer code. Remove the key to let pmo-report make and keep a random secret in .peer-code-secret beside this file, or give at least 32 random characters"),
    ])
    func badValueIsNamedWithItsLine(yaml: String, line: Int, key: String, expected: String) throws {
        let error = try failure(yaml)
        #expect(error.line == line)
        #expect(error.problem == .badValue(key: key, expected: expected))
    }

    @Test func emptyValueAndDuplicateKey() throws {
        let empty = try failure("title:\nauthor: me")
        #expect(empty.problem == .missingValue(key: "title"))
        #expect(empty.line == 1)
        let twice = try failure("title: a\nsize_bands:\n  large_pmo_from: 20\n  large_pmo_from: 25")
        #expect(twice.problem == .duplicateKey(key: "large_pmo_from"))
        #expect(twice.line == 3)
    }

    @Test func notYAMLOrNotAMapping() throws {
        let broken = try failure("title: \"unclosed\nauthor: me\n")
        #expect(broken.description.contains("not valid YAML"))
        #expect(broken.line != nil)
        let list = try failure("- json\n- pdf\n")
        #expect(list.description.contains("expected `key: value` lines"))
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: SettingsFileError.self) { try DefinitionFile.load(path: "/nonexistent/board.yaml") }
        do {
            _ = try DefinitionFile.load(path: "/nonexistent/board.yaml")
        } catch {
            #expect(error.isUnreadable)
            #expect(error.description.contains("No such file or directory"))
        }
    }
}
