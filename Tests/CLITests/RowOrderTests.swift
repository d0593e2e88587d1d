import Foundation
import TestSupport
import Testing

/// Contract section 6: the same responses in any order give the same figures, names and peer
/// codes. Exports are not sorted and files get concatenated, so each survey is run as written,
/// reversed, shuffled and with its waves interleaved, and every output is compared: the JSON
/// tables, the workbook's Tables, the board report's text and every pack (byte for byte, through
/// the SHA-256 in the packs index). Only line numbers in findings may differ.
@Suite struct RowOrderTests {
    /// The shared run of the shipped file stands for the rows as written: the same bytes.
    @Test func sampleSurveyInAnyOrder() throws {
        let text = try String(contentsOfFile: GenerateCommandTests.sample, encoding: .utf8)
        let records = CSVRecords(text)
        try #require(records.file(records.records) == text)
        try checkEveryOrder(of: text, reference: try SharedRun.samplePacks.get().output)
    }

    /// Three waves in which trusts withdraw or give consent, change name, region and PMO name,
    /// answer twice in a wave, skip a wave or stop taking part.
    @Test func surveyOfChangingAnswersInAnyOrder() throws {
        let survey = ChangingSurvey()
        let outputs = try checkEveryOrder(of: survey.csv)
        // A trust is named only under its current answer's consent and name, in every output.
        let board = try IndependentReaders.pdfText(outputs + "/pmo-report.pdf")
        let json = try String(contentsOfFile: outputs + "/pmo-report.json", encoding: .utf8)
        let withdrawn = survey.trusts.filter { !$0.current.consent }
        #expect(withdrawn.count >= 10 && withdrawn.contains { $0.answers.contains(where: \.consent) })
        for (t, trust) in survey.trusts.enumerated() {
            for name in trust.names where !(trust.current.consent && name == trust.current.name) {
                #expect(!board.contains(name), "\(name) is in the board report")
                #expect(!json.contains(name), "\(name) is in the JSON")
            }
            if trust.current.consent {
                #expect(json.contains(trust.current.name))
            } else {
                #expect(!json.contains("Note from trust \(t) in"), "free text of trust \(t) is in the JSON")
            }
        }
        // Nor in another trust's pack, whose ranking chart names the peers that consented.
        let index = try String(contentsOfFile: outputs + "/packs-index-not-for-sharing.csv", encoding: .utf8)
        for entry in index.split(separator: "\r\n").dropFirst().prefix(8) {
            let fields = entry.split(separator: ",").map(String.init)
            let pack = try IndependentReaders.pdfText(outputs + "/packs/" + fields[6])
            #expect(pack.contains(fields[0]))
            for trust in withdrawn where trust.current.name != fields[0] {
                for name in trust.names { #expect(!pack.contains(name), "\(name) is named in the pack of \(fields[0])") }
            }
        }
    }

    /// Two rounds of the same trusts, typed names in one and ODS codes in the other, resolved through
    /// the register and a trust list of nicknames (`trust-identity.md`): the order still decides nothing.
    @Test func namesAndCodesResolvedThroughTheRegisterAndATrustListInAnyOrder() throws {
        let fixtures = Program.projectRoot + "/Tests/Fixtures/trust-identity/"
        let forms = try String(contentsOfFile: fixtures + "forms-2021.csv", encoding: .utf8).split(separator: "\n")
        let monkey = try String(contentsOfFile: fixtures + "monkey-2022.csv", encoding: .utf8).split(separator: "\n")
        // One file: the forms round gets an empty trust_code after its submission date.
        let rows = forms.dropFirst().map { line -> String in
            var fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            fields.insert("", at: 3)
            return fields.joined(separator: ",")
        }
        let csv = ([String(monkey[0])] + rows + monkey.dropFirst().map(String.init)).joined(separator: "\n") + "\n"
        let output = try checkEveryOrder(of: csv, extra: ["--trusts", fixtures + "trusts-nicknames.yaml"])
        let board = try IndependentReaders.pdfText(output + "/pmo-report.pdf")
        #expect(board.contains("9 trusts took part in at least one wave"))
    }

    /// Runs `generate --packs` on the survey in every order and compares each run with the first,
    /// or with `reference` (a run of the file as written, keyed by `SharedRun.secretFile`) when
    /// given; returns the reference run's output folder.
    @discardableResult
    private func checkEveryOrder(of csv: String, extra: [String] = [], reference referenceFolder: String? = nil) throws -> String {
        let records = CSVRecords(csv)
        let folder = ScratchFolder.make("cli")
        let secret = SharedRun.secretFile
        var reference = try referenceFolder.map(RowOrderOutputs.init(folder:))
        var firstOutput = referenceFolder ?? ""
        for (name, rows) in records.orders() where !(referenceFolder != nil && name == "as-written") {
            // The sample's file name every time: the workbook and packs name their source file.
            let input = folder + "/" + name + "/" + (GenerateCommandTests.sample as NSString).lastPathComponent
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
            try records.file(rows).write(toFile: input, atomically: false, encoding: .utf8)
            let output = folder + "/" + name + "/out"
            let result = try Program.pmoReport(["generate", "--input", input, "--output", output, "--packs", "--quiet",
                                            "--secret-file", secret] + extra).run()
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let outputs = try RowOrderOutputs(folder: output)
            if let reference {
                #expect(outputs.json == reference.json, "JSON differs when the rows are \(name)")
                #expect(outputs.workbookTables == reference.workbookTables, "workbook Tables differ when the rows are \(name)")
                #expect(outputs.boardText == reference.boardText, "board report differs when the rows are \(name)")
                #expect(outputs.packsIndex == reference.packsIndex, "packs differ when the rows are \(name)")
            } else {
                reference = outputs
                firstOutput = output
            }
        }
        return firstOutput
    }
}

/// A CSV file's header and records (a quoted field may hold line breaks), for reordering.
private struct CSVRecords {
    let header: String
    let records: [String]
    /// The text's own line ending, so that the rows as written are the file as written.
    let lineEnding: String

