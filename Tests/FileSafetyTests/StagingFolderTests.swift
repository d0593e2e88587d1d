import FileSafety
import Foundation
import TestSupport
import Testing

@Suite struct StagingFolderTests {
    let folder = ScratchFolder.make("staging")

    @Test func isAHiddenFolderWithThePrefixAndOrdinaryPermissions() throws {
        let staging = try StagingFolder(in: folder, prefix: ".pmo-report-staging-")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [(staging.path as NSString).lastPathComponent])
        #expect(staging.path.hasPrefix(folder + "/.pmo-report-staging-") && staging.path.count == folder.count + 27)
        // Those of any folder made here (the umask's), not mkdtemp's private 0700.
        try FileManager.default.createDirectory(atPath: folder + "/ordinary", withIntermediateDirectories: false)
        let permissions = { (path: String) in try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int }
        #expect(try permissions(staging.path) == permissions(folder + "/ordinary"))
    }

    @Test func writesFlushesAndDiscards() throws {
        let staging = try StagingFolder(in: folder, prefix: ".staging-")
        #expect(staging.file("manifest.json") == staging.path + "/manifest.json")
        try staging.write(Array("{}\n".utf8), as: "manifest.json")
        try staging.write([], as: "empty")
        try FileManager.default.createDirectory(atPath: staging.file("packs"), withIntermediateDirectories: false)
        #expect(staging.hasContent("manifest.json") && !staging.hasContent("empty") && !staging.hasContent("packs"))
        try staging.flush(["manifest.json", "packs"])
        #expect { try staging.flush(["missing"]) } throws: { error in
            "\(error)" == "cannot open \(staging.file("missing")): No such file or directory"
        }
        staging.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aMissingFolderIsNamed() {
        #expect { _ = try StagingFolder(in: folder + "/missing", prefix: ".staging-") } throws: { error in
            "\(error)" == "cannot create a staging folder in \(folder)/missing: No such file or directory"
        }
    }
}
