import Foundation
import FuzzDriver
import PMOSurvey
import SurveyImport

/// Feeds arbitrary bytes through the import path (issue 23): a ZIP (`PK`) is an .xlsx export,
/// read through the streaming reader and a fixed Microsoft Forms mapping; anything else is a
/// mapping's YAML, then, after a line `%%`, the CSV export it reads (a fixed SurveyMonkey export
/// when there is none). Every outcome must be a survey or a typed refusal, fast and in bounded
/// memory: a crash, a hang, a sanitizer report or an untyped error is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func importFuzzOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let folder = ImportFuzzFiles.folder
    let input: SurveyInput
    if data.starts(with: [0x50, 0x4B]) {
        let path = folder + "/export.xlsx"
        guard FileManager.default.createFile(atPath: path, contents: data),
              let mapping = try? Mapping.load(path: ImportFuzzFiles.formsMapping) else { preconditionFailure("scratch files") }
        input = .export(path: path, mapping: mapping)
    } else {
        let separator = Data("\n%%\n".utf8)
        let split = data.range(of: separator)
        let yaml = split.map { data[..<$0.lowerBound] } ?? data
        let export = split.map { data[$0.upperBound...] } ?? Data(ImportFuzzFiles.monkeyExport.utf8)
        let mappingPath = folder + "/mapping.yaml", exportPath = folder + "/export.csv"
        guard FileManager.default.createFile(atPath: mappingPath, contents: yaml),
              FileManager.default.createFile(atPath: exportPath, contents: export) else { preconditionFailure("scratch files") }
        let mapping: Mapping
        do {
            mapping = try Mapping.load(path: mappingPath)
        } catch {
            precondition(error.description.utf8.count < 4096, "a message of \(error.description.utf8.count) bytes")
            return 0
        }
        input = .export(path: exportPath, mapping: mapping)
    }
    var reader = SurveyReader(currentYear: 2026)
    reader.maxFieldBytes = 4096
    do {
        let survey = try reader.read(inputs: [input])
        let c = survey.counts
        precondition(c.rows == c.valid + c.rejected + c.superseded, "counts do not add up")
        precondition(c.valid == survey.responses.count && c.valid > 0, "valid count is not the responses kept")
        _ = Analysis(survey: survey)
    } catch {
        precondition(error.description.utf8.count < 4096, "a message of \(error.description.utf8.count) bytes")
    }
    return 0
}

/// The fixed mapping and export the fuzzer's inputs are read with, in a scratch folder of this process.
enum ImportFuzzFiles {
    static let folder: String = {
        let path = NSTemporaryDirectory() + "/pmo-report-import-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path + "/forms.yaml", contents: Data("""
            source: ms-forms
            wave: "2015-12"
            fields:
              response_id: ID
              submitted: Completion time
              trust_name: Trust
              sector: {question: Type, values: {"Acute hospital trust": Acute}}
              pmo_model: Model
              central_pmo_fte: FTE
              staff_headcount: Staff
              project_types: {question: Kinds, values: {"IT / digital": IT}}

            """.utf8))
        return path
    }()
    static var formsMapping: String { folder + "/forms.yaml" }

    static let monkeyExport = """
        Respondent ID,Collector ID,End Date,Organisation,Type,Model,Kinds of project,,FTE
        ,,,Response,Response,Response,IT,Estates,Open-Ended Response
        1001,431,05/27/2015 10:03:21 AM,A Trust,Acute,central,IT,Estates,3.5 WTE
        1002,431,05/28/2015 22:03:21,B Trust,Mental health,hybrid,,Estates,12

        """
}

/// SwiftPM's stub `main` calls this; libFuzzer takes over.
@_cdecl("ImportFuzz_main")
public func importFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, importFuzzOneInput)
}