    init(_ text: String) {
        lineEnding = text.contains("\r\n") ? "\r\n" : "\n"
        var records: [String] = [], current = "", quoted = false
        for character in text.replacingOccurrences(of: "\r\n", with: "\n") {
            if character == "\"" { quoted.toggle() }
            if character == "\n" && !quoted {
                if !current.isEmpty { records.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { records.append(current) }
        header = records.removeFirst()
        self.records = records
    }

    /// A CSV file of the header and `rows`.
    func file(_ rows: [String]) -> String {
        ([header] + rows).joined(separator: lineEnding) + lineEnding
    }

    /// As written, reversed, shuffled by two seeds, and one wave's rows dealt between another's.
    func orders() -> [(String, [String])] {
        let waveColumn = header.split(separator: ",").firstIndex(of: "wave")!
        var byWave: [String: [String]] = [:]
        for record in records {
            // The wave column comes before any quoted field in these files.
            byWave[String(record.split(separator: ",", omittingEmptySubsequences: false)[waveColumn]), default: []].append(record)
        }
        let waves = byWave.keys.sorted()
        var interleaved: [String] = []
        for i in 0..<(byWave.values.map(\.count).max() ?? 0) {
            for wave in waves.reversed() where i < byWave[wave]!.count { interleaved.append(byWave[wave]![i]) }
        }
        var first = SplitMix(seed: 1), second = SplitMix(seed: 20151201)
        return [("as-written", records), ("reversed", records.reversed()), ("shuffled-1", records.shuffled(using: &first)),
                ("shuffled-2", records.shuffled(using: &second)), ("waves-interleaved", interleaved)]
    }
}

/// What the row order must not change, read back with independent readers.
private struct RowOrderOutputs {
    /// The JSON without the input's digest, findings without their lines, in a fixed order.
    let json: NSDictionary
    let workbookTables: String
    let boardText: String
    /// Every pack's file name and SHA-256, with each trust's name, code and peer code.
    let packsIndex: String

    init(folder: String) throws {
        var json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder + "/pmo-report.json"))) as! [String: Any]
        var source = json["source"] as! [String: Any]
        source["sha256"] = nil
        json["source"] = source
        var tables = json["tables"] as! [String: Any]
        let findings = (tables["DataQuality"] as! [[String: Any]]).map { finding -> String in
            var finding = finding
            finding["line"] = nil
            finding["message"] = Self.withoutLines(finding["message"] as! String)
            return "\(finding.sorted { $0.key < $1.key })"
        }
        tables["DataQuality"] = findings.sorted()
        json["tables"] = tables
        self.json = json as NSDictionary
        workbookTables = Self.withoutLines(try IndependentReaders.python(Self.dumpTables, folder + "/pmo-report.xlsx"))
        boardText = Self.withoutLines(try IndependentReaders.pdfText(folder + "/pmo-report.pdf"))
        packsIndex = try String(contentsOfFile: folder + "/packs-index-not-for-sharing.csv", encoding: .utf8)
    }

