import Foundation
import ReportPipeline
import Testing
import TestSupport

@Suite struct InputSelectionTests {
    /// Writes `name` into `folder` and dates it `age` seconds ago.
    private func file(_ name: String, in folder: String, age: Int) throws -> String {
        let path = folder + "/" + name
        try "response_id\n".write(toFile: path, atomically: false, encoding: .utf8)
        let date = Date(timeIntervalSinceNow: TimeInterval(-age))
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
        return path
    }

    @Test func aFileIsTakenAsItIs() throws {
        let folder = ScratchFolder.make("runs")
        let path = try file("survey.txt", in: folder, age: 0)
        #expect(try InputSelection.resolve(path, pattern: "*.csv") == path)
    }

    @Test func aFolderGivesItsNewestMatchingFile() throws {
        let folder = ScratchFolder.make("runs")
        _ = try file("pmo-2015-05.csv", in: folder, age: 300)
        let newest = try file("pmo-2015-12.csv", in: folder, age: 100)
        _ = try file("notes.txt", in: folder, age: 0)           // newer, but not a match
        _ = try file(".pmo-2016.csv.partial", in: folder, age: 0)
        _ = try file(".upload.csv", in: folder, age: 0)         // hidden: still being copied
        try FileManager.default.createDirectory(atPath: folder + "/archive.csv", withIntermediateDirectories: true)
        #expect(try InputSelection.resolve(folder, pattern: "*.csv") == newest)
        #expect(try InputSelection.resolve(folder + "/", pattern: "pmo-2015-05*") == folder + "/pmo-2015-05.csv")
    }

    @Test func emptyOrMissingInputIsAnError() throws {
        let folder = ScratchFolder.make("runs")
        #expect(throws: InputSelection.Failure.noMatchingFile(folder: folder, pattern: "*.csv")) {
            try InputSelection.resolve(folder, pattern: "*.csv")
        }
        do {
            _ = try InputSelection.resolve(folder + "/missing.csv", pattern: "*.csv")
            Issue.record("a missing file was accepted")
        } catch {
            #expect(error.description == "cannot open the input \(folder)/missing.csv: No such file or directory")
        }
    }
}
