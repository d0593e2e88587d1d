import Foundation
import PMOSurvey
import Testing
@testable import DemoSurvey

/// The sample generator is checked from outside: its CSV is split by a small strict RFC 4180
/// reader written here, independent of the package's reader, and compared with the contract.
struct SampleSurveyTests {
    /// The contract's columns (survey-format.md section 2), written out rather than taken from
    /// the reader so that a change on either side is caught.
    static let contractColumns: Set<String> = [
        "response_id", "wave", "submitted", "trust_code", "trust_name", "sector", "region",
        "foundation_trust", "staff_headcount", "pmo_model", "pmo_name", "central_pmo_fte",
        "devolved_pm_fte", "project_types", "pmo_services", "reports_to", "methodology", "established",
        "share_consent", "respondent_name", "respondent_email", "respondent_role", "comments",
    ]

    /// The shipped sample's parameters, as `SampleData/README.md` records them.
    static let shipped = SampleSurvey(trusts: 170, waves: 2, seed: 2015)

    @Test func sameParametersGiveIdenticalBytes() {
        let sample = SampleSurvey(trusts: 300, waves: 3, seed: 42)
        #expect(text(sample) == text(sample))
        #expect(text(sample) == text(SampleSurvey(trusts: 300, waves: 3, seed: 42)))
    }

    @Test func anotherSeedGivesAnotherSurvey() {
        #expect(text(SampleSurvey(trusts: 300, waves: 2, seed: 1)) != text(SampleSurvey(trusts: 300, waves: 2, seed: 2)))
    }

    @Test func headerHoldsEveryContractColumnOnce() throws {
        let header = try #require(try records(text(Self.shipped)).first)
        #expect(Set(header) == Self.contractColumns)
        #expect(header.count == Self.contractColumns.count)
    }

    @Test(arguments: [(1, 1), (49, 1), (50, 2), (170, 2), (2_000, 3)])
    func everyRecordIsWellFormedAndCounted(trusts: Int, waves: Int) throws {
        let sample = SampleSurvey(trusts: trusts, waves: waves, seed: 9)
        let output = text(sample)
        let rows = try records(output).dropFirst()
        #expect(rows.count == sample.recordCount)
        #expect(rows.allSatisfy { $0.count == Self.contractColumns.count })
        // Most trusts answer each wave, a few twice.
        #expect(Double(rows.count) >= 0.8 * Double(trusts * waves))
        #expect(Double(rows.count) <= 1.05 * Double(trusts * waves) + 2)
        #expect(!output.hasPrefix("\u{FEFF}"))
        #expect(!output.contains("\r"))
        #expect(output.hasSuffix("\n"))
    }

    @Test func responseIDsAreUnique() throws {
        let rows = try table(text(SampleSurvey(trusts: 3_000, waves: 3, seed: 5)))
        let ids = rows.map { $0["response_id"]! }
        #expect(Set(ids).count == ids.count)
    }

    @Test func streamsInChunks() {
        var chunks: [String] = []
        SampleSurvey(trusts: 3_000, waves: 1, seed: 3).write { chunks.append($0) }
        #expect(chunks.count > 5)
        #expect(chunks.allSatisfy { $0.utf8.count < 70_000 })
    }

    @Test func sectorAndModelMixesAreLikeEnglands() throws {
        let rows = try table(text(SampleSurvey(trusts: 20_000, waves: 1, seed: 11)))
        let sectors = rows.map { canonicalSector($0["sector"]!) }
        func share(_ sector: String) -> Double {
            Double(sectors.filter { $0 == sector }.count) / Double(rows.count)
        }
        #expect((0.52...0.58).contains(share("Acute")))
        #expect((0.21...0.27).contains(share("Mental Health")))
        for sector in ["Community", "Ambulance", "Specialist", "Combined"] {
            #expect((0.03...0.08).contains(share(sector)), "\(sector)")
        }
        #expect(share("invalid") < 0.01)

        let models = rows.map { PMOModel(answer: $0["pmo_model"]!) }
        func modelShare(_ model: PMOModel) -> Double {
            Double(models.filter { $0 == model }.count) / Double(rows.count)
        }
        #expect((0.42...0.48).contains(modelShare(.hybrid)))
        #expect((0.22...0.28).contains(modelShare(.central)))
        #expect((0.17...0.23).contains(modelShare(.devolved)))
        #expect((0.08...0.12).contains(modelShare(PMOModel.none)))
    }

