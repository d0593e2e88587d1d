import Foundation
import PMOSurvey
import SurveyImport
import TestSupport
import Testing

/// `trust-identity.md` with the register's real rows (`Reports/ods-etr-2026-11.csv`): each rule of
/// normalisation, each step of resolution and each conflict, read through the real files.
@Suite struct TrustIdentityTests {
    static let root = ImportFixtures.projectRoot
    static let registerPath = root + "/Reports/ods-etr-2026-11.csv"
    static let fixtures = root + "/Tests/Fixtures/trust-identity/"
    static let register = try! RegisterFile.load(path: registerPath)

    /// The shipped register and, when given, a trust list.
    static func directory(list yaml: String? = nil) throws -> TrustDirectory {
        var listed: [TrustDirectory.ListedTrust] = []
        if let yaml {
            let path = ScratchFolder.make("trusts") + "/trusts.yaml"
            try yaml.write(toFile: path, atomically: true, encoding: .utf8)
            listed = try TrustListFile.load(path: path, register: register.trusts).trusts
        }
        var directory = TrustDirectory(register: register.trusts, list: listed)
        directory.register = register.source
        return directory
    }

    static func read(_ csv: String, trusts: TrustDirectory) throws -> Survey {
        var reader = SurveyReader(currentYear: 2026)
        reader.trusts = trusts
        return try reader.read(data: Data(csv.utf8), fileName: "survey.csv")
    }

    static func read(files: [String], trusts: TrustDirectory) throws -> Survey {
        var reader = SurveyReader(currentYear: 2026)
        reader.trusts = trusts
        return try reader.read(inputs: files.map { SurveyInput(path: fixtures + $0) })
    }

    // MARK: Normalisation, rule by rule

    @Test func namesAreComparedAfterNormalising() {
        let n = TrustNames.normalised
        #expect(n("ＬＴＨＴ") == "ltht")                                   // NFKC: full-width letters
        #expect(n("Leeds Teaching Hospitals") == n("LEEDS TEACHING HOSPITALS"))   // case
        #expect(n("Guy’s and St Thomas’") == "guy's and st thomas'")            // curly quotes read as straight
        #expect(n("Royal Brompton & Harefield") == "royal brompton and harefield")   // & read as and
        #expect(n("The Queen Elizabeth Hospital, King's Lynn, NHS Foundation Trust") == "queen elizabeth hospital king's lynn")
        #expect(n("St. Helens / Knowsley") == "st helens knowsley")             // punctuation read as space
        #expect(n("  Leeds \t Teaching\u{00A0}Hospitals  ") == "leeds teaching hospitals")   // runs of space folded
        #expect(n("The Rotherham NHS Foundation Trust") == "rotherham")         // a leading `the` dropped
        #expect(n("Theale Health") == "theale health")                          // ... only as a word
        for ending in ["NHS Foundation Trust", "NHS Trust", "Foundation Trust", "NHS FT", "FT"] {
            #expect(n("East London " + ending) == "east london", "\(ending)")
        }
        #expect(n("Salford Croft") == "salford croft")                          // `ft` only as a word
        #expect(n("Bristol NHS Trust Foundation Trust") == "bristol nhs trust") // one ending only
        #expect(n("NHS Trust") == "nhs trust")                                  // never to nothing
    }

