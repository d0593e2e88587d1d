import Foundation
import Publishing
import Testing
import TestSupport

@Suite struct OutputFolderTests {
    private let files = FileManager.default

    /// Stages one file and publishes it under a run of `wave` at `time`.
    private func publish(_ folder: OutputFolder, wave: String = "2015-12", time: Int, text: String = "report") throws -> RunName {
        let staging = try folder.makeStaging()
        try text.write(toFile: staging.file("pmo-report.json"), atomically: false, encoding: .utf8)
        try staging.flush(["pmo-report.json"])
        return try folder.publish(staging, as: RunName(wave: wave, time: UTCTime(seconds: time)))
    }

    @Test func publishingAddsARunAndSwitchesLatest() throws {
        let folder = try OutputFolder(path: ScratchFolder.make("runs") + "/reports/board")
        #expect(folder.latest == nil)
        let first = try publish(folder, time: 1_764_212_401, text: "first")
        #expect(first.description == "2015-12_20251127T030001Z")
        #expect(try files.destinationOfSymbolicLink(atPath: folder.latestPath) == "runs/2015-12_20251127T030001Z")
        let second = try publish(folder, wave: "Winter 2015/16", time: 1_764_212_401, text: "second")
        #expect(second.description == "Winter-2015-16_20251127T030001Z")
        #expect(folder.latest == second)
        #expect(try String(contentsOfFile: folder.latestPath + "/pmo-report.json", encoding: .utf8) == "second")
        // Same wave, same second: a new name rather than a clash.
        let third = try publish(folder, wave: "Winter 2015/16", time: 1_764_212_401)
        #expect(third.description == "Winter-2015-16_20251127T030001Z-2")
        #expect(folder.runs == [first, second, third])
        // Nothing hidden is left: the staging folders became runs, the temporary link became latest.
        #expect(try files.contentsOfDirectory(atPath: folder.path).sorted() == ["latest", "runs"])
        let attributes = try files.attributesOfItem(atPath: folder.runPath(third))
        #expect((attributes[.posixPermissions] as? Int ?? 0) & 0o055 != 0, "a published run is readable by others")
    }

    @Test func expiryKeepsTheNewestAndLatest() throws {
        let folder = try OutputFolder(path: ScratchFolder.make("runs"))
        let names = try (0..<5).map { try publish(folder, time: 1_764_212_401 + $0 * 86_400) }
        try files.createDirectory(atPath: folder.runsPath + "/my notes", withIntermediateDirectories: true)
        #expect(folder.expire(keeping: 2) == Array(names.prefix(3)))
        #expect(folder.runs == Array(names.suffix(2)))
        #expect(files.fileExists(atPath: folder.runsPath + "/my notes"), "folders pmo-report did not name are left alone")
        // latest is never expired, even when older runs appear after it.
        let symlinkTarget = "runs/" + names[3].description
        try files.removeItem(atPath: folder.latestPath)
        try files.createSymbolicLink(atPath: folder.latestPath, withDestinationPath: symlinkTarget)
        #expect(folder.expire(keeping: 1).isEmpty)
        #expect(folder.runs == Array(names.suffix(2)))
    }

    @Test func leftoversOfAKilledRunAreRemoved() throws {
        let folder = try OutputFolder(path: ScratchFolder.make("runs"))
        let run = try publish(folder, time: 1_764_212_401)
        let killed = try folder.makeStaging()
        try "half".write(toFile: killed.file("pmo-report.pdf"), atomically: false, encoding: .utf8)
        try files.createSymbolicLink(atPath: folder.path + "/.latest-99", withDestinationPath: "runs/x")
        #expect(folder.removeLeftovers().count == 2)
        #expect(try files.contentsOfDirectory(atPath: folder.path).sorted() == ["latest", "runs"])
        #expect(folder.latest == run)
    }

    @Test func aFileWhereTheFolderShouldBeIsRefused() throws {
        let parent = ScratchFolder.make("runs")
        try "x".write(toFile: parent + "/board", atomically: false, encoding: .utf8)
        #expect(throws: OutputFolder.Failure.notAFolder(path: parent + "/board")) { try OutputFolder(path: parent + "/board") }
        do {
            _ = try OutputFolder(path: parent + "/board/sub")
            Issue.record("a folder was made under a file")
        } catch {
            #expect(error.description == "cannot create the output folder \(parent)/board/sub: Not a directory")
        }
    }

    @Test func aLatestThatIsNotALinkIsNeverReplaced() throws {
        let folder = try OutputFolder(path: ScratchFolder.make("runs"))
        try files.createDirectory(atPath: folder.latestPath, withIntermediateDirectories: true)
        let staging = try folder.makeStaging()
        #expect(throws: OutputFolder.Failure.latestNotALink(path: folder.latestPath)) {
            try folder.publish(staging, as: RunName(wave: "w", time: UTCTime(seconds: 0)))
        }
    }

    @Test func runNamesReadBack() {
        let name = RunName(wave: " ../Winter: 2015 ", time: UTCTime(seconds: 1_764_212_401), sequence: 3)
        #expect(name.description == "Winter-2015_20251127T030001Z-3")
        #expect(RunName(folderName: name.description) == name)
        #expect(RunName(wave: "", time: UTCTime(seconds: 0)).description == "survey_19700101T000000Z")
        #expect(RunName(folderName: "my notes") == nil)
        #expect(RunName(folderName: "2015_20251327T030001Z") == nil)
        #expect(UTCTime(seconds: 1_764_212_401).iso8601 == "2025-11-27T03:00:01Z")
    }
}
