import Foundation
import TestSupport
import Testing

@Suite struct ValidateCommandTests {
    @Test func listsFindingsWithFileAndLine() throws {
        let folder = ScratchFolder.make("cli")
        try "response_id,trust_name,sector,pmo_model\n1,A,Acute,none\n2,B,Hospital,none\n"
            .write(toFile: folder + "/s.csv", atomically: true, encoding: .utf8)
        let result = try Program.pmoReport(["validate", "--input", folder + "/s.csv"]).run()
        #expect(result.status == 0)
        #expect(result.stdout.contains("s.csv: line 3, column sector (response 2): error: unknown sector \"Hospital\""))
        #expect(result.stdout.contains("2 responses read, 1 used, 1 rejected, 0 superseded"))
        #expect(try Program.pmoReport(["validate", "--strict", "--input", folder + "/s.csv"]).run().status == 65)
        #expect(contents(of: folder) == ["s.csv"])
    }

    @Test func sampleDataValidates() throws {
        let result = try Program.pmoReport(["validate", "--input", "SampleData/pmo-survey.csv"]).run()
        #expect(result.status == 0, "\(result.stderr)")
    }
}
