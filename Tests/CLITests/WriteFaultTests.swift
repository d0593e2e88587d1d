import Foundation
import TestSupport
import Testing

/// Faults while writing, with the real binary: a full disk (a small tmpfs, and a file-size limit),
/// the output folder removed mid-run, no usable temporary folder. Each must end with a message
/// naming what failed, exit 73, nothing half-written in view, and the destination as it was.
@Suite struct WriteFaultTests {
    static let sample = Program.projectRoot + "/SampleData/pmo-survey.csv"
    static let tmpfsSkipped: Comment = "mounting a tmpfs needs root (CAP_SYS_ADMIN); fileSizeLimit covers a full disk without it"

    // MARK: Full disk

    /// The disk has room for one set of outputs and `extraPercent` more, so the second run fills
    /// it: at the JSON, the workbook or the PDF, depending on the room left. The first run needs
    /// about 20% more than its outputs while libxlsxwriter's temporary files exist.
    @Test(.enabled(if: TmpfsMount.isPermitted, Self.tmpfsSkipped), arguments: [25, 40, 70])
    func fullDiskDuringGenerate(extraPercent: Int) throws {
        let disk = try TmpfsMount(kilobytes: try Self.sampleOutputBytes() * (100 + extraPercent) / 100 / 1024)
        defer { disk.unmount() }
        let out = disk.path + "/reports"
        let arguments = ["generate", "--input", Self.sample, "--output", out, "--quiet"]
        let first = try Program.pmoReport(arguments).run()
        try #require(first.status == 0, "\(first.stderr)")
        let before = try Self.files(in: out)

        let full = try Program.pmoReport(arguments).run()
        #expect(full.status == 73)
        #expect(full.stderr.contains("nothing was published, \(out) keeps what it had"), "\(full.stderr)")
        #expect(full.stderr.localizedCaseInsensitiveContains("space"), "the reason is a full disk: \(full.stderr)")
        // Same names (so no staging folder or partial file, hidden or not) and the same bytes.
        #expect(try Self.files(in: out) == before)
    }

    @Test(.enabled(if: TmpfsMount.isPermitted, Self.tmpfsSkipped))
    func fullDiskDuringRun() throws {
        let disk = try TmpfsMount(kilobytes: try Self.sampleOutputBytes() * 150 / 100 / 1024)
        defer { disk.unmount() }
        let project = try RunCommandTests.Project()
        let out = disk.path + "/board"
        let first = try Program.pmoReport(["run", project.definition, "--output", out]).run()
        try #require(first.status == 0, "\(first.stderr)")
        let latest = try FileManager.default.destinationOfSymbolicLink(atPath: out + "/latest")
        let before = try Self.files(in: out + "/" + latest)

        let full = try Program.pmoReport(["run", project.definition, "--output", out, "--force"]).run()
        #expect(full.status == 73)
        #expect(full.stderr.lastLine.contains("error: failed: "), "\(full.stderr)")
        #expect(full.stderr.lastLine.hasSuffix("`latest` still points to the previous run, exit 73"), "\(full.stderr)")
        #expect(full.stderr.localizedCaseInsensitiveContains("space"), "\(full.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out + "/latest") == latest)
        #expect(CLITests.contents(of: out) == [".lock", "latest", "runs"], "no staging folder left")
        #expect(CLITests.contents(of: out + "/runs") == [String(latest.dropFirst("runs/".count))])
        #expect(try Self.files(in: out + "/" + latest) == before)
    }