    @Test func registerNamesShowInMixedCase() {
        let m = TrustNames.mixedCase
        #expect(m("GUY'S AND ST THOMAS' NHS FOUNDATION TRUST") == "Guy's and St Thomas' NHS Foundation Trust")
        #expect(m("THE QUEEN ELIZABETH HOSPITAL, KING'S LYNN, NHS FOUNDATION TRUST")
                == "The Queen Elizabeth Hospital, King's Lynn, NHS Foundation Trust")
        #expect(m("THE NEWCASTLE UPON TYNE HOSPITALS NHS FOUNDATION TRUST") == "The Newcastle upon Tyne Hospitals NHS Foundation Trust")
        #expect(m("GREAT ORMOND STREET HOSPITAL FOR CHILDREN NHS FOUNDATION TRUST")
                == "Great Ormond Street Hospital for Children NHS Foundation Trust")
        #expect(m("ISLE OF WIGHT NHS TRUST") == "Isle of Wight NHS Trust")
        #expect(m("STAFFORDSHIRE AND STOKE ON TRENT PARTNERSHIP NHS TRUST") == "Staffordshire and Stoke on Trent Partnership NHS Trust")
        #expect(m("ROYAL BROMPTON & HAREFIELD NHS FOUNDATION TRUST") == "Royal Brompton & Harefield NHS Foundation Trust")
        // Hyphens and brackets (the register's town column has them): capitals after each.
        #expect(m("STOKE-ON-TRENT") == "Stoke-on-Trent")
        #expect(m("WESTON-SUPER-MARE") == "Weston-Super-Mare")
        #expect(m("NORTH WEST (MERSEY) TRUST") == "North West (Mersey) Trust")
        // Each of the names above is the register's own.
        let names = Set(Self.register.trusts.map(\.name))
        for name in ["GUY'S AND ST THOMAS' NHS FOUNDATION TRUST", "THE QUEEN ELIZABETH HOSPITAL, KING'S LYNN, NHS FOUNDATION TRUST",
                     "THE NEWCASTLE UPON TYNE HOSPITALS NHS FOUNDATION TRUST", "ISLE OF WIGHT NHS TRUST",
                     "ROYAL BROMPTON & HAREFIELD NHS FOUNDATION TRUST"] {
            #expect(names.contains(name), "\(name)")
        }
    }

    // MARK: The register

    @Test func theShippedRegisterIsRead() {
        let (trusts, source) = Self.register
        #expect(trusts.count == 274)
        #expect(trusts.count { $0.closed != nil } == 72)
        #expect(source.fileName == "ods-etr-2026-11.csv" && source.trustCount == 274)
        #expect(source.sha256 == "50c34139a3ddbf8cce579c07edea74d2d3a0341a0e5145c95f0c20dd0b8005cb")
        let rm2 = trusts.first { $0.code == "RM2" }
        #expect(rm2?.closed == SurveyDate(year: 2017, month: 9, day: 30))
        #expect(trusts.first { $0.code == "RCX" }?.name == "THE QUEEN ELIZABETH HOSPITAL, KING'S LYNN, NHS FOUNDATION TRUST")
    }

    @Test func anOlderDownloadWithTwentyFourUnquotedColumnsIsRead() throws {
        let old = """
            RR8,LEEDS TEACHING HOSPITALS NHS TRUST,Y63,QWO,ST. JAMES'S UNIVERSITY HOSPITAL,BECKETT STREET,,LEEDS,,LS9 7TF,19980401,,,,,,,,,,,1,,B
            RM2,UNIVERSITY HOSPITAL OF SOUTH MANCHESTER NHS FOUNDATION TRUST,Y62,QOP,WYTHENSHAWE HOSPITAL,SOUTHMOOR ROAD,,MANCHESTER,,M23 9LT,19940401,20170930,,,,,,,,,,1,,B

            """
        let trusts = try RegisterFile.parse(old, file: "etr-2019.csv")
        #expect(trusts.map(\.code) == ["RR8", "RM2"])
        #expect(trusts[1].closed == SurveyDate(year: 2017, month: 9, day: 30) && trusts[0].closed == nil)
    }

    @Test func aFileInAnotherLayoutIsRefusedWithItsLine() throws {
        let good = try String(contentsOfFile: Self.registerPath, encoding: .utf8).split(separator: "\r\n").prefix(3).joined(separator: "\r\n")
        let cases = [
            ("code,name,open\r\n", 1, "3 columns"),
            (good + "\r\n\"RR8\",\"LEEDS\",\"Y63\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"1998-04-01\",\"\"\r\n", 4, "column 11"),
            (good + "\r\n\"R-R8\",\"LEEDS\",\"Y63\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"19980401\",\"\"\r\n", 4, "column 1"),
        ]
        for (text, line, words) in cases {
            let path = ScratchFolder.make("register") + "/etr.csv"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            #expect {
                try RegisterFile.load(path: path)
            } throws: { error in
                let e = error as! RegisterFileError
                return e.line == line && e.description.hasPrefix(path + ", line \(line): not the ODS register's layout") && e.description.contains(words)
            }
        }
    }

    // MARK: The trust list

    @Test func aTrustListThatCannotBeRightIsRefusedWithFileKeyAndLine() throws {
        let cases: [(String, Int, String)] = [
            // An alias that matches two codes.
            ("RR8:\n  aliases: [LTHT]\nRY6:\n  aliases: [\"ltht\"]\n", 3, "`RY6.aliases`: \"ltht\" is already a name of RR8 (line 1)"),
            // An alias that is another trust's register name.
            ("RP4:\n  aliases: [GOSH, \"Leeds Teaching Hospitals\"]\n", 1, "is the ODS register's name of RR8"),
            // A code neither in the register nor given a name.
            ("RR8:\n  aliases: [LTHT]\nRRX8:\n  aliases: [Leeds]\n", 3, "`RRX8`: RRX8 is not in the ODS register"),
            // An unknown key.
            ("RR8:\n  alias: [LTHT]\n", 2, "unknown key `RR8.alias`; did you mean `RR8.aliases`?"),
            // A key that is not a code.
            ("Leeds Teaching:\n  aliases: [LTHT]\n", 1, "`Leeds Teaching`"),
        ]
        for (yaml, line, words) in cases {
            let path = ScratchFolder.make("trusts") + "/trusts.yaml"
            try yaml.write(toFile: path, atomically: true, encoding: .utf8)
            #expect {
                try TrustListFile.load(path: path, register: Self.register.trusts)
            } throws: { error in
                let text = "\(error)"
                return text.hasPrefix("\(path), line \(line): ") && text.contains(words)
            }
        }
    }

    // MARK: Resolution, step by step

    static let header = "response_id,wave,submitted,trust_code,trust_name,sector,pmo_model,central_pmo_fte,share_consent\n"

    @Test func eachStepOfResolution() throws {
        let directory = try Self.directory(list: "RP4:\n  aliases: [GOSH]\nXPM01:\n  name: Example Health Partnership\n")
        let survey = try Self.read(Self.header + """
            1,2021,2022-01-10,RR8,Our trust,Acute,central,3,yes
            2,2021,2022-01-10,,GOSH,Specialist,central,3,yes
            3,2021,2022-01-10,,Guy’s & St Thomas’ NHS FT,Acute,central,3,yes
            4,2021,2022-01-10,,Loamshire Partnership,Acute,central,3,yes
            5,2021,2022-01-10,xpm01,Example,Acute,central,3,yes

            """, trusts: directory)
        let byID = Dictionary(uniqueKeysWithValues: survey.responses.map { ($0.responseID, $0) })
        // 1. A code the register knows decides, whatever the name.
        #expect(byID["1"]?.trustKey == "code:RR8" && byID["1"]?.trustName == "Leeds Teaching Hospitals NHS Trust")
        // 2. Else the name: an alias of the trust list, then a register name.
        #expect(byID["2"]?.trustKey == "code:RP4" && byID["2"]?.trustCode == "RP4"
                && byID["2"]?.trustName == "Great Ormond Street Hospital for Children NHS Foundation Trust")
        #expect(byID["3"]?.trustKey == "code:RJ1" && byID["3"]?.trustName == "Guy's and St Thomas' NHS Foundation Trust")
        // 3. Else unresolved: the normalised name is the key; the typed name is shown.
        #expect(byID["4"]?.trustKey == "name:loamshire partnership" && byID["4"]?.trustName == "Loamshire Partnership" && byID["4"]?.trustCode == nil)
        // A member that is not an NHS trust: the trust list's code and name.
        #expect(byID["5"]?.trustKey == "code:XPM01" && byID["5"]?.trustName == "Example Health Partnership")
        let bases = Dictionary(uniqueKeysWithValues: survey.trustSpellings.map { ($0.resolution.key, $0.resolution.basis) })
        #expect(bases == ["code:RR8": .code, "code:RP4": .alias, "code:RJ1": .registerName, "name:loamshire partnership": .unresolved,
                          "code:XPM01": .code])
    }

    @Test func theTrustListComesBeforeTheRegister() {
        // A directory built without the trust list's checks: an alias that is another trust's register name.
        let directory = TrustDirectory(register: Self.register.trusts, list: [.init(code: "RP4", aliases: ["Leeds Teaching Hospitals NHS Trust"])])
        let resolver = TrustResolverProbe(directory)
        #expect(resolver.key(code: nil, name: "Leeds Teaching Hospitals") == "code:RP4")
        #expect(resolver.key(code: "RR8", name: "Leeds Teaching Hospitals") == "code:RR8")
    }

    @Test func eachUnresolvedSpellingIsListedOnceWithCandidatesAndTheLineThatLinksIt() throws {
        let survey = try Self.read(Self.header + """
            1,2021,2022-01-10,,LTHT,Acute,central,3,yes
            2,2022,2023-01-10,,ltht,Acute,central,3,yes
            3,2022,2023-01-10,,GOSH,Specialist,central,3,yes
            4,2022,2023-01-10,,ELFT,Mental Health,central,3,yes
            5,2022,2023-01-10,,Great Ormond St,Specialist,central,3,yes

            """, trusts: try Self.directory())
        let trustFindings = survey.findings.filter { $0.line == nil && $0.column == "trust_name" }
        #expect(trustFindings.count == 4)
        // Shown first, before any row's finding.
        #expect(survey.findings.prefix(4).allSatisfy { $0.line == nil })
        let ltht = try #require(trustFindings.first { $0.message.contains("\"LTHT\"") })
        #expect(ltht.severity == .warning)
        #expect(ltht.message.contains("(2 answers)"))
        #expect(ltht.message.contains("it may be RR8 Leeds Teaching Hospitals NHS Trust"))
        #expect(ltht.message.hasSuffix("to link it to RR8, add to Reports/trusts.yaml: RR8: {aliases: [\"LTHT\"]}"))
        #expect(trustFindings.contains { $0.message.contains("\"GOSH\"") && $0.message.contains("it may be RP4 Great Ormond Street Hospital for Children") })
        #expect(trustFindings.contains { $0.message.contains("\"ELFT\"") && $0.message.contains("it may be RWK East London NHS Foundation Trust") })
        #expect(trustFindings.contains { $0.message.contains("\"Great Ormond St\"") && $0.message.contains("RP4: {aliases: [\"Great Ormond St\"]}") })
        // Never linked by similarity alone.
        #expect(Set(survey.responses.map(\.trustKey)) == ["name:ltht", "name:gosh", "name:elft", "name:great ormond st"])
    }

    /// A code the register does not hold: with a name that matches nothing, the code still keeps the
    /// trust's answers together (one finding per code, under its current name); with a register
    /// name, the name decides.
    @Test func aCodeTheRegisterDoesNotHold() throws {
        let survey = try Self.read(Self.header + """
            1,2021,2022-01-10,RZZ99,Loamshire Partnership,Acute,central,3,yes
            2,2022,2023-01-10,RZZ99,Loamshire Health Partnership,Acute,central,3,yes
            3,2022,2023-01-10,RQQ98,King's College Hospital NHS Foundation Trust,Acute,central,3,yes

            """, trusts: try Self.directory())
        #expect(Set(survey.responses.map(\.trustKey)) == ["code:RZZ99", "code:RJZ"])
        #expect(survey.responses.first { $0.responseID == "3" }?.trustCode == "RJZ")
        let findings = survey.findings.filter { $0.line == nil }
        #expect(findings.map(\.severity) == [.warning, .info])
        #expect(findings[0].message == "trust code RQQ98 is in neither the trust list nor the ODS register; the name "
                + "\"King's College Hospital NHS Foundation Trust\" is RJZ King's College Hospital NHS Foundation Trust, which is used (1 answer)")
        #expect(findings[1].message == "trust code RZZ99 (\"Loamshire Health Partnership\", 2 answers) is in neither the trust list nor the ODS register; "
                + "if it is a member that is not an NHS trust, add to Reports/trusts.yaml: RZZ99: {name: \"Loamshire Health Partnership\"}")
        let report = TrustListDraft(survey: survey).report
        #expect(report.contains("unresolved: 1 spelling, 2 answers\n  RZZ99 \"Loamshire Health Partnership\" (2)\n"), "\(report)")
        #expect(TrustListDraft(survey: survey).text.contains("RZZ99:\n  name: \"Loamshire Health Partnership\"  # check: RZZ99 is not in the ODS register (2 answers)"))
    }

    @Test func aCodeThatContradictsItsNameKeepsTheCodesTrust() throws {
        let survey = try Self.read(Self.header + """
            1,2021,2022-01-10,RR8,Great Ormond Street Hospital for Children,Acute,central,3,yes
            2,2021,2022-01-11,RR8,Great Ormond Street Hospital for Children,Acute,central,3,yes

            """, trusts: try Self.directory())
        #expect(survey.responses.map(\.trustKey) == ["code:RR8"])
        let conflict = try #require(survey.findings.first { $0.line == nil })
        #expect(conflict.severity == .warning)
        #expect(conflict.message == "trust code RR8 is RR8 Leeds Teaching Hospitals NHS Trust but the name \"Great Ormond Street Hospital for Children\" "
                + "is RP4 Great Ormond Street Hospital for Children NHS Foundation Trust (2 answers); the code decides")
    }

    @Test func aTrustThatHadClosedBeforeTheWaveIsAWarning() throws {
        let survey = try Self.read(Self.header + """
            1,2016,2016-12-01,RM2,Wythenshawe,Acute,central,3,yes
            2,2021,2022-01-10,,University Hospital of South Manchester,Acute,central,3,yes

            """, trusts: try Self.directory())
        #expect(Set(survey.responses.map(\.trustKey)) == ["code:RM2"])
        let closed = survey.findings.filter { $0.message.contains("had closed") }
        #expect(closed.count == 1)
        #expect(closed.first?.severity == .warning)
        #expect(closed.first?.message.hasPrefix("RM2 University Hospital of South Manchester NHS Foundation Trust had closed on 2017-09-30 (ODS register), before wave 2021 began on 2022-01-10") == true)
    }

    // MARK: Two rounds, names in one and codes in the other

    @Test func twoRoundsOneNamesOnlyOneCodesOnlyGiveOneKeyPerTrust() throws {
        let list = try String(contentsOfFile: Self.fixtures + "trusts-nicknames.yaml", encoding: .utf8)
        let survey = try Self.read(files: ["forms-2021.csv", "monkey-2022.csv"], trusts: try Self.directory(list: list))
        #expect(survey.trustKeys.count == 9)
        #expect(Set(survey.trustKeys) == ["code:RR8", "code:RJ1", "code:RP4", "code:R0A", "code:RWK", "code:RJZ", "code:RTD", "code:RY6", "code:XAV01"])
        // LTHT and "Leeds Teaching Hospitals" are one trust's two answers to 2021: the later counts.
        #expect(survey.counts.superseded == 1)
        let leeds2021 = try #require(survey.responses.first { $0.trustKey == "code:RR8" && $0.wave == "2021-12" })
        #expect(leeds2021.responseID == "9" && leeds2021.model == .central)
        // Every name shown is the fuller one: the register's, or the trust list's `name:`.
        let names = Set(survey.currentAnswers.map { survey.responses[$0].trustName })
        #expect(names.contains("Leeds Teaching Hospitals NHS Trust") && names.contains("Guy's and St Thomas' NHS Foundation Trust")
                && names.contains("Ashworth Valley Health Partnership") && !names.contains("LTHT") && !names.contains("Leeds"))
        // Consent by the current answer: Leeds Community Healthcare withdrew in 2022.
        let rY6 = try #require(survey.responses.first { $0.trustKey == "code:RY6" && $0.wave == "2021-12" })
        #expect(rY6.shareConsent && !survey.currentAnswer(of: rY6).shareConsent)

        let transitions = try #require(ModelTransitions(survey: survey, named: survey.currentAnswers.map { _ in true }))
        #expect(transitions.trusts == 8)
        #expect(transitions.moved(from: .central, to: .hybrid) == 2)
        #expect(transitions.moved(from: .hybrid, to: .hybrid) == 2)
        #expect(transitions.moved(from: .central, to: .central) == 1)
        #expect(transitions.moved(from: .hybrid, to: .central) == 1)
        #expect(transitions.moved(from: .devolved, to: .devolved) == 1)
        #expect(transitions.moved(from: .central, to: .none) == 1)

        // Every pack of 2022 sees its trust's 2021 answer.
        let benchmarks = Benchmarks(analysis: Analysis(survey: survey))
        #expect(benchmarks.trusts.count == 8)
        for trust in benchmarks.trusts {
            #expect(benchmarks.benchmark(for: trust).changes != nil, "\(trust.trustName) has no previous answer")
        }
        // Nothing left unresolved, no finding about a trust.
        #expect(!survey.findings.contains { $0.line == nil && ($0.column == "trust_name" || $0.column == "trust_code") })
    }

    @Test func aTrustListOfNicknamesGivesTheFiguresOfTheCanonicalNames() throws {
        let list = try String(contentsOfFile: Self.fixtures + "trusts-nicknames.yaml", encoding: .utf8)
        let nicknames = try Self.read(files: ["forms-2021.csv", "monkey-2022.csv"], trusts: try Self.directory(list: list))
        let canonical = try Self.read(files: ["canonical-2021.csv", "monkey-2022.csv"], trusts: try Self.directory(list: list))
        let a = try ImportFixtures.figures(try ImportFixtures.json(nicknames))
        let b = try ImportFixtures.figures(try ImportFixtures.json(canonical))
        #expect(a.keys.sorted() == b.keys.sorted())
        for name in a.keys { #expect(a[name] == b[name], "\(name) differs") }
        #expect(nicknames.trustKeys.count == canonical.trustKeys.count)
    }
}

/// Resolves single spellings through the reader's own resolver, as a row would be.
private struct TrustResolverProbe {
    let directory: TrustDirectory

    init(_ directory: TrustDirectory) { self.directory = directory }

    func key(code: String?, name: String) -> String? {
        var reader = SurveyReader(currentYear: 2026)
        reader.trusts = directory
        let csv = "response_id,trust_code,trust_name,sector,pmo_model\n1,\(code ?? ""),\(name),Acute,none\n"
        return try? reader.read(data: Data(csv.utf8), fileName: "one.csv").responses.first?.trustKey
    }
}
