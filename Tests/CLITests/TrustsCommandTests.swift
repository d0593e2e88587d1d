import Foundation
import TestSupport
import Testing

/// `trust-identity.md` through the command line: two rounds of one network (names typed in one,
/// ODS codes in the other; `Tests/Fixtures/trust-identity`), the `trusts` command and its draft,
/// and a trust list or register that cannot be used.
@Suite struct TrustsCommandTests {
    static let fixtures = Program.projectRoot + "/Tests/Fixtures/trust-identity/"
    static let rounds = ["--input", fixtures + "forms-2021.csv", "--input", fixtures + "monkey-2022.csv"]
    static let nicknames = ["--trusts", fixtures + "trusts-nicknames.yaml"]

    /// Leeds Community Healthcare (RY6) agreed to be named in 2021 and withdrew in 2022: it is named
    /// nowhere, in either round, in any output; and every trust of 2022 follows its 2021 answer.
    @Test func aTrustThatWithdrewIsNamedNowhereAndEveryTrustIsFollowed() throws {
        let out = ScratchFolder.make("cli") + "/out"
        let result = try Program.pmoReport(["generate"] + Self.rounds + Self.nicknames
                                           + ["--output", out, "--packs", "--quiet", "--secret-file", out + "-secret"]).run()
        #expect(result.status == 0, "\(result.stderr)")
        let json = try String(contentsOfFile: out + "/pmo-report.json", encoding: .utf8)
        let packs = contents(of: out + "/packs")
        #expect(packs.count == 16)
        // Every pack but its own, which is made for it alone.
        #expect(packs.contains("RY6.pdf"))
        let paths = packs.map { out + "/packs/" + $0 }
        let others = packs.filter { !$0.hasPrefix("RY6.") }.map { out + "/packs/" + $0 }
        let workbook = out + "/pmo-report.xlsx", cells = try Self.everyCell([workbook] + others.filter { $0.hasSuffix(".xlsx") })
        let texts = try Dictionary(uniqueKeysWithValues: ([out + "/pmo-report.pdf"] + paths.filter { $0.hasSuffix(".pdf") })
            .map { ($0, try IndependentReaders.pdfText($0)) })
        let tables = try #require(cells[workbook]), board = try #require(texts[out + "/pmo-report.pdf"])
        var outputs = [("JSON", json), ("workbook", tables), ("board report", board)]
        for path in others {
            outputs.append(((path as NSString).lastPathComponent, try #require(path.hasSuffix(".pdf") ? texts[path] : cells[path])))
        }
        for (what, text) in outputs {
            let folded = text.lowercased().replacingOccurrences(of: "\n", with: " ")
            #expect(!folded.contains("leeds community") && !text.contains("RY6"), "Leeds Community Healthcare is named in \(what)")
        }
        // Nine trusts in all: 2021's nine, 2022's eight, one key each.
        #expect(board.contains("9 trusts took part in at least one wave"))
        #expect(json.contains("\"Leeds Teaching Hospitals NHS Trust\"") && !json.contains("\"LTHT\""))
        #expect(json.contains("\"register\": {\"file\": \"ods-etr-2026-11.csv\", \"sha256\": \"50c34139a3ddbf8cce579c07edea74d2d3a0341a0e5145c95f0c20dd0b8005cb\""))
        #expect(tables.contains("ods-etr-2026-11.csv") && tables.contains("Open Government Licence v3.0"))
        // Each 2022 pack compares with its trust's 2021 answer.
        for pack in packs where pack.hasSuffix(".pdf") {
            let text = try #require(texts[out + "/packs/" + pack])
            #expect(!text.contains("did not answer the previous wave"), "\(pack) misses its 2021 answer")
        }
    }

    @Test func trustsReportsEverySpellingAndDraftsTheTrustList() throws {
        let folder = ScratchFolder.make("cli")
        let draft = folder + "/trusts-draft.yaml"
        let result = try Program.pmoReport(["trusts", "--input", Self.fixtures + "forms-2021.csv", "--output", draft]).run()
        #expect(result.status == 0, "\(result.stderr)")
        let report = result.stdout
        #expect(report.contains("by register name: 7 spellings, 7 answers"))
        #expect(report.contains("  \"Guy’s and St Thomas’ NHS Foundation Trust\" (1) -> RJ1 Guy's and St Thomas' NHS Foundation Trust"))
        #expect(report.contains("unresolved: 3 spellings, 3 answers"))
        #expect(report.contains("  \"LTHT\" (1)"))
        // LTHT is not yet Leeds Teaching Hospitals: ten trusts, where a trust list makes them eight.
        #expect(report.contains("10 trusts in all; 3 unresolved spellings"))
        let text = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(text.contains("RR8:  # Leeds Teaching Hospitals NHS Trust\n  aliases:\n    - \"LTHT\"  # check: a guess (1 answer)"))
        #expect(text.contains("RP4:  # Great Ormond Street Hospital for Children NHS Foundation Trust\n  aliases:\n    - \"GOSH\"  # check"))
        #expect(text.contains("# \"Ashworth Valley Health Partnership\" (1 answer): no likely trust found"))
        // Never overwritten.
        let again = try Program.pmoReport(["trusts", "--input", Self.fixtures + "forms-2021.csv", "--output", draft]).run()
        #expect(again.status == 73 && again.stderr.contains("does not overwrite"))
        #expect(try String(contentsOfFile: draft, encoding: .utf8) == text)
        // The draft is a trust list: with it, what it guessed resolves.
        let checked = try Program.pmoReport(["trusts", "--input", Self.fixtures + "forms-2021.csv", "--trusts", draft]).run()
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("by alias: 2 spellings") && checked.stdout.contains("9 trusts in all; 1 unresolved spelling"), "\(checked.stdout)")
    }

    @Test func validateListsTheTrustFindingsFirst() throws {
        let result = try Program.pmoReport(["validate", "--input", Self.fixtures + "forms-2021.csv"]).run()
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("forms-2021.csv: column trust_name: warning: trust \"") == true)
        #expect(lines.prefix(3).allSatisfy { $0.contains("column trust_name: warning: trust \"") })
        #expect(lines[3].contains("10 responses read"))
        #expect(result.stdout.contains("RR8: {aliases: [\"LTHT\"]}"))
    }