    /// `ulimit -f` needs no privileges. SIGXFSZ would kill the process at the limit, so it is
    /// ignored as a shell may do, and each write past the limit fails with EFBIG instead. The limit
    /// (512-byte blocks in dash) falls inside the JSON, the workbook or the PDF of a five-row survey.
    @Test(arguments: ["generate", "run"], [10, 64, 120])
    func fileSizeLimit(command: String, blocks: Int) throws {
        let folder = ScratchFolder.make("write-faults")
        let input = folder + "/five-rows.csv"
        let lines = try String(contentsOfFile: Self.sample, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try (lines.prefix(6).joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let project = try RunCommandTests.Project()
        let out = folder + "/out"
        let arguments = command == "generate"
            ? ["generate", "--input", input, "--output", out, "--quiet"]
            : ["run", project.definition, "--input", input, "--output", out, "--force"]
        let first = try Program.pmoReport(arguments).run()
        try #require(first.status == 0, "\(first.stderr)")
        let before = try Self.files(in: out)

        let script = "trap '' XFSZ; ulimit -f \(blocks); exec \"$0\" \"$@\""
        let limited = try Program("/bin/sh", ["-c", script, Program.pmoReportPath] + arguments, environment: .inherited(adding: Program.sourceDateEpoch)).run()
        #expect(limited.reason == .exit && limited.status == 73, "\(limited.stderr)")
        #expect(limited.stderr.contains("File too large"), "the reason is the limit: \(limited.stderr)")
        // Ours, not libxlsxwriter's own line, which names the file it was writing.
        let message = limited.stderr.split(separator: "\n").first { $0.contains("error: ") && !$0.hasPrefix("[ERROR]") } ?? ""
        #expect(!message.isEmpty && !message.contains("staging"), "a staging path the user never chose: \(limited.stderr)")
        #expect(try Self.files(in: out).filter { $0.key != ".lock" } == before.filter { $0.key != ".lock" })
    }

    /// libxlsxwriter writes each part of a workbook to a temporary file without checking the
    /// writes: under a file-size limit, the Responses sheet of 40,000 rows (about 30 MB) was cut
    /// short at the limit and zipped (to about 3 MB), and the run published a workbook that does
    /// not open, with exit 0. The limit (16 MiB in dash's 512-byte blocks) lies between the two.
    @Test func aWorkbookPartCutShortByTheFileSizeLimitFailsTheRun() throws {
        let folder = ScratchFolder.make("write-faults")
        let definition = folder + "/workbook.yaml"
        try """
            input: \(try LargeSurveys.path(trusts: 20_000, seed: 1))
            output: \(folder)/out
            outputs: [workbook]
            internal_use: true

            """.write(toFile: definition, atomically: true, encoding: .utf8)
        let script = "trap '' XFSZ; ulimit -f 32768; exec \"$0\" \"$@\""
        let limited = try Program("/bin/sh", ["-c", script, Program.pmoReportPath, "run", definition, "--quiet"],
                                  environment: .inherited(adding: Program.sourceDateEpoch)).run()
        #expect(limited.reason == .exit && limited.status == 73, "\(limited.stderr)")
        #expect(limited.stderr.contains("File too large: a part of the workbook reached the file-size limit"),
                "\(limited.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/latest"), "nothing was published")
        #expect(limited.stderr.contains("nothing was published, there is no `latest` yet"), "a first run: \(limited.stderr)")

        // Without the limit, the same run publishes a workbook of that size, so the limit did cut a part.
        let unlimited = try Program.pmoReport(["run", definition, "--quiet"]).run()
        try #require(unlimited.status == 0, "\(unlimited.stderr)")
        let size = try FileManager.default.attributesOfItem(atPath: folder + "/out/latest/pmo-report.xlsx")[.size] as? Int
        #expect((size ?? 0) < 16 << 20, "the zipped workbook fits under the limit: \(size ?? 0) bytes")
    }

    // MARK: Output folder removed

