import FileSafety
import Foundation
import ReportPipeline

/// Writes a draft that someone will edit (a mapping, a trust list) to `path`: whole or not at
/// all, and never over a file that exists, which may be the edited one. `kind` says what it is,
/// e.g. `a trust list`; `command` which command refuses to overwrite it.
func writeDraft(_ text: String, to path: String, kind: String, command: String, log: PipelineLog) throws {
    do throws(SystemError) {
        var file = try AtomicFile(replacing: path)
        try file.write(Array(text.utf8))
        try file.commitAsNew()
    } catch {
        throw log.fail(error.code == EEXIST
            ? PipelineError(.cannotCreate, "\(path) exists; pmo-report \(command) does not overwrite \(kind) someone may have edited")
            : PipelineError(underlying: error))
    }
}
