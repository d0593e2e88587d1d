import Foundation
import PMOSurvey
import ReportStyle
import Testing
@testable import WorkbookRenderer

/// Reads the written workbook back with openpyxl and checks it against the analysis.
@Suite struct WorkbookContentTests {
    let book: ReadWorkbook
    let analysis = SurveyFixture.analysis

    init() throws { book = try RenderedWorkbook.sharedRead.get() }

    @Test func sheetsComeInTheContractOrder() {
        #expect(book.sheets == [
            "Summary", "Model by sector", "Model by size", "PMO size by sector", "FTE by sector", "FTE by size",
            "Project types by sector", "Services by sector", "Reporting line", "Model by wave", "Significance tests",
            "Pairwise tests", "Model transitions", "Responses", "Data quality", "About",
        ])
    }

    @Test func everyContractTableIsThereOnceWithItsColumns() throws {
        let names = ["ModelBySector", "ModelBySize", "PmoSizeBySector", "FteBySector", "FteBySize",
                     "ProjectTypesBySector", "ServicesBySector", "ReportingLine", "ModelByWave", "SignificanceTests",
                     "PairwiseTests", "ModelTransitions", "Responses", "DataQuality"]
        #expect(Set(book.tables.map(\.name)) == Set(names))
        #expect(book.tables.count == names.count)
        for share in analysis.shareTables {
            let table = try #require(book.table(share.name.rawValue))
            #expect(table.headers == ShareTable.recordColumns)
            let (first, last) = ReadWorkbook.bounds(table.ref)
            #expect(last.row - first.row == share.groups.count * share.categories.count, "\(share.name) rows")
        }
        for fte in analysis.fteTables {
            let table = try #require(book.table(fte.name.rawValue))
            #expect(table.headers == FTETable.recordColumns)
            let (first, last) = ReadWorkbook.bounds(table.ref)
            #expect(last.row - first.row == fte.groups.count)
        }
        #expect(try #require(book.table("Responses")).headers == Analysis.responseColumns)
        #expect(try #require(book.table("DataQuality")).headers == Analysis.dataQualityColumns)
    }

    @Test func tableRangesAreWhereTheDataIs() throws {
        let table = try #require(book.table("ModelBySector"))
        #expect(table.sheet == "Model by sector")
        // Title, two description lines, a blank row, then the header.
        #expect(table.ref == "A5:G\(5 + analysis.modelBySector.groups.count * 4)")
        #expect(book.table("Responses")?.ref == "A5:W\(5 + analysis.sharedResponses.count)")
    }

    @Test func shareFiguresMatchTheAnalysisAndAreNumbers() throws {
        for share in analysis.shareTables {
            let rows = book.rows(of: share.name.rawValue)
            #expect(rows.count == share.groups.count * share.categories.count)
            for (i, row) in rows.enumerated() {
                let group = share.groups[i / share.categories.count]
                let category = share.categories[i % share.categories.count]
                let expected = try #require(share.share(group: group.label, category: category))
                #expect(row["group"]?.value == group.label)
                #expect(row["category"]?.value == category)
                #expect(row["count"]?.type == "n")
                #expect(Double(row["count"]?.value ?? "") == Double(expected.count))
                #expect(Double(row["base"]?.value ?? "") == Double(expected.base))
                #expect(row["share"]?.type == "n")
                #expect(row["share"]?.format == "0.0%")
                let value = try #require(Double(row["share"]?.value ?? ""))
                #expect(abs(value - expected.value) < 1e-12)
                let low = try #require(Double(row["ci_low"]?.value ?? ""))
                #expect(abs(low - expected.interval.low) < 1e-12)
            }
        }
    }

    @Test func fteFiguresMatchWithOneDecimal() throws {
        let rows = book.rows(of: "FteBySector")
        for (row, group) in zip(rows, analysis.fteBySector.groups) {
            #expect(row["group"]?.value == group.label)
            #expect(Double(row["n"]?.value ?? "") == Double(group.n))
            #expect(row["median"]?.format == "0.0")
            #expect(abs((Double(row["median"]?.value ?? "") ?? .nan) - group.median!) < 1e-12)
            #expect(abs((Double(row["q3"]?.value ?? "") ?? .nan) - group.q3!) < 1e-12)
        }
        #expect(rows.count == analysis.fteBySector.groups.count)
    }

    @Test func chartsExistAndReadTheirSheetsRanges() throws {
        #expect(book.charts.count == 9)
        let bySector = try #require(book.charts.first { $0.title == "PMO model by sector" })
        #expect(bySector.kinds == ["barChart"])
        #expect(bySector.grouping == "percentStacked")
        #expect(bySector.formulas.allSatisfy { $0.hasPrefix("'Model by sector'!") })
        let groups = analysis.modelBySector.groups
        #expect(bySector.categories == groups.map(\.labelWithBase))
        #expect(bySector.formulas.contains("'Model by sector'!$K$6:$K$\(5 + groups.count)"))
        // One series per model, reading a column of the chart block.
        #expect(bySector.formulas.contains("'Model by sector'!$L$6:$L$\(5 + groups.count)"))

        let types = try #require(book.charts.first { $0.title == "Types of project run by sector" })
        #expect(types.grouping == "clustered")
        #expect(types.categories == ProjectType.allCases.map(\.rawValue))

        let fte = try #require(book.charts.first { $0.title.hasPrefix("Central PMO staffing (FTE) by sector") })
        #expect(fte.grouping == "stacked")
        #expect(fte.categories == analysis.fteBySector.groups.map { "\($0.labelWithBase), median \(NumberText.decimal($0.median!, places: 1))" })
        #expect(book.charts.contains { $0.title == "PMO model by survey wave" && $0.grouping == "percentStacked" })
    }

    @Test func surveyTextStaysText() throws {
        let rows = book.rows(of: "Responses")
        let texts = rows.flatMap { $0.values.filter { $0.type == "s" }.map(\.value) }
        for injection in SurveyFixture.injections {
            #expect(texts.contains(injection), "\(injection) kept as text")
        }
        let all = rows.flatMap(\.values)
        #expect(!all.contains { $0.type == "f" }, "no formula anywhere in Responses")
    }

    @Test func controlCharactersAreRemovedAndOtherTextSurvives() throws {
        let comments = book.column("comments", of: "Responses").compactMap { $0?.value }
        #expect(comments.contains("Before[31mescapebellafter"))
        let names = book.column("trust_name", of: "Responses").compactMap { $0?.value }
        #expect(names.contains(SurveyFixture.unicodeName))
        #expect(names.contains(String(SurveyFixture.longName)))
        #expect(SurveyFixture.longName.count == 200)
    }

    @Test func longCommentIsCutAndReported() throws {
        let comments = book.column("comments", of: "Responses").compactMap { $0?.value }
        let cut = try #require(comments.first { $0.hasPrefix("Long comment.") })
        #expect(cut.utf16.count == 32_767)
        let findings = book.rows(of: "DataQuality")
        let finding = try #require(findings.first { $0["message"]?.value.contains("40,016 characters") == true })
        #expect(finding["column"]?.value == "comments")
        #expect(finding["severity"]?.value == "warning")
        let longResponse = try #require(analysis.survey.responses.first { $0.comments == SurveyFixture.longComment })
        #expect(finding["response_id"]?.value == longResponse.responseID)
        #expect(Double(finding["line"]?.value ?? "") == Double(longResponse.line))
        #expect(findings.contains { $0["severity"]?.value == "info" && $0["message"]?.value.contains("control characters") == true })
        #expect(findings.count == analysis.survey.findings.count + 2)
    }

    @Test func trustsWithoutConsentAreNotNamed() throws {
        let names = Set(book.column("trust_name", of: "Responses").compactMap { $0?.value })
        let comments = book.column("comments", of: "Responses").compactMap { $0?.value }
        for r in analysis.survey.responses where !r.shareConsent {
            #expect(!names.contains(r.trustName))
        }
        #expect(!comments.contains("not shown: no consent"))
        // Disclosure control R1: no record of an unnamed trust, not even under a peer code.
        #expect(!names.contains { $0.hasPrefix("Peer ") })
        #expect(names.count == Set(analysis.survey.responses.filter(\.shareConsent).map(\.trustName)).count)
    }

    @Test func datesAreExcelDates() throws {
        let submitted = book.column("submitted", of: "Responses").compactMap { $0 }
        #expect(submitted.count == analysis.sharedResponses.count)
        #expect(submitted.allSatisfy { $0.type == "d" && $0.format == "d mmm yyyy" })
        #expect(submitted.contains { $0.value.hasPrefix("2015-11-01") })
    }

    @Test func printSetupAndFrozenHeaders() throws {
        for sheet in book.sheets {
            let setup = try #require(book.setup[sheet])
            #expect(setup.orientation == "landscape", "\(sheet)")
            #expect(setup.fitWidth == 1, "\(sheet)")
            #expect(setup.header.hasPrefix("&L&\"-,Bold\"OFFICIAL"), "\(sheet)")
            #expect(setup.footer.contains("&A") && setup.footer.contains("&P of &N"), "\(sheet)")
        }
        #expect(book.setup["Model by sector"]?.freeze == "A6")
        #expect(book.setup["Responses"]?.freeze == "A6")
        #expect(book.setup["Responses"]?.printTitleRows == "$5:$5")
    }

    @Test func documentPropertiesComeFromTheDefinitionAndRun() {
        let definition = analysis.definition
        #expect(book.properties["title"] == definition.title)
        #expect(book.properties["subject"] == definition.subtitle)
        #expect(book.properties["creator"] == definition.author)
        #expect(book.properties["company"] == definition.organisation)
        #expect(book.properties["keywords"] == definition.keywords.joined(separator: ", "))
        #expect(book.properties["created"]?.hasPrefix("2015-12-01T09:30:00") == true)
    }

    @Test func summaryLinksToEverySheet() throws {
        let summary = try #require(book.cells["Summary"])
        let linked = Set(summary.values.map(\.value))
        for sheet in book.sheets.dropFirst() {
            #expect(linked.contains(sheet), "contents lists \(sheet)")
        }
    }

    @Test func aboutStatesSourceCountsAndDefinitions() throws {
        let about = try #require(book.cells["About"])
        let values = about.values.map(\.value)
        #expect(values.contains("pmo-survey.csv"))
        #expect(values.contains(String(repeating: "ab", count: 32)))
        #expect(values.contains("2015-12-01T09:30:00"))
        #expect(values.contains { $0.contains("QUARTILE.INC") })
        #expect(values.contains { $0.contains("Wilson") })
        #expect(values.contains("fewer than 3,000 staff"))
    }
}
