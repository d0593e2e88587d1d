import Foundation
import TestSupport
import Testing

/// The README's "Safety of outputs" policy for symlinks, with the real binary: a symlinked output
/// folder is followed; an output file that is a symlink is replaced, never written through; a
/// symlink where a folder of outputs goes (`packs`, or `latest` as a real folder) is refused.
@Suite struct OutputSymlinkTests {
    static let sample = Program.projectRoot + "/SampleData/pmo-survey.csv"
    static let outputs = ["pmo-report.json", "pmo-report.pdf", "pmo-report.xlsx"]
    private let files = FileManager.default

    @Test func outputFileSymlinksAreReplacedNotFollowed() throws {
        let folder = ScratchFolder.make("cli")
        let out = folder + "/out", elsewhere = folder + "/elsewhere"
        try files.createDirectory(atPath: out, withIntermediateDirectories: true)
        try files.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        for name in Self.outputs {
            try "precious \(name)".write(toFile: elsewhere + "/" + name, atomically: true, encoding: .utf8)
            try files.createSymbolicLink(atPath: out + "/" + name, withDestinationPath: elsewhere + "/" + name)
        }
        let result = try Program.pmoReport(["generate", "--input", Self.sample, "--output", out, "--quiet"]).run()
        #expect(result.status == 0, "\(result.stderr)")
        for name in Self.outputs {
            #expect(try String(contentsOfFile: elsewhere + "/" + name, encoding: .utf8) == "precious \(name)")
            #expect(try files.attributesOfItem(atPath: out + "/" + name)[.type] as? FileAttributeType == .typeRegular)
        }
    }

    @Test func aSymlinkedOutputFolderIsFollowed() throws {
        let folder = ScratchFolder.make("cli")
        let shared = folder + "/shared-drive", out = folder + "/reports"
        try files.createDirectory(atPath: shared, withIntermediateDirectories: true)
        try files.createSymbolicLink(atPath: out, withDestinationPath: shared)
        let result = try Program.pmoReport(["generate", "--input", Self.sample, "--output", out, "--quiet"]).run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(contents(of: shared) == Self.outputs)
        #expect(try files.destinationOfSymbolicLink(atPath: out) == shared)
    }

    /// The packs folder is replaced as a whole: replacing a link would quietly move the packs away
    /// from where the user pointed it, and following it would replace a folder pmo-report never made.
    @Test func aSymlinkedPacksFolderIsRefused() throws {
        let folder = ScratchFolder.make("cli")
        let out = folder + "/out", elsewhere = folder + "/elsewhere"
        let first = try Program.pmoReport(["generate", "--input", Self.sample, "--output", out, "--quiet"]).run()
        try #require(first.status == 0, "\(first.stderr)")
        let before = try WriteFaultTests.files(in: out)
        try files.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try "keep".write(toFile: elsewhere + "/keep.txt", atomically: true, encoding: .utf8)
        try files.createSymbolicLink(atPath: out + "/packs", withDestinationPath: elsewhere)

        let result = try Program.pmoReport(["generate", "--input", Self.sample, "--output", out, "--packs", "--quiet"]).run()
        #expect(result.status == 73)
        #expect(result.stderr.contains("cannot publish over \(out)/packs: it is a symlink"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was published, \(out) keeps what it had"))
        #expect(try WriteFaultTests.files(in: out).filter { $0.key != "packs" } == before)
        #expect(try files.destinationOfSymbolicLink(atPath: out + "/packs") == elsewhere)
        #expect(contents(of: elsewhere) == ["keep.txt"])
    }

    @Test func aFolderWhereAFileGoesIsRefused() throws {
        let folder = ScratchFolder.make("cli")
        let out = folder + "/out"
        let first = try Program.pmoReport(["generate", "--input", Self.sample, "--output", out, "--quiet"]).run()
        try #require(first.status == 0, "\(first.stderr)")
        try files.removeItem(atPath: out + "/pmo-report.pdf")
        try files.createDirectory(atPath: out + "/pmo-report.pdf", withIntermediateDirectories: true)
        try "mine".write(toFile: out + "/pmo-report.pdf/notes.txt", atomically: true, encoding: .utf8)
        let before = try WriteFaultTests.files(in: out)

        let result = try Program.pmoReport(["generate", "--input", Self.sample, "--output", out, "--quiet"]).run()
        #expect(result.status == 73)
        #expect(result.stderr.contains("cannot publish over \(out)/pmo-report.pdf: it is a folder"), "\(result.stderr)")
        #expect(try WriteFaultTests.files(in: out) == before)
    }

    /// `run`: a symlinked output folder is followed; a `latest` link made elsewhere is replaced,
    /// never written through; a `latest` that is a real folder is never replaced.
    @Test func runFollowsTheOutputFolderAndNeverWritesThroughLatest() throws {
        let project = try RunCommandTests.Project()
        let shared = project.root + "/shared-drive", elsewhere = project.root + "/elsewhere"
        try files.createDirectory(atPath: shared, withIntermediateDirectories: true)
        try files.createSymbolicLink(atPath: project.output, withDestinationPath: shared)
        try files.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try "keep".write(toFile: elsewhere + "/keep.txt", atomically: true, encoding: .utf8)
        try files.createSymbolicLink(atPath: shared + "/latest", withDestinationPath: elsewhere)

        let linked = try Program.pmoReport(["run", project.definition]).run()
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(try project.latest().hasPrefix("runs/"))
        #expect(contents(of: elsewhere) == ["keep.txt"])
        #expect(contents(of: shared + "/latest").contains("manifest.json"))

        try files.removeItem(atPath: shared + "/latest")
        try files.createDirectory(atPath: shared + "/latest", withIntermediateDirectories: true)
        let real = try Program.pmoReport(["run", project.definition, "--force"]).run()
        #expect(real.status == 73)
        #expect(real.stderr.contains("\(project.output)/latest is not a symlink"), "\(real.stderr)")
        #expect(contents(of: shared + "/latest").isEmpty)
    }
}