    @Test func headcountsAreWithinEachSectorsRange() throws {
        let rows = try table(text(SampleSurvey(trusts: 5_000, waves: 1, seed: 13)))
        for row in rows {
            guard let headcount = Int(row["staff_headcount"]!) else { continue }
            #expect((900...21_000).contains(headcount))
            if canonicalSector(row["sector"]!) == "Ambulance" { #expect((2_900...7_300).contains(headcount)) }
        }
    }

    @Test func trustsKeepUniqueCodesAndNames() throws {
        // Past 46,656 trusts codes grow from three characters after R to four.
        var codes = Set<String>()
        for index in 0..<60_000 {
            let code = SampleTrustCode.code(index: index, seed: 7)
            #expect(code.wholeMatch(of: /R[0-9A-Z]{3,4}/) != nil)
            codes.insert(code)
        }
        #expect(codes.count == 60_000)
        #expect(SampleTrustCode.code(index: SampleSurvey.maximumTrusts - 1, seed: 7).count == 5)

        // Past 200 trusts names join places: still one name per code and one code per name.
        let rows = try table(text(SampleSurvey(trusts: 2_500, waves: 1, seed: 7)))
        var codesByName: [String: Set<String>] = [:], namesByCode: [String: Set<String>] = [:]
        for row in rows where !row["trust_name"]!.isEmpty && !row["trust_code"]!.isEmpty {
            codesByName[row["trust_name"]!, default: []].insert(row["trust_code"]!)
            namesByCode[row["trust_code"]!, default: []].insert(row["trust_name"]!)
        }
        #expect(codesByName.values.allSatisfy { $0.count == 1 })
        #expect(namesByCode.values.allSatisfy { $0.count == 1 })
        #expect(codesByName.count >= 2_200)
    }

    @Test func aTrustKeepsItsIdentityAcrossWaves() throws {
        let rows = try table(text(SampleSurvey(trusts: 400, waves: 3, seed: 17)))
        var sectorByCode: [String: String] = [:], nameByCode: [String: String] = [:]
        var modelsByCode: [String: Set<PMOModel>] = [:]
        for row in rows where !row["trust_code"]!.isEmpty && !row["trust_name"]!.isEmpty && row["sector"] != "Hospital" {
            let code = row["trust_code"]!
            #expect(sectorByCode[code, default: canonicalSector(row["sector"]!)] == canonicalSector(row["sector"]!))
            #expect(nameByCode[code, default: row["trust_name"]!] == row["trust_name"]!)
            sectorByCode[code] = canonicalSector(row["sector"]!)
            nameByCode[code] = row["trust_name"]!
            if let model = PMOModel(answer: row["pmo_model"]!) { modelsByCode[code, default: []].insert(model) }
        }
        let changed = modelsByCode.values.filter { $0.count > 1 }.count
        #expect((20...140).contains(changed))
    }

    @Test func shippedSampleIsReproducible() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../SampleData/pmo-survey.csv").standardized
        let shipped = try String(contentsOf: file, encoding: .utf8)
        #expect(shipped == text(Self.shipped))
    }

    @Test func shippedSampleHoldsTheSurveysSituations() throws {
        let rows = try table(text(Self.shipped))
        let latest = rows.filter { $0["wave"] == "2015-12" }
        let team = try #require(latest.first { $0["pmo_name"] == "Transformation & Change Team" })
        #expect(canonicalSector(team["sector"]!) == "Community")
        #expect(team["project_types"] == "Financial; IT; Quality; Transformation")
        #expect(latest.contains { PMOModel(answer: $0["pmo_model"]!) == .devolved && $0["central_pmo_fte"]!.isEmpty })
        #expect(latest.filter { PMOModel(answer: $0["pmo_model"]!) == .central && Double($0["central_pmo_fte"]!) ?? 0 >= 15 }.count >= 3)
        #expect(latest.contains { PMOModel(answer: $0["pmo_model"]!) == PMOModel.none && Double($0["central_pmo_fte"]!) ?? 0 > 0 })

        // Each kind of invalid value, few enough to keep the figures meaningful.
        let invalid = rows.filter { row in
            row["sector"] == "Hospital" || row["central_pmo_fte"]!.hasPrefix("-") || row["trust_name"]!.isEmpty
                || row["submitted"]!.hasPrefix("31/02/") || row["pmo_services"]!.contains("Stakeholder engagement")
        }
        #expect(invalid.count >= 5)
        #expect(Double(invalid.count) <= 0.025 * Double(rows.count))
        #expect(rows.contains { $0["comments"]!.contains("\n") && $0["comments"]!.contains("£") })
        #expect(rows.contains { $0["respondent_name"]!.contains("ë") })
    }

    // MARK: - An independent reading of the output

    private func text(_ sample: SampleSurvey) -> String {
        var output = ""
        sample.write { output += $0 }
        return output
    }

    struct MalformedCSV: Error { let record: Int }

    /// Splits strict RFC 4180 text with LF record ends: a quote may only open a field or, doubled,
    /// stand for itself inside a quoted one; anything else is an error.
    private func records(_ text: String) throws -> [[String]] {
        var records: [[String]] = [], fields: [String] = [], field = ""
        var quoted = false, afterClosingQuote = false, fieldStart = true
        var characters = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = characters.next()
        while let c = pending {
            pending = characters.next()
            if quoted {
                if c == "\"" {
                    if pending == "\"" { field.unicodeScalars.append(c); pending = characters.next() }
                    else { quoted = false; afterClosingQuote = true }
                } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case ",", "\n":
                fields.append(field)
                field = ""
                fieldStart = true
                afterClosingQuote = false
                if c == "\n" { records.append(fields); fields = [] }
            case "\"" where fieldStart:
                quoted = true
                fieldStart = false
            default:
                if c == "\"" || afterClosingQuote { throw MalformedCSV(record: records.count + 1) }
                field.unicodeScalars.append(c)
                fieldStart = false
            }
        }
        guard !quoted, fields.isEmpty, field.isEmpty else { throw MalformedCSV(record: records.count + 1) }
        return records
    }

    /// Records as column-name lookups.
    private func table(_ text: String) throws -> [[String: String]] {
        let all = try records(text)
        return all.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(all[0], $0)) }
    }

    /// The sector an answer means, by the contract's aliases; `invalid` otherwise.
    private func canonicalSector(_ answer: String) -> String {
        switch answer.lowercased() {
        case "acute", "acute trust": "Acute"
        case "mental health", "mh": "Mental Health"
        case "community", "community trust": "Community"
        case "ambulance": "Ambulance"
        case "specialist": "Specialist"
        case "combined", "acute and community", "mental health and community": "Combined"
        default: "invalid"
        }
    }
}
