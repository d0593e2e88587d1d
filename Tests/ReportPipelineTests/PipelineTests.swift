import Foundation
import FileSafety
import PDFCanvas
import PMOSurvey
import Publishing
import ReportPipeline
import Synchronization
import Testing
import TestSupport

/// The pipeline as the commands use it, without the binary: what it publishes, what it says,
/// and the exit status of each kind of failure.
@Suite struct PipelineTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/benchmark-pack.csv").standardized.path
    static let run = RunInfo(environment: ["SOURCE_DATE_EPOCH": "1764000000"], now: 0)

    /// Every message the pipeline logs, in order.
    final class Messages: Sendable {
        private let lines = Mutex<[(PipelineLog.Level, String)]>([])
        var log: PipelineLog { PipelineLog { level, message, _ in self.lines.withLock { $0.append((level, message)) } } }
        var all: [(PipelineLog.Level, String)] { lines.withLock { $0 } }
    }

    static func pipeline(_ inputs: [SurveyFile] = [SurveyFile(path: fixture)], outputs: [Output] = [.json, .workbook, .pdf],
                         messages: Messages = Messages()) -> Pipeline {
        var definition = ReportDefinition()
        definition.peerCodeSecret = String(repeating: "pipeline-tests-secret-", count: 2)
        return Pipeline(inputs: inputs, definition: definition, outputs: outputs, log: messages.log)
    }

    /// `generate`'s run: published into `folder`.
    static func publish(_ pipeline: Pipeline, into folder: String) throws(PipelineError) -> Publication {
        try pipeline.run(publishingWith: { try FolderPublisher(folder: folder) }, run: Self.run)
    }

    static func contents(of folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func publishesEveryOutputTogetherAndLeavesNoStaging() throws {
        let folder = ScratchFolder.make("pipeline")
        let publication = try Self.publish(Self.pipeline(outputs: Output.allCases), into: folder)
        #expect(Self.contents(of: folder) == ["packs", "packs-index-not-for-sharing.csv", "pmo-report.json", "pmo-report.pdf", "pmo-report.xlsx"])
        #expect(publication.files == ["json", "xlsx", "pdf"].map { "\(folder)/pmo-report.\($0)" })
        let packs = try #require(publication.packs)
        let index = try String(contentsOfFile: folder + "/packs-index-not-for-sharing.csv", encoding: .utf8)
        #expect(packs.written > 0 && packs.written == index.split(separator: "\r\n").count - 1)
        #expect(Self.contents(of: folder + "/packs") == packs.files)
        #expect(packs.files.count == 2 * packs.written)
        #expect(publication.survey.counts.valid > 0)
        let timings = publication.timings
        #expect(timings.read > .zero && timings.analyse > .zero && timings.outputs > .zero && timings.packs > .zero)
        #expect(Set(timings.eachOutput.keys) == [.json, .workbook, .pdf])
        #expect(timings.summary.hasPrefix("timings: read "))
        #expect(timings.summary.contains("workbook (in parallel) "))
    }

    @Test func aFailureLeavesTheFolderAsItWas() throws {
        let folder = ScratchFolder.make("pipeline")
        try Data("the board's last report".utf8).write(to: URL(fileURLWithPath: folder + "/pmo-report.pdf"))
        // A folder where the workbook goes cannot be published over.
        try FileManager.default.createDirectory(atPath: folder + "/pmo-report.xlsx", withIntermediateDirectories: false)
        #expect {
            try Self.publish(Self.pipeline(), into: folder)
        } throws: { error in
            let failure = error as! PipelineError
            return failure.status == .cannotCreate && failure.description.contains("pmo-report.xlsx")
                && failure.description.hasSuffix("nothing was published, \(folder) keeps what it had")
        }
        #expect(Self.contents(of: folder) == ["pmo-report.pdf", "pmo-report.xlsx"])
        #expect(try String(contentsOfFile: folder + "/pmo-report.pdf", encoding: .utf8) == "the board's last report")
    }

    @Test func eachKindOfBadInputHasItsExitStatus() throws {
        let folder = ScratchFolder.make("pipeline")
        let notCSV = folder + "/survey.csv"
        try Data("%PDF-1.4\n".utf8).write(to: URL(fileURLWithPath: notCSV))
        let headerOnly = folder + "/empty-survey.csv"
        try Data("response_id,wave\n".utf8).write(to: URL(fileURLWithPath: headerOnly))
        let cases: [(SurveyFile, ReportPipeline.ExitStatus)] = [
            (SurveyFile(path: folder + "/missing.csv"), .noInput),
            (SurveyFile(path: notCSV), .dataError),
            (SurveyFile(path: headerOnly), .dataError),
            (SurveyFile(path: Self.fixture, mapping: folder + "/missing.yaml"), .noInput),
            (SurveyFile(path: Self.fixture, expectedSHA256: String(repeating: "0", count: 64)), .tryAgainLater),
        ]
        for (input, status) in cases {
            #expect {
                try Self.pipeline([input]).read(run: Self.run)
            } throws: { error in
                (error as? PipelineError)?.status == status && (error as! PipelineError).description.contains(((input.mapping ?? input.path) as NSString).lastPathComponent)
            }
        }
    }

    /// Each layer's error keeps its cause, and says it without the staging path it was about; a
    /// PDF that cannot be made accessible is pmo-report's fault (70), not the disk's (73).
    @Test func errorsKeepTheirCauseAndExitStatus() {
        let staged = "/out/.pmo-report-staging-QnMEKR/pmo-report.json"
        let full = PipelineError(nil, "cannot write /out/pmo-report.json", underlying: SystemError("write", staged, code: EFBIG))
        #expect(full.status == .cannotCreate)
        #expect(full.leaving("nothing was published, /out keeps what it had").description
            == "cannot write /out/pmo-report.json: File too large; nothing was published, /out keeps what it had")
        #expect(full.underlying as? SystemError == SystemError("write", staged, code: EFBIG))
        let inaccessible = PDFError.notAccessible(path: "/out/.staging/pmo-report.pdf", reason: "structure tree mismatch")
        #expect(PipelineError(underlying: inaccessible).status == .software)
        #expect(!PipelineError(nil, "cannot write /out/pmo-report.pdf", underlying: inaccessible).description.contains("staging"))
        #expect(PipelineError(underlying: PDFError.cannotWrite(path: "/x", reason: "No space left on device")).status == .cannotCreate)
    }

    @Test func logsRejectedRowsOnceAndNeverPrints() throws {
        let folder = ScratchFolder.make("pipeline")
        let text = try String(contentsOfFile: Self.fixture, encoding: .utf8)
        let bad = folder + "/survey.csv"
        try (text + "P99,2015-12,2016-01-05,RZ999,Zed NHS Trust,Hospital,4000,central,4,IT,Training,Finance,no,,\n")
            .write(toFile: bad, atomically: false, encoding: .utf8)
        let messages = Messages()
        let pipeline = Self.pipeline([SurveyFile(path: bad)], messages: messages)
        _ = pipeline.analyse(try pipeline.read(run: Self.run))
        let lines = messages.all
        #expect(lines.filter { $0.0 == .info }.map(\.1) == ["survey.csv: line 13, column sector (response P99): error: unknown sector \"Hospital\"; expected one of Acute, Mental Health, Community, Ambulance, Specialist, Combined"])
        #expect(lines.filter { $0.0 == .warning }.count == 1)
        #expect(lines.contains { $0.0 == .warning && $0.1.hasPrefix("1 row was rejected and left out") })
    }

    @Test func aScheduledRunPublishesOnceThenIsUpToDate() throws {
        let folder = ScratchFolder.make("pipeline")
        let definition = folder + "/board.yaml"
        try "input: \(Self.fixture)\noutput: out\noutputs: [json, packs]\n".write(toFile: definition, atomically: false, encoding: .utf8)
        let messages = Messages()
        guard case let .published(run, timings) = try ScheduledRun(.init(definition: definition), log: messages.log).perform() else {
            Issue.record("the first run did not publish")
            return
        }
        #expect(run.hasPrefix(folder + "/out/runs/"))
        #expect(Self.contents(of: run) == ["manifest.json", "packs", "packs-index-not-for-sharing.csv", "pmo-report.json"])
        #expect(timings.read > .zero && timings.packs > .zero)
        // The manifest's fingerprints, the packs' taken as they were written, are those of the files.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: run + "/manifest.json"))) as! [String: Any]
        let outputs = manifest["outputs"] as! [[String: Any]]
        #expect(outputs.count == 2 + Self.contents(of: run + "/packs").count)
        let files = outputs.map { $0["file"] as! String }
        let sums = try Program("sha256sum", files, in: run).runChecked().stdout.split(separator: "\n").map { String($0.prefix(64)) }
        #expect(sums == outputs.map { $0["sha256"] as! String })
        #expect(messages.all.contains { $0.0 == .info && $0.1.hasPrefix("made a new random peer-code secret in \(folder)/.peer-code-secret") })
        guard case let .upToDate(latest) = try ScheduledRun(.init(definition: definition), log: messages.log).perform() else {
            Issue.record("the second run was not up to date")
            return
        }
        #expect(latest == run)
    }

    @Test func timingsGoToTheManifestInWholeMilliseconds() throws {
        var timings = Timings()
        timings.read = .milliseconds(1500)
        timings.analyse = .microseconds(2999)
        timings.outputs = .milliseconds(40)
        timings.packs = .milliseconds(60)
        timings.publish = .zero
        let json = String(decoding: try JSONEncoder.sorted.encode(timings.manifest), as: UTF8.self)
        #expect(json == #"{"analyse":2,"publish":0,"read":1500,"render":100}"#)
    }
}

private extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