    static func withoutLines(_ text: String) -> String {
        text.replacingOccurrences(of: #"line \d+"#, with: "line N", options: .regularExpression)
    }

    /// Each Excel Table's cells as openpyxl reads them; DataQuality's rows sorted without their line.
    static let dumpTables = """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        for ws in wb.worksheets:
            for name, ref in sorted(ws.tables.items()):
                rows = [[c.value for c in row] for row in ws[ref]]
                if name == "DataQuality":
                    rows = [rows[0]] + sorted(str(r[1:]) for r in rows[1:])
                print(ws.title, name, len(rows))
                for r in rows: print(r)
        """
}

/// A survey of three waves made for the row-order test; `trusts` says what each trust answered.
private struct ChangingSurvey {
    struct Answer {
        var wave: String
        var submitted: String
        var name: String
        var consent: Bool
    }

    struct Trust {
        var code: String?
        var answers: [Answer]
        /// The answer of the latest wave it took part in (waves are in date order here).
        var current: Answer { answers.max { $0.wave < $1.wave }! }
        var names: Set<String> { Set(answers.map(\.name)) }
    }

    let trusts: [Trust]
    let csv: String

    init() {
        var random = SplitMix(seed: 42)
        let waves = [("2014-06", "2014-07"), ("2014-12", "2015-01"), ("2015-12", "2016-01")]
        let sectors = ["Acute", "Mental Health", "Community", "Ambulance", "Specialist"]
        let models = ["central", "hybrid", "devolved", "none"]
        var trusts: [Trust] = []
        var lines = ["response_id,wave,submitted,respondent_name,respondent_email,trust_code,trust_name,sector,region,"
                     + "staff_headcount,pmo_model,pmo_name,central_pmo_fte,project_types,reports_to,share_consent,comments"]
        for t in 0..<72 {
            let code: String? = t % 9 == 4 ? nil : String(format: "R%03dX", t)
            let sector = sectors[t % sectors.count]
            // Some trusts stop after the first or second wave; a few join late.
            let first = t % 11 == 7 ? 1 : 0
            let last = t % 7 == 3 ? 1 : t % 13 == 5 ? 0 : 2
            var answers: [Answer] = []
            for w in first...max(first, last) {
                // Names change between waves only for trusts identified by their ODS code.
                let renamed = code != nil && t % 5 == 2 && w == 2
                let name = (renamed ? "Newbridge" : "Oldfield") + " \(t) \(sector) NHS Trust"
                let consent = random.next() % 3 != 0
                let day = 1 + Int(random.next() % 27)
                let (wave, month) = waves[w]
                answers.append(Answer(wave: wave, submitted: "\(month)-\(String(format: "%02d", day))", name: name, consent: consent))
                let model = models[Int(random.next() % 4)]
                let fte = model == "central" || model == "hybrid" ? String(Double(random.next() % 60) / 2) : ""
                func line(_ answer: Answer, id: String) -> String {
                    [id, answer.wave, answer.submitted, "Resp \(t)", "resp\(t)@trust.example", code ?? "",
                     "\"\(answer.name)\"", sector, ["North West", "London", "South West"][(t + w) % 3],
                     String(1500 + 97 * t), model, model == "none" ? "" : "PMO \(w)", fte,
                     model == "none" ? "" : "IT;Quality", model == "none" ? "" : "Finance",
                     answer.consent ? "yes" : "no", "\"Note from trust \(t) in \(answer.wave)\""].joined(separator: ",")
                }
                // Every sixth trust answered twice in a wave: the later submission counts.
                if t % 6 == 1 {
                    var earlier = answers[answers.count - 1]
                    earlier.submitted = "\(month)-\(String(format: "%02d", day))"
                    answers[answers.count - 1].submitted = "\(month)-28"
                    earlier.consent.toggle()
                    lines.append(line(earlier, id: "\(wave)/\(t)a"))
                }
                lines.append(line(answers[answers.count - 1], id: "\(wave)/\(t)"))
            }
            trusts.append(Trust(code: code, answers: answers))
        }
        self.trusts = trusts
        csv = lines.joined(separator: "\n") + "\n"
    }
}

/// A small seeded generator, so that the shuffles are the same on every machine.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
