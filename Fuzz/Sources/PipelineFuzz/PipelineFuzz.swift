import DemoSurvey
import Foundation
import FuzzDriver
import PDFRenderer
import PMOSurvey

/// Feeds arbitrary bytes through the whole pipeline: reading and validation, analysis, then the
/// board report and one benchmark pack laid out, checked and drawn. An input that starts with
/// `shape:` describes a survey's shape instead of its file (`FuzzShape`), so that the sizes a
/// 16 KB file cannot reach (hundreds of trusts, hundreds of waves, long names) are tried too.
/// A crash, a sanitizer report, a broken invariant or a layout problem is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func pipelineFuzzOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let survey: Survey
    if let shape = FuzzShape(data) {
        survey = shape.survey()
    } else {
        var reader = SurveyReader(currentYear: 2026)
        reader.maxFieldBytes = 4096
        guard let read = try? reader.read(data: data, fileName: "fuzz.csv") else { return 0 }
        let c = read.counts
        precondition(c.rows == c.valid + c.rejected + c.superseded, "counts do not add up")
        precondition(c.valid == read.responses.count && c.valid > 0, "valid count is not the responses kept")
        survey = read
    }
    // As shared outputs see it: the exact audit must find no withheld figure recoverable.
    let analysis = Analysis(survey: survey).protected()
    precondition(analysis.disclosure?.leaks.isEmpty == true, "disclosure control left a figure recoverable")
    for table in analysis.shareTables {
        for group in table.groups {
            precondition(group.base > 0, "empty group in \(table.name)")
            for share in group.figures.compactMap({ $0 }) {
                let ci = share.interval
                precondition(0 <= ci.low && ci.low <= share.value && share.value <= ci.high && ci.high <= 1, "bad interval")
            }
        }
    }
    for table in analysis.recordTables {
        for row in table.rows { precondition(row.count == table.columns.count, "ragged record in \(table.name)") }
    }
    render(analysis, pick: Int(data.last ?? 0))
    return 0
}

/// The board report and the pack of one trust (`pick` chooses which): laid out and checked, then
/// drawn to a scratch file that is removed again.
private func render(_ analysis: Analysis, pick: Int) {
    let run = RunInfo(generatedAt: 1_432_722_600, toolVersion: "fuzz")
    let path = NSTemporaryDirectory() + "/pmo-report-fuzz-\(getpid()).pdf"
    defer { unlink(path) }
    let report = PDFReport(analysis: analysis, run: run)
    let reportProblems = report.layoutProblems()
    precondition(reportProblems.isEmpty, "board report layout: \(reportProblems.prefix(3))")
    do { try report.write(to: path) } catch { preconditionFailure("board report not written: \(error)") }

    let benchmarks = Benchmarks(analysis: analysis)
    let trust = benchmarks.trusts[pick % benchmarks.trusts.count]
    let pack = TrustPackPDF(benchmark: benchmarks.benchmark(for: trust), analysis: analysis, run: run)
    let packProblems = pack.layoutProblems()
    precondition(packProblems.isEmpty, "pack layout: \(packProblems.prefix(3))")
    do { try pack.write(to: path) } catch { preconditionFailure("pack not written: \(error)") }
}

/// A survey shape read from the bytes after `shape:`: trusts (2 bytes), waves (2 bytes), name
/// length, empty answers, then the seed. Sizes are capped so that one input renders in a second
/// or two under AddressSanitizer.
struct FuzzShape {
    static let prefix = Array("shape:".utf8)
    static let mostResponses = 6_000
    let shape: SurveyShape

    init?(_ data: Data) {
        let bytes = Array(data)
        guard bytes.starts(with: Self.prefix) else { return nil }
        let body = Array(bytes.dropFirst(Self.prefix.count))
        func byte(_ i: Int) -> Int { i < body.count ? Int(body[i]) : 0 }
        let trusts = (byte(0) << 8 | byte(1)) % 1_500 + 1
        let waves = min((byte(2) << 8 | byte(3)) % 600 + 1, max(1, Self.mostResponses / trusts))
        var seed: UInt64 = 0
        for b in body.dropFirst(6) { seed = seed &* 31 &+ UInt64(b) }
        shape = SurveyShape(trusts: trusts, waves: waves, nameLength: byte(4) * 2, emptyAnswers: byte(5) & 1 == 1,
                            seed: seed)
    }

    func survey() -> Survey { shape.survey() }
}

/// SwiftPM's stub `main` calls this; libFuzzer takes over.
@_cdecl("PipelineFuzz_main")
public func pipelineFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, pipelineFuzzOneInput)
}