    /// The folder disappears while the outputs of a 40,000-row survey are being written: a clear
    /// failure, never a crash, and nothing recreated behind the user's back.
    @Test(arguments: ["generate", "run"])
    func outputFolderRemovedMidRun(command: String) throws {
        let folder = ScratchFolder.make("write-faults")
        let input = try LargeSurveys.path(trusts: 20_000, seed: 1)
        let out = folder + "/out"
        let project = try RunCommandTests.Project()
        let arguments = command == "generate"
            ? ["generate", "--input", input, "--output", out, "--quiet"]
            : ["run", project.definition, "--input", input, "--output", out, "--quiet"]
        let launch = try Program.pmoReport(arguments).start()
        // Staging appears once the survey is read and analysed; the first entry in it (a file being
        // written, or libxlsxwriter's temporary files) shows that rendering is under way.
        _ = try Wait.until("rendering to start in the staging folder", seconds: 120) {
            CLITests.contents(of: out)
                .filter { $0.hasPrefix(".pmo-report-staging-") || $0.hasPrefix(".staging-") }
                .first { !CLITests.contents(of: out + "/" + $0).isEmpty }
        }
        // Removing races with the files the run is creating ("Directory not empty"): repeat.
        _ = try Wait.until("the output folder to be removed", seconds: 10) {
            (try? FileManager.default.removeItem(atPath: out)).map { true }
        }
        let result = launch.finish()

        #expect(result.reason == .exit, "killed by signal \(result.status): \(result.stderr)")
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains(out), "the message names the folder: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    // MARK: Temporary folder

    /// libxlsxwriter would put its temporary files in `$TMPDIR`, `/tmp` or the working folder and,
    /// with none writable, fail at the end. Here `TMPDIR` does not exist and, in a private mount
    /// namespace, `/tmp` (also the working folder) is bound read-only, its files still in view (the
    /// build may live there): the workbook still gets made, because its temporary files go to the
    /// staging folder beside it.
    @Test(.enabled(if: TmpfsMount.isPermitted, Self.tmpfsSkipped))
    func noWritableTemporaryFolder() throws {
        // Outside /tmp, which is read-only for the run.
        let out = "/var/tmp/pmo-write-faults-" + UUID().uuidString
        let secret = out + "-peer-code-secret"
        defer { for path in [out, secret] { try? FileManager.default.removeItem(atPath: path) } }
        let script = "mount --bind /tmp /tmp && mount -o remount,bind,ro /tmp && cd /tmp && exec \"$0\" \"$@\""
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = "/nonexistent"
        environment["SOURCE_DATE_EPOCH"] = "1764201600"
        let result = try Program("/usr/bin/unshare", ["-m", "/bin/sh", "-c", script, Program.pmoReportPath,
                                       "generate", "--input", Self.sample, "--output", out, "--secret-file", secret, "--quiet"],
                                 environment: .exactly(environment)).run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(CLITests.contents(of: out) == ["pmo-report.json", "pmo-report.pdf", "pmo-report.xlsx"])
        let entries = try Self.zipEntries(out + "/pmo-report.xlsx")
        #expect(entries.contains("xl/workbook.xml") && entries.contains("xl/worksheets/sheet1.xml"), "\(entries)")
    }

    // MARK: Helpers

    /// Total size of the outputs of the sample survey, measured on an ordinary disk (the shared run's).
    static func sampleOutputBytes() throws -> Int {
        try files(in: SharedRun.sample.get().output).values.reduce(0) { $0 + $1.count }
    }

    /// Every entry under `folder`, hidden ones included, with the bytes of each file (symlinks
    /// and folders map to empty data), by path relative to `folder`.
    static func files(in folder: String) throws -> [String: Data] {
        var found: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            let full = folder + "/" + path
            let type = try FileManager.default.attributesOfItem(atPath: full)[.type] as? FileAttributeType
            found[path] = type == .typeRegular ? try Data(contentsOf: URL(fileURLWithPath: full)) : Data()
        }
        return found
    }

    /// Names inside a zip (an .xlsx), listed by unzip: an independent check that it is whole.
    static func zipEntries(_ path: String) throws -> [String] {
        let result = try Program("/usr/bin/unzip", ["-Z1", path]).run()
        try #require(result.status == 0, "\(path) is not a complete zip: \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }
}
