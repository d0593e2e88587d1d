/// One output format's writer of one document: the report of an analysis, or one trust's pack.
/// The pipeline renders every output through this, into a staging folder nobody else sees; the
/// formats it writes are listed once, in `ReportPipeline.Output`. A new format (an HTML report)
/// is a module with a type that conforms, and a line there.
public protocol Renderer: Sendable {
    /// The extension of the file it writes, e.g. `xlsx`.
    static var fileExtension: String { get }
    /// Writes the document to `path`, whole or not at all: on failure nothing is left there.
    /// The error says its cause without the path (an `OutputError`), since `path` is a staging
    /// copy the user never named.
    func write(to path: String) throws
}
