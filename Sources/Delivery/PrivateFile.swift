import FileSafety
import Foundation
import ReportPipeline

/// Files of the delivery folder that name trusts and addresses (the plan, the report, previews):
/// mode 0600 from the moment they exist (made by mkstemp), complete or absent (renamed into place).
enum PrivateFile {
    static func write(_ bytes: [UInt8], to path: String) throws(PipelineError) {
        let folder = (path as NSString).deletingLastPathComponent
        do throws(SystemError) {
            let file = try FileDescriptor.createUnique(prefix: folder + "/.writing-")
            do throws(SystemError) {
                try file.closeAfter { () throws(SystemError) in
                    try file.writeAll(bytes)
                    try file.sync()
                }
                guard rename(file.path, path) == 0 else { throw SystemError("rename into", path) }
            } catch {
                unlink(file.path)
                throw error
            }
        } catch {
            throw PipelineError(underlying: error)
        }
    }
}
