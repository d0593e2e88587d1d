import Foundation
import Testing
@testable import PMOSurvey

/// Values and records of hostile size in a canonical CSV (issue 23).
@Suite struct HostileSurveyTests {
    /// One row of twenty 1 MiB answers made the last batch reserve 53.7 GB (2,048 records like
    /// it, and a quarter more) and abort; the reservation is bounded, and the row is read.
    @Test func batchReservationIsBounded() throws {
        var parser = CSVParser()
        var batch = RecordBatch(capacity: 2048)
        let row = Array(repeating: String(repeating: "x", count: 1 << 20), count: 20).joined(separator: ",") + "\n"
        Array(row.utf8).withUnsafeBytes { bytes in parser.consume(bytes) { batch.append($0) } }
        #expect(batch.count == 1)
        let next = RecordBatch(capacity: 2048, like: batch)
        #expect(next.reservedBytes <= 2 * RecordBatch.maxReservedBytes, "reserved \(next.reservedBytes) bytes")

        let text = Fixtures.header.dropLast() + String(repeating: ",extra", count: 20) + "\n"
            + "R1,,,,A Trust,Acute,,central,,,,,," + row
        let survey = try SurveyReader(currentYear: 2026).read(data: Data(text.utf8), fileName: "wide-answers.csv")
        #expect(survey.responses.count == 1)
    }

    /// A 40 MB line of commas was 40 million fields (1.56 GB): the parser keeps the first
    /// 16,385, and the reader refuses such a header.
    @Test func fieldsPastXFDAreDropped() throws {
        var parser = CSVParser()
        var counts: [Int] = []
        Array(("a" + String(repeating: ",b", count: 1_000_000) + "\nc,d\n").utf8).withUnsafeBytes { bytes in
            parser.consume(bytes) { record in
                counts.append(record.count)
                if record.count > 2 { record.withField(16_384) { #expect(Array($0) == Array("b".utf8)) } }
            }
        }
        #expect(counts == [16_385, 2])
        #expect(throws: SurveyFileError.self) {
            _ = try SurveyReader(currentYear: 2026).read(data: Data(("trust_name" + String(repeating: ",", count: 4_000_000) + "\n").utf8),
                                                         fileName: "commas.csv")
        }
    }

    /// A central FTE of 1e307 and a headcount of 2^63-1 were accepted, and the overflowing mean
    /// became `null` in the JSON: beyond 10,000 FTE or 2,000,000 staff is an error with its line and value.
    @Test func implausibleSizesAreRejected() throws {
        let huge = "1" + String(repeating: "0", count: 307)
        let survey = try Fixtures.read(Fixtures.header
            + "R1,,,,A Trust,Acute,9223372036854775807,central,3,,,,\n"
            + "R2,,,,B Trust,Acute,4000,central,\(huge).5,,,,\n"
            + "R3,,,,C Trust,Acute,2000000,central,10000,,,,\n"
            + "R4,,,,D Trust,Acute,2000001,central,10000.01,,,,\n")
        #expect(survey.responses.map(\.trustName) == ["C Trust"])
        let r1 = survey.findings(line: 2).map(\.message)
        #expect(r1.contains("\"9223372036854775807\" is more staff than any trust has (at most 2,000,000)"), "\(r1)")
        let r2 = survey.findings(line: 3).map(\.message)
        #expect(r2.contains { $0.hasPrefix("\"1000000000000000000000000000000000000...\" is more FTE than any trust has (at most 10,000)") }, "\(r2)")
        let r4 = survey.findings(line: 5)
        #expect(r4.contains { $0.column == "staff_headcount" && $0.severity == .error })
        #expect(r4.contains { $0.column == "central_pmo_fte" && $0.message == "\"10000.01\" is more FTE than any trust has (at most 10,000)" })
    }
}
