import Foundation
import TestSupport
import Testing

/// `pmo-report run` as cron runs it: real definitions, real processes, real signals and locks.
/// Serialized: several tests time real runs, which two cores do not share well.
@Suite(.serialized) struct RunCommandTests {
    static let sample = Program.projectRoot + "/SampleData/pmo-survey.csv"
    /// Exactly what cron gives: PATH and nothing else.
    static let cron = Program.Environment.exactly(["PATH": "/usr/bin:/bin"])
    private let files = FileManager.default

    /// A project-like folder: `Reports/board.yaml` reading `../in/survey.csv` (a copy of the
    /// sample) and publishing into `../out`.
    struct Project {
        let root: String
        var definition: String { root + "/Reports/board.yaml" }
        var input: String { root + "/in/survey.csv" }
        var output: String { root + "/out" }

        init(keepRuns: Int = 12, extra: String = "") throws {
            root = ScratchFolder.make("cli")
            let files = FileManager.default
            try files.createDirectory(atPath: root + "/Reports", withIntermediateDirectories: true)
            try files.createDirectory(atPath: root + "/in", withIntermediateDirectories: true)
            try files.copyItem(atPath: RunCommandTests.sample, toPath: root + "/in/survey.csv")
            try """
                title: Test board pack
                input: ../in/survey.csv
                output: ../out
                outputs: [json, workbook, pdf]
                keep_runs: \(keepRuns)
                \(extra)
                """.write(toFile: root + "/Reports/board.yaml", atomically: true, encoding: .utf8)
        }

        /// Where `latest` points, e.g. `runs/2015-12_20261127T030001Z`.
        func latest() throws -> String {
            try FileManager.default.destinationOfSymbolicLink(atPath: output + "/latest")
        }

        func runs() -> [String] { contents(of: output + "/runs") }

        /// What a person browsing the output folder sees.
        func visible() -> [String] { contents(of: output).filter { !$0.hasPrefix(".") } }
    }

    @Test func publishesDatedRunsSwitchesLatestAndSkipsUnchangedInput() throws {
        let project = try Project(keepRuns: 2)
        // From another working folder: paths in the definition are relative to the definition.
        let first = try Program.pmoReport(["run", project.definition], in: "/").run()
        #expect(first.status == 0, "\(first.stderr)")
        let runs = project.runs()
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run.range(of: #"^2015-12_\d{8}T\d{6}Z$"#, options: .regularExpression) != nil, "\(run)")
        #expect(try project.latest() == "runs/" + run)
        #expect(project.visible() == ["latest", "runs"])
        #expect(first.stderr.lastLine.contains("notice: published \(project.output)/runs/\(run)"))
        #expect(contents(of: project.output + "/latest")
                == ["manifest.json", "pmo-report.json", "pmo-report.pdf", "pmo-report.xlsx"])

        // The manifest's hashes are those an independent tool computes.
        let manifest = try Self.json(project.output + "/latest/manifest.json")
        let input = manifest["input"] as! [String: Any]
        #expect(try input["sha256"] as? String == Self.sha256sum(project.input))
        #expect(input["file"] as? String == project.input)
        #expect(manifest["outcome"] as? String == "published")
        #expect(manifest["tool_version"] as? String == "0.1.0")
        let outputs = manifest["outputs"] as! [[String: Any]]
        #expect(outputs.map { $0["file"] as! String } == ["pmo-report.json", "pmo-report.xlsx", "pmo-report.pdf"])
        for output in outputs {
            let path = project.output + "/latest/" + (output["file"] as! String)
            #expect(try output["sha256"] as? String == Self.sha256sum(path))
            #expect(try output["size"] as? Int == files.attributesOfItem(atPath: path)[.size] as? Int)
        }
        let timings = manifest["timings_ms"] as! [String: Int]
        #expect(Set(timings.keys) == ["read", "analyse", "render", "publish"])

        // Unchanged input, definition and tool: nothing written.
        let again = try Program.pmoReport(["run", project.definition]).run()
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.lastLine.contains("up to date"))
        #expect(project.runs() == [run])

