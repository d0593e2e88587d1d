import Foundation
import TestSupport
import Testing

/// Issue 23 where the binary itself is the point: its signal disposition, its exit codes, and
/// what a killed run leaves in the output folder.
@Suite struct HostileRunTests {
    static let sample = Program.projectRoot + "/SampleData/pmo-survey.csv"

    /// The five-row survey the write-fault tests use, in a fresh folder.
    static func fiveRows() throws -> (folder: String, input: String) {
        let folder = ScratchFolder.make("hostile-run")
        let input = folder + "/five-rows.csv"
        let lines = try String(contentsOfFile: sample, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try (lines.prefix(6).joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        return (folder, input)
    }

    /// Under `ulimit -f` with SIGXFSZ at its default disposition, as cron or a batch system starts
    /// a job, `generate` died of the signal (exit 153 in a shell) inside libxlsxwriter and left
    /// its staging folder. The program ignores the signal itself: the write fails with EFBIG,
    /// exit 73, nothing left behind. Python resets the disposition (a shell started with it
    /// ignored cannot) and unblocks the signal (the test process's children inherit it blocked),
    /// sets the limit, then becomes pmo-report.
    @Test(arguments: [64, 120]) func fileSizeLimitWithTheDefaultSignal(blocks: Int) throws {
        let (folder, input) = try Self.fiveRows()
        let out = folder + "/out"
        let arguments = ["generate", "--input", input, "--output", out, "--quiet"]
        try #require(try Program.pmoReport(arguments).run().status == 0)
        let before = CLITests.contents(of: out)
        let script = """
            import os, resource, signal, sys
            signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGXFSZ])
            resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]) * 512,) * 2)
            os.execv(sys.argv[2], sys.argv[2:])
            """
        let limited = try Program("/usr/bin/python3", ["-c", script, String(blocks), Program.pmoReportPath] + arguments,
                                  environment: .inherited(adding: Program.sourceDateEpoch)).run()
        #expect(limited.reason == .exit && limited.status == 73, "\(limited)")
        #expect(limited.stderr.contains("File too large") && limited.stderr.contains("nothing was published"), "\(limited.stderr)")
        // The message names the file the user asked for, once, and never the hidden staging copy.
        // (libxlsxwriter prints its own line on stderr, with the path it was writing; only ours is checked.)
        let message = try #require(limited.stderr.split(separator: "\n").first { $0.hasPrefix("pmo-report: error: ") })
        #expect(!message.contains("staging") && !message.contains("cannot write the"), "\(message)")
        #expect(message.contains("cannot write \(out)/pmo-report."), "\(message)")
        #expect(CLITests.contents(of: out) == before, "no staging folder left")
    }

    /// A run killed while writing left `.pmo-report-staging-*` for good. The next `generate` into
    /// the folder removes such folders, but not one a live run holds, nor anything else.
    @Test func staleStagingFoldersAreRemoved() throws {
        let (folder, input) = try Self.fiveRows()
        let out = folder + "/out"
        let files = FileManager.default
        try files.createDirectory(atPath: out + "/.pmo-report-staging-Abc123", withIntermediateDirectories: true)
        try "half a workbook".write(toFile: out + "/.pmo-report-staging-Abc123/pmo-report.xlsx", atomically: false, encoding: .utf8)
        try files.createDirectory(atPath: out + "/.pmo-report-staging-Live99", withIntermediateDirectories: true)
        try files.createDirectory(atPath: folder + "/elsewhere", withIntermediateDirectories: true)
        try files.createSymbolicLink(atPath: out + "/.pmo-report-staging-Link00", withDestinationPath: folder + "/elsewhere")
        try files.createDirectory(atPath: out + "/.staging-mine", withIntermediateDirectories: true)
        // A live run's claim: its flock on the folder.
        let live = open(out + "/.pmo-report-staging-Live99", O_RDONLY | O_DIRECTORY)
        try #require(live >= 0 && flock(live, LOCK_EX) == 0)
        defer { close(live) }

        let result = try Program.pmoReport(["generate", "--input", input, "--output", out, "--quiet"]).run()
        #expect(result.status == 0, "\(result)")
        #expect(CLITests.contents(of: out) == [".pmo-report-staging-Link00", ".pmo-report-staging-Live99", ".staging-mine",
                                               "pmo-report.json", "pmo-report.pdf", "pmo-report.xlsx"])
        #expect(files.fileExists(atPath: folder + "/elsewhere"))
    }

    /// A hostile workbook through the binary: exit 65, the file and what is wrong in one short line.
    @Test func hostileWorkbookExits65() throws {
        let folder = ScratchFolder.make("hostile-run")
        let export = folder + "/forms.xlsx"
        try Program("/usr/bin/python3", ["-c", """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>')
                z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="AAAAAAAAAAAAAAAAAAAA1" t="inlineStr"><is><t>ID</t></is></c></row></sheetData></worksheet>')
            """, export]).runChecked()
        let mapping = Program.projectRoot + "/Reports/mappings/pmo-2014-ms-forms.yaml"
        let result = try Program.pmoReport(["validate", "--input", export, "--mapping", mapping]).run()
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("forms.xlsx: cannot read it as an .xlsx workbook: its sheet xl/worksheets/sheet1.xml has a cell AAAAAAAAAAAAAAAAAAAA1 in row 1, beyond column XFD"), "\(result.stderr)")
    }
}
