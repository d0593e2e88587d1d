import Foundation
import TestSupport
import Testing

/// Survey-tool exports through the command line: `generate` and `validate` with --input/--mapping
/// pairs, `run` with a definition's `inputs:`, `map`, and `sample-data --format`.
@Suite struct ImportCommandTests {
    static let root = Program.projectRoot
    static let forms2014 = root + "/SampleData/exports/pmo-survey-2014-12-ms-forms.xlsx"
    static let monkey2015 = root + "/SampleData/exports/pmo-survey-2015-12-surveymonkey.csv"
    static let formsMapping = root + "/Reports/mappings/pmo-2014-ms-forms.yaml"
    static let monkeyMapping = root + "/Reports/mappings/pmo-2015-surveymonkey.yaml"

    func tables(_ folder: String) throws -> [String: [[String: Any]]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/pmo-report.json"))) as! [String: Any]
        return json["tables"] as! [String: [[String: Any]]]
    }

    /// Two exports, two waves: the breakdowns of the canonical sample; every output lists both
    /// inputs with their mappings.
    @Test func generateFromTwoExports() throws {
        let folder = ScratchFolder.make("cli")
        #expect(try Program.pmoReport(["generate", "-i", GenerateCommandTests.sample, "-o", folder + "/canonical", "-q"]).run().status == 0)
        let result = try Program.pmoReport(["generate", "--input", Self.forms2014, "--mapping", Self.formsMapping,
                                        "--input", Self.monkey2015, "--mapping=" + Self.monkeyMapping, "--output", folder + "/tools"]).run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("pmo-survey-2014-12-ms-forms.xlsx and pmo-survey-2015-12-surveymonkey.csv: 321 responses read, 311 used, 5 rejected, 5 superseded"))
        let canonical = try tables(folder + "/canonical"), tools = try tables(folder + "/tools")
        for name in ["ModelBySector", "ModelBySize", "PmoSizeBySector", "FteBySector", "FteBySize", "ProjectTypesBySector",
                     "ServicesBySector", "ReportingLine", "ModelByWave"] {
            #expect(NSArray(array: canonical[name]!).isEqual(to: tools[name]!), "table \(name)")
        }
        let json = try String(contentsOfFile: folder + "/tools/pmo-report.json", encoding: .utf8)
        #expect(json.contains("\"mapping\": {\"file\": \"pmo-2014-ms-forms.yaml\"") && json.contains("\"source\": \"surveymonkey\""))
        let about = try Program("/usr/bin/unzip", ["-p", folder + "/tools/pmo-report.xlsx", "xl/sharedStrings.xml"]).runChecked().stdout
        #expect(about.contains("pmo-2015-surveymonkey.yaml (surveymonkey export)") && about.contains("Mapping SHA-256"))
        let pdf = try Program("/usr/bin/pdftotext", ["-layout", folder + "/tools/pmo-report.pdf", "-"]).runChecked().stdout
        #expect(pdf.contains("pmo-survey-2014-12-ms-forms.xlsx") && pdf.contains("mapping pmo-2015-surveymonkey.yaml"))
    }

    /// Respondents' e-mail addresses, names and IP addresses are in every export and in no output
    /// or finding, whichever tool the survey came from.
    @Test func noRespondentDataReachesAnyOutputOrFinding() throws {
        let folder = ScratchFolder.make("cli")
        var people: Set<String> = []
        let canonical = try String(contentsOfFile: GenerateCommandTests.sample, encoding: .utf8)
        for line in canonical.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > 5, fields[4].contains("@") else { continue }
            people.insert(String(fields[3]))
            people.insert(String(fields[4]))
        }
        #expect(people.count > 300)
        let ip = try NSRegularExpression(pattern: #"\b10\.\d{1,3}\.\d{1,3}\.\d{1,3}\b"#)
        for tool in ["ms-forms", "surveymonkey", "google-forms", "qualtrics"] {
            let ext = tool == "ms-forms" ? "xlsx" : "csv"
            let exports = ["2014", "2015"].map { Self.root + "/SampleData/exports/pmo-survey-\($0)-12-\(tool).\(ext)" }
            let inputs = zip(exports, ["2014", "2015"]).flatMap { export, year in
                ["--input", export, "--mapping", Self.root + "/Reports/mappings/pmo-\(year)-\(tool).yaml"]
            }
            // The search finds them where they are.
            let exported = try exports.map { ext == "csv" ? try String(contentsOfFile: $0, encoding: .utf8)
                                                          : try Program("/usr/bin/unzip", ["-p", $0]).runChecked().stdout }
            #expect(exported.joined().occurrences(of: people).count > 150, "\(tool)'s exports")
            let out = folder + "/" + tool
            let generate = try Program.pmoReport(["generate"] + inputs + ["--output", out]).run()
            #expect(generate.status == 0, "\(generate.stderr)")
            let validate = try Program.pmoReport(["validate"] + inputs).run()
            let texts = [generate.stdout, generate.stderr, validate.stdout, validate.stderr,
                         try String(contentsOfFile: out + "/pmo-report.json", encoding: .utf8),
                         try Program("/usr/bin/unzip", ["-p", out + "/pmo-report.xlsx"]).runChecked().stdout,
                         try Program("/usr/bin/pdftotext", [out + "/pmo-report.pdf", "-"]).runChecked().stdout]
            for text in texts {
                let leaked = text.occurrences(of: people)
                #expect(leaked.isEmpty, "\(tool): \(leaked.prefix(3)) leaked")
                #expect(ip.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "\(tool): an IP address leaked")
            }
        }
    }

    @Test func validateShowsTheValuesEntryThatWouldFix() throws {
        let result = try Program.pmoReport(["validate", "-i", Self.monkey2015, "-m", Self.monkeyMapping, "--strict"]).run()
        #expect(result.status == 65)
        #expect(result.stdout.contains("pmo-survey-2015-12-surveymonkey.csv, line 115, column sector (response 11400000679): error: unknown sector \"Hospital\""))
        #expect(result.stdout.contains("add under `fields.sector.values`: \"Hospital\": Acute (a guess; check it)"))
    }

    @Test func badMappingsExit64AndWriteNothing() throws {
        let folder = ScratchFolder.make("cli")
        let text = try String(contentsOfFile: Self.monkeyMapping, encoding: .utf8)
        try text.replacingOccurrences(of: "dates: month-first", with: "date: month-first").write(toFile: folder + "/typo.yaml", atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "End Date", with: "Finish Date").write(toFile: folder + "/column.yaml", atomically: true, encoding: .utf8)
        for (mapping, message) in [("typo.yaml", "typo.yaml, line 5: unknown key `date`; did you mean `dates`?"),
                                   ("column.yaml", "`fields.submitted`: no column of the export matches \"Finish Date\"; the nearest columns are \"End Date (column D)\"")] {
            let result = try Program.pmoReport(["generate", "-i", Self.monkey2015, "-m", folder + "/" + mapping, "-o", folder + "/out"]).run()
            #expect(result.status == 64)
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
        }
        let missing = try Program.pmoReport(["validate", "-i", Self.monkey2015, "-m", folder + "/none.yaml"]).run()
        #expect(missing.status == 66)
        let orphan = try Program.pmoReport(["validate", "-m", Self.monkeyMapping, "-i", Self.monkey2015]).run()
        #expect(orphan.status == 64 && orphan.stderr.contains("each --mapping follows the --input it reads"))
    }

    @Test func badWorkbooksExit65() throws {
        let folder = ScratchFolder.make("cli")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)).write(to: URL(fileURLWithPath: folder + "/locked.xlsx"))
        let result = try Program.pmoReport(["generate", "-i", folder + "/locked.xlsx", "-m", Self.formsMapping, "-o", folder + "/out"]).run()
        #expect(result.status == 65)
        #expect(result.stderr.contains("locked.xlsx: cannot read it as an .xlsx workbook: it is an OLE compound file"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
        // An .xlsx given without a mapping is not a canonical CSV.
        let plain = try Program.pmoReport(["validate", "-i", Self.forms2014]).run()
        #expect(plain.status == 65 && plain.stderr.contains("perhaps an Excel workbook"))
    }

    /// A definition with `inputs:` publishes; it is up to date until an input or a mapping changes.
    @Test func runWithInputsAndMappings() throws {
        let folder = ScratchFolder.make("cli")
        for sub in ["Reports/mappings", "SampleData/exports"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        for file in ["Reports/survey-tools.yaml", "Reports/mappings/pmo-2014-ms-forms.yaml", "Reports/mappings/pmo-2015-surveymonkey.yaml",
                     "SampleData/exports/pmo-survey-2014-12-ms-forms.xlsx", "SampleData/exports/pmo-survey-2015-12-surveymonkey.csv"] {
            try FileManager.default.copyItem(atPath: Self.root + "/" + file, toPath: folder + "/" + file)
        }
        let definition = folder + "/Reports/survey-tools.yaml"
        let first = try Program.pmoReport(["run", definition]).run()
        #expect(first.status == 0, "\(first.stderr)")
        let latest = folder + "/output/survey-tools/latest"
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: latest + "/manifest.json"))) as! [String: Any]
        let inputs = manifest["inputs"] as! [[String: Any]]
        #expect(inputs.count == 2)
        #expect(inputs.allSatisfy { ($0["mapping"] as? [String: Any])?["sha256"] is String && ($0["sha256"] as? String)?.count == 64 })
        #expect(try Program.pmoReport(["run", definition]).run().stderr.contains("up to date"))
        let mapping = folder + "/Reports/mappings/pmo-2015-surveymonkey.yaml"
        try (try String(contentsOfFile: mapping, encoding: .utf8) + "# reviewed\n").write(toFile: mapping, atomically: true, encoding: .utf8)
        let again = try Program.pmoReport(["run", definition]).run()
        #expect(again.status == 0 && again.stderr.contains("published"), "a changed mapping is a new run: \(again.stderr)")
        let both = try String(contentsOfFile: definition, encoding: .utf8) + "input: ../SampleData/pmo-survey.csv\n"
        try both.write(toFile: definition, atomically: true, encoding: .utf8)
        #expect(try Program.pmoReport(["run", definition]).run().status == 64)
    }

    @Test func mapDraftsAndNeverOverwrites() throws {
        let folder = ScratchFolder.make("cli")
        let result = try Program.pmoReport(["map", "--input", Self.monkey2015, "--output", folder + "/draft.yaml"]).run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("a SurveyMonkey mapping with") && result.stderr.contains("to check"))
        let validate = try Program.pmoReport(["validate", "-i", Self.monkey2015, "-m", folder + "/draft.yaml"]).run()
        #expect(validate.status == 0, "the draft loads and reads the export: \(validate.stderr)")
        #expect(try Program.pmoReport(["map", "--input", Self.monkey2015, "--output", folder + "/draft.yaml"]).run().status == 73)
        let stdout = try Program.pmoReport(["map", "-i", Self.forms2014, "--source", "ms-forms"]).run()
        #expect(stdout.status == 0 && stdout.stdout.hasPrefix("# Drafted by `pmo-report map`") && stdout.stdout.contains("source: ms-forms"))
        #expect(try Program.pmoReport(["map", "-i", Self.forms2014, "--source", "typeform"]).run().status == 64)
    }

    /// The shipped CSV exports are what `sample-data --format` writes today.
    @Test func shippedExportsAreReproducible() throws {
        let folder = ScratchFolder.make("cli")
        for tool in ["surveymonkey", "google-forms", "qualtrics", "ms-forms"] {
            let result = try Program.pmoReport(["sample-data", "--format", tool, "--output", folder]).run()
            #expect(result.status == 0, "\(result.stderr)")
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".csv") {
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
                    == Data(contentsOf: URL(fileURLWithPath: Self.root + "/SampleData/exports/" + name)), "\(name)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 8)
        #expect(try Program.pmoReport(["sample-data", "--format", "csv", "--output", folder]).run().status == 64)
    }

    /// Every broken or hostile input of the corpus, read as an export (and named .xlsx): a clear
    /// failure or a reading, never a crash or a hang, and nothing written on failure.
    @Test(arguments: try FileManager.default.contentsOfDirectory(atPath: BadInputCorpusTests.folder).sorted())
    func hostileInputsAsExports(file: String) throws {
        let folder = ScratchFolder.make("cli")
        try "source: csv\nwave: W\nfields:\n  trust_name: trust_name\n  sector: sector\n  pmo_model: pmo_model\n  comments: comments\n"
            .write(toFile: folder + "/map.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: BadInputCorpusTests.folder + "/" + file, toPath: folder + "/export.xlsx")
        for path in [BadInputCorpusTests.folder + "/" + file, folder + "/export.xlsx"] {
            let result = try Program.pmoReport(["generate", "-i", path, "-m", folder + "/map.yaml", "-o", folder + "/out", "-q"]).run()
            #expect([0, 64, 65].contains(result.status), "\(path): exit \(result.status): \(result.stderr)")
            if result.status != 0 {
                #expect(result.stderr.contains((path as NSString).lastPathComponent) || result.stderr.contains("map.yaml"), "\(result.stderr)")
                #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
            }
            try? FileManager.default.removeItem(atPath: folder + "/out")
        }
    }
}
