import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func listsFindingsWithFileAndLine() throws {
        let folder = CLIRunner.temporaryFolder()
        try "response_id,trust_name,sector,pmo_model\n1,A,Acute,none\n2,B,Hospital,none\n"
            .write(toFile: folder + "/s.csv", atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["validate", "--input", folder + "/s.csv"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("s.csv: line 3, column sector (response 2): error: unknown sector \"Hospital\""))
        #expect(result.stdout.contains("2 responses read, 1 used, 1 rejected, 0 superseded"))
        #expect(try CLIRunner.run(["validate", "--strict", "--input", folder + "/s.csv"]).status == 65)
        #expect(CLIRunner.contents(of: folder) == ["s.csv"])
    }

    @Test func sampleDataValidates() throws {
        let result = try CLIRunner.run(["validate", "--input", "SampleData/pmo-survey.csv"])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
