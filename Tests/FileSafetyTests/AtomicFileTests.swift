import FileSafety
import Foundation
import TestSupport
import Testing

/// An atomic file replaces its target whole, or leaves it as it was and no temporary file behind.
@Suite struct AtomicFileTests {
    let folder = ScratchFolder.make("atomic")

    @Test func replacesTheTargetWhole() throws {
        let path = folder + "/report.json"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        var file = try AtomicFile(replacing: path)
        try file.write(Array("new, ".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old", "nothing in view before commit")
        try file.write(Array("and whole".utf8))
        try file.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new, and whole")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.json"])
    }

    @Test func droppedWithoutCommitLeavesTheTargetAsItWas() throws {
        let path = folder + "/report.json"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        do {
            let file = try AtomicFile(replacing: path)
            try file.write(Array("half of it".utf8))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.json"])
    }

    @Test func aFailedRenameLeavesTheTargetAndNoTemporaryFile() throws {
        let path = folder + "/occupied"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        var file = try AtomicFile(replacing: path)
        try file.write(Array("bytes".utf8))
        #expect { try file.commit() } throws: { error in
            "\(error)" == "cannot replace \(path): Is a directory"
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["occupied"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["inside"])
    }

    @Test func aMissingFolderFailsAtOnceNamingTheTarget() {
        let path = folder + "/missing/report.pdf"
        #expect { _ = try AtomicFile(replacing: path) } throws: { error in
            "\(error)" == "cannot create \(path): No such file or directory"
        }
    }

    /// The temporary file is on the same file system as the target (beside it) and hidden.
    @Test func theTemporaryFileIsHiddenBesideTheTarget() throws {
        let file = try AtomicFile(replacing: folder + "/report.pdf")
        #expect(file.temporaryPath.hasPrefix(folder + "/.report.pdf."))
        #expect(FileManager.default.fileExists(atPath: file.temporaryPath))
        let relative = AtomicFile(temporaryFor: "report.pdf")
        #expect(relative.temporaryPath.hasPrefix(".report.pdf.") && !relative.temporaryPath.contains("/"))
    }

    /// libxlsxwriter writes the temporary path itself; commit flushes and renames it.
    @Test func aLibraryWritesTheTemporaryPath() throws {
        let path = folder + "/book.xlsx"
        var file = AtomicFile(temporaryFor: path)
        #expect(!FileManager.default.fileExists(atPath: file.temporaryPath), "nothing is created for the library")
        try Data("zip".utf8).write(to: URL(fileURLWithPath: file.temporaryPath))
        try file.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "zip")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["book.xlsx"])
    }

    @Test func aLibraryFailureLeavesNoTemporaryFile() throws {
        do {
            let file = AtomicFile(temporaryFor: folder + "/book.xlsx")
            try Data("half a zip".utf8).write(to: URL(fileURLWithPath: file.temporaryPath))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