    @Test func aWrongTrustListOrRegisterStopsBeforeAnythingIsRead() throws {
        let folder = ScratchFolder.make("cli")
        let list = folder + "/trusts.yaml"
        try "RR8:\n  aliases: [LTHT]\nRY6:\n  aliases: [Leeds, \"Ltht NHS Trust\"]\n".write(toFile: list, atomically: true, encoding: .utf8)
        let ambiguous = try Program.pmoReport(["validate", "--input", Self.fixtures + "forms-2021.csv", "--trusts", list]).run()
        #expect(ambiguous.status == 64)
        #expect(ambiguous.stderr.contains("\(list), line 3: `RY6.aliases`: \"Ltht NHS Trust\" is already a name of RR8 (line 1)"), "\(ambiguous.stderr)")

        try "RR8:\n  aliases: [LTHT]\nRQQ9:\n  aliases: [Leeds]\n".write(toFile: list, atomically: true, encoding: .utf8)
        let unknown = try Program.pmoReport(["generate", "--input", Self.fixtures + "forms-2021.csv", "--trusts", list,
                                             "--output", folder + "/out"]).run()
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("\(list), line 3: `RQQ9`: RQQ9 is not in the ODS register"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/pmo-report.json"))

        let register = folder + "/etr.csv"
        try "\"RR8\",\"LEEDS TEACHING HOSPITALS NHS TRUST\",\"Y63\"\r\n".write(toFile: register, atomically: true, encoding: .utf8)
        let bad = try Program.pmoReport(["validate", "--input", Self.fixtures + "forms-2021.csv", "--register", register]).run()
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("\(register), line 1: not the ODS register's layout"), "\(bad.stderr)")
        let missing = try Program.pmoReport(["validate", "--input", Self.fixtures + "forms-2021.csv", "--trusts", folder + "/none.yaml"]).run()
        #expect(missing.status == 66)
    }

    /// Every cell of every sheet of each workbook, as openpyxl reads it, by path: one Python run
    /// for them all, since starting Python and importing openpyxl costs more than reading a pack.
    static func everyCell(_ paths: [String]) throws -> [String: String] {
        let script = """
            import json, sys, openpyxl
            out = {}
            for path in sys.argv[1:]:
                lines = []
                for ws in openpyxl.load_workbook(path).worksheets:
                    lines.append(ws.title)
                    for row in ws.iter_rows(values_only=True):
                        lines.append(str([v for v in row if v is not None]))
                out[path] = "\\n".join(lines)
            json.dump(out, sys.stdout)
            """
        let result = try Program("/usr/bin/python3", ["-c", script] + paths).runChecked()
        return try JSONDecoder().decode([String: String].self, from: result.standardOutput)
    }
}