        // --force publishes anyway; a changed input does too. keep_runs 2 removes the oldest.
        let forced = try Program.pmoReport(["run", project.definition, "--force"]).run()
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(project.runs().count == 2)
        try (String(contentsOfFile: project.input, encoding: .utf8) + "\n").write(toFile: project.input, atomically: true, encoding: .utf8)
        let changed = try Program.pmoReport(["run", project.definition]).run()
        #expect(changed.status == 0, "\(changed.stderr)")
        let kept = project.runs()
        #expect(kept.count == 2)
        #expect(!kept.contains(run), "the oldest run is expired")
        #expect(try project.latest() == "runs/" + kept.sorted().last!)
    }

    /// The register and the trust list decide which answers are one trust's: the manifest names
    /// them, and a changed trust list makes the next run not "up to date".
    @Test func theRegisterAndTrustListAreInTheManifestAndTheUpToDateCheck() throws {
        let project = try Project()
        let list = project.root + "/Reports/trusts.yaml"
        try "# This network's trust list\nXAB01:\n  name: Ashmouth Healthcare NHS Foundation Trust\n".write(toFile: list, atomically: true, encoding: .utf8)
        let first = try Program.pmoReport(["run", project.definition], in: "/").run()
        #expect(first.status == 0, "\(first.stderr)")
        let manifest = try Self.json(project.output + "/latest/manifest.json")
        let register = try #require(manifest["trust_register"] as? [String: Any])
        #expect(register["sha256"] as? String == "50c34139a3ddbf8cce579c07edea74d2d3a0341a0e5145c95f0c20dd0b8005cb")
        #expect(register["date"] as? String == "2026-06-30")
        #expect((register["path"] as? String)?.hasSuffix("/Reports/ods-etr-2026-11.csv") == true)
        let trustList = try #require(manifest["trust_list"] as? [String: Any])
        #expect(try trustList["sha256"] as? String == Self.sha256sum(list) && trustList["path"] as? String == list)

        #expect(try Program.pmoReport(["run", project.definition]).run().stderr.lastLine.contains("up to date"))
        try "XAB01:\n  name: Ashmouth Healthcare\n".write(toFile: list, atomically: true, encoding: .utf8)
        let changed = try Program.pmoReport(["run", project.definition]).run()
        #expect(changed.status == 0 && changed.stderr.lastLine.contains("notice: published"), "\(changed.stderr)")
        #expect(project.runs().count == 2)

        // A trust list that cannot be right stops the run with its file, key and line.
        try "XAB01:\n  aliases: [Ashmouth]\n".write(toFile: list, atomically: true, encoding: .utf8)
        let wrong = try Program.pmoReport(["run", project.definition]).run()
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("\(list), line 1: `XAB01`: XAB01 is not in the ODS register"), "\(wrong.stderr)")
    }

    @Test func runsUnderCronsBareEnvironment() throws {
        let project = try Project()
        // Exactly what cron gives: PATH and nothing else; no HOME, locale, TTY; started in /.
        let result = try Program.pmoReport(["run", project.definition], in: "/", environment: Self.cron).run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let last = result.stderr.lastLine
        #expect(last.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ notice: published "#, options: .regularExpression) != nil, "\(last)")
        #expect(files.fileExists(atPath: project.output + "/latest/pmo-report.pdf"))

        let json = try Program.pmoReport(["run", project.definition, "--force", "--log-format", "json"],
                                          in: "/", environment: Self.cron).run()
        #expect(json.status == 0, "\(json.stderr)")
        let lines = json.stderr.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["time"] is String && object?["level"] is String && object?["message"] is String, "\(line)")
        }
        #expect(lines.last!.contains(#""level":"notice""#) && lines.last!.contains("published"))

        // --quiet: a successful run is silent, so cron mails only when something needs attention.
        let clean = try Project(extra: "")
        try Self.writeCleanSurvey(to: clean.input)
        let quiet = try Program.pmoReport(["run", clean.definition, "--quiet"], in: "/", environment: Self.cron).run()
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    @Test func aKilledRunLeavesLatestAndNoPartialFile() throws {
        let project = try Project()
        let first = try Program.pmoReport(["run", project.definition]).run()
        #expect(first.status == 0, "\(first.stderr)")
        let before = try project.latest()

        let big = try LargeSurveys.path(trusts: 12_000, seed: 1)
        let running = try Program.pmoReport(["run", project.definition, "--input", big]).start()
        // Kill it mid-way: once one output is complete in its staging folder and another is not.
        // The outputs are rendered at once, so which is first varies: waiting for the workbook
        // missed the moment whenever the PDF was done first.
        let outputs: Set = ["pmo-report.json", "pmo-report.xlsx", "pmo-report.pdf"]
        let staged = try Wait.until("an output complete in a staging folder", seconds: 300) {
            contents(of: project.output).filter { $0.hasPrefix(".staging-") }.first {
                let done = outputs.intersection(contents(of: project.output + "/" + $0)).count
                return done > 0 && done < outputs.count
            }
        }
        running.send(SIGKILL)
        let killed = running.finish()
        #expect(killed.reason == .uncaughtSignal && killed.status == SIGKILL, "the run ended before it was killed: \(killed.stderr)")

        #expect(try project.latest() == before)
        #expect(project.runs() == [String(before.dropFirst("runs/".count))])
        #expect(project.visible() == ["latest", "runs"])
        #expect(contents(of: project.output + "/latest")
                == ["manifest.json", "pmo-report.json", "pmo-report.pdf", "pmo-report.xlsx"])
        #expect(files.fileExists(atPath: project.output + "/" + staged), "the killed run's staging folder is hidden, not published")

        // The next run takes over the lock, cleans up and publishes.
        let next = try Program.pmoReport(["run", project.definition, "--force"]).run()
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("ended without finishing"))
        #expect(next.stderr.contains("removed leftovers of an unfinished run: \(staged)"))
        #expect(contents(of: project.output) == [".lock", "latest", "runs"])
        #expect(project.runs().count == 2)
        #expect(try project.latest() != before)
    }

    @Test func aSecondRunIsLockedOutOrWaits() throws {
        let project = try Project()
        let mid = try LargeSurveys.path(trusts: 1_500, seed: 2)

        // Started together: exactly one takes the lock. It is paused while it holds it, so that the
        // other certainly finds it held, however the two are scheduled.
        let pair = try (0..<2).map { _ in try Program.pmoReport(["run", project.definition, "--input", mid]).start() }
        let first = try Self.lockHolder(of: project)
        let winner = try #require(pair.first { $0.processIdentifier == first }, "the lock names neither run")
        let loser = try #require(pair.first { $0.processIdentifier != first })
        winner.send(SIGSTOP)
        defer { winner.send(SIGCONT) }
        let refused = loser.finish()
        winner.send(SIGCONT)
        let published = winner.finish()
        #expect(published.status == 0, "\(published.stderr)")
        #expect(refused.status == 75, "\(refused.stderr)")
        #expect(refused.stderr.contains("is publishing into this folder"))
        #expect(refused.stderr.lastLine.contains("failed: ") && refused.stderr.lastLine.hasSuffix("exit 75"))
        #expect(project.runs().count == 1)

        // While one holds the lock (paused again), the message names it; with --wait the second
        // waits its turn, and says so before the holder is let go.
        let holder = try Program.pmoReport(["run", project.definition, "--input", mid, "--force"]).start()
        #expect(try Self.lockHolder(of: project) == holder.processIdentifier)
        holder.send(SIGSTOP)
        defer { holder.send(SIGCONT) }
        let locked = try Program.pmoReport(["run", project.definition, "--input", mid, "--force"]).run()
        #expect(locked.status == 75)
        #expect(locked.stderr.contains("another run (pid \(holder.processIdentifier), since 20"), "\(locked.stderr)")
        let waiter = try Program.pmoReport(["run", project.definition, "--input", mid, "--force", "--wait", "300"]).start()
        try waiter.waitForError(containing: "waiting up to 300 s", seconds: 60)
        holder.send(SIGCONT)
        #expect(holder.finish().status == 0)
        let waited = waiter.finish()
        #expect(waited.status == 0, "\(waited.stderr)")
        #expect(project.runs().count == 3)
    }

    @Test func badDefinitionsNameTheKeyAndLine() throws {
        let misspelt = try Project(extra: "keep-runs: 3")
        let result = try Program.pmoReport(["run", misspelt.definition]).run()
        #expect(result.status == 64)
        #expect(result.stderr.contains("board.yaml, line 6: unknown key `keep-runs`; did you mean `keep_runs`?"), "\(result.stderr)")
        #expect(result.stderr.lastLine.hasSuffix("exit 64"))
        #expect(!files.fileExists(atPath: misspelt.output), "nothing is written for a bad definition")

        let bad = try Project(extra: "withhold_below: 1")
        let value = try Program.pmoReport(["run", bad.definition]).run()
        #expect(value.status == 64)
        #expect(value.stderr.contains("line 6: bad value for `withhold_below`: expected a whole number of at least 3"), "\(value.stderr)")

        let missing = try Program.pmoReport(["run", misspelt.root + "/Reports/nonesuch.yaml"]).run()
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("nonesuch.yaml: cannot open the report definition: No such file or directory"))
    }

    @Test func packsArePublishedWithTheRun() throws {
        let project = try Project(extra: "")
        try Self.writeCleanSurvey(to: project.input)
        try String(contentsOfFile: project.definition, encoding: .utf8)
            .replacingOccurrences(of: "outputs: [json, workbook, pdf]", with: "outputs: [json, packs]")
            .write(toFile: project.definition, atomically: true, encoding: .utf8)
        let result = try Program.pmoReport(["run", project.definition]).run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote 3 benchmark packs"))
        // The index names every trust: beside the folder that is handed out, never in it.
        let packs = contents(of: project.output + "/latest/packs")
        #expect(packs.count == 6 && packs.allSatisfy { $0.hasSuffix(".pdf") || $0.hasSuffix(".xlsx") }, "\(packs)")
        #expect(FileManager.default.fileExists(atPath: project.output + "/latest/packs-index-not-for-sharing.csv"))
        #expect(result.stderr.contains("packs-index-not-for-sharing.csv beside it names every trust and its peer code: never share it"))
        let manifest = try Self.json(project.output + "/latest/manifest.json")
        let files = (manifest["outputs"] as! [[String: Any]]).map { $0["file"] as! String }
        #expect(files == ["pmo-report.json"] + packs.map { "packs/" + $0 } + ["packs-index-not-for-sharing.csv"])
    }

    @Test func outputsThatCannotBeCreatedExit73() throws {
        let project = try Project()
        try "not a folder".write(toFile: project.output, atomically: true, encoding: .utf8)
        let file = try Program.pmoReport(["run", project.definition]).run()
        #expect(file.status == 73)
        #expect(file.stderr.contains("cannot use \(project.output) as the output folder: it is a file, not a folder"), "\(file.stderr)")

        let under = try Program.pmoReport(["run", project.definition, "--output", project.output + "/board"]).run()
        #expect(under.status == 73)
        #expect(under.stderr.contains("cannot create the output folder \(project.output)/board: Not a directory"), "\(under.stderr)")
        #expect(try String(contentsOfFile: project.output, encoding: .utf8) == "not a folder")
    }

    @Test func inputsThatCannotBeUsed() throws {
        let project = try Project()
        let missing = try Program.pmoReport(["run", project.definition, "--input", project.root + "/in/none.csv"]).run()
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("cannot open the input \(project.root)/in/none.csv: No such file or directory"))

        try "".write(toFile: project.input, atomically: true, encoding: .utf8)
        let empty = try Program.pmoReport(["run", project.definition]).run()
        #expect(empty.status == 65)
        #expect(empty.stderr.contains("survey.csv: the file is empty"))
        #expect(project.visible().isEmpty, "a failed first run publishes nothing")

        // A folder input takes its newest CSV.
        try files.removeItem(atPath: project.input)
        try files.copyItem(atPath: Self.sample, toPath: project.root + "/in/2015-12.csv")
        let folder = try Program.pmoReport(["run", project.definition, "--input", project.root + "/in"]).run()
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(folder.stderr.contains("input: \(project.root)/in/2015-12.csv (newest *.csv in \(project.root)/in)"))
    }

    // MARK: - Helpers

    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    /// SHA-256 by coreutils, independent of pmo-report's own hasher.
    static func sha256sum(_ path: String) throws -> String {
        let result = try Program("/usr/bin/sha256sum", [path], environment: .exactly(["PATH": "/usr/bin:/bin"])).run()
        return String(result.stdout.prefix(64))
    }

    /// A survey with no rejected row, so that a `--quiet` run has nothing to warn about.
    static func writeCleanSurvey(to path: String) throws {
        try """
            response_id,wave,trust_name,trust_code,sector,pmo_model,central_pmo_fte,staff_headcount,share_consent
            1,2015-12,North Trust,RAA,Acute,central,6,4000,yes
            2,2015-12,South Trust,RBB,Mental Health,hybrid,3,2500,no
            3,2015-12,East Trust,RCC,Community,devolved,,1800,no

            """.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The pid in the lock file of `project`'s output folder, once a run has taken the lock
    /// (a released lock is empty).
    static func lockHolder(of project: Project) throws -> Int32 {
        try Wait.until("a run to take the lock", seconds: 120) {
            (try? String(contentsOfFile: project.output + "/.lock", encoding: .utf8))?
                .split(separator: " ").first.flatMap { Int32($0) }
        }
    }
}

extension String {
    /// The last non-empty line: where a run states its outcome.
    var lastLine: String {
        split(separator: "\n").last.map(String.init) ?? ""
    }
}
