import Foundation
import PMOSurvey

/// Feeds arbitrary bytes through reading, validation, analysis and the output records, and checks
/// the invariants every survey must keep. A crash, a sanitizer report or a broken invariant is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func readerFuzzOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    var reader = SurveyReader(currentYear: 2026)
    reader.maxFieldBytes = 4096
    guard let survey = try? reader.read(data: data, fileName: "fuzz.csv") else { return 0 }
    let c = survey.counts
    precondition(c.rows == c.valid + c.rejected + c.superseded, "counts do not add up")
    precondition(c.valid == survey.responses.count && c.valid > 0, "valid count is not the responses kept")
    let analysis = Analysis(survey: survey)
    for table in analysis.shareTables {
        for group in table.groups {
            precondition(group.base > 0, "empty group in \(table.name)")
            for share in group.shares {
                let ci = share.interval
                precondition(0 <= ci.low && ci.low <= share.value && share.value <= ci.high && ci.high <= 1, "bad interval")
            }
        }
    }
    for table in analysis.recordTables {
        for row in table.rows { precondition(row.count == table.columns.count, "ragged record in \(table.name)") }
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links executables with a stub `main` that calls `<Target>_main`; hand over to libFuzzer.
@_cdecl("ReaderFuzz_main")
public func readerFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv, readerFuzzOneInput)
}
