import Foundation

extension Program {
    /// The package's root folder, where the shipped sample data is.
    public static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The `pmo-report` executable, which SwiftPM builds into the same folder as the test bundle.
    public static let pmoReportPath: String = {
        let tests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return tests.deletingLastPathComponent().appendingPathComponent("pmo-report").path
    }()

    /// A fixed creation time, so that runs of pmo-report write the same bytes each time.
    public static let sourceDateEpoch = ["SOURCE_DATE_EPOCH": "1764201600"]

    /// The real `pmo-report`, run from the project folder unless told otherwise.
    public static func pmoReport(_ arguments: [String], in folder: String = projectRoot,
                                 environment: Environment = .inherited(adding: sourceDateEpoch)) -> Program {
        Program(pmoReportPath, arguments, environment: environment, in: folder)
    }
}
