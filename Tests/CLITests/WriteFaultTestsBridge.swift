import Foundation
import TestSupport

// The names WriteFaultTests.swift used before TestSupport's `Program` and `Wait`, kept only
// because that file is being rewritten on another branch (issue 14's file-safety work). Delete
// this file once WriteFaultTests calls `Program` and `Wait` directly.

enum CLIRunner {
    static var projectRoot: String { Program.projectRoot }
    static var executable: String { Program.pmoReportPath }

    static func run(_ arguments: [String]) throws -> Program.Result {
        try Program.pmoReport(arguments).run()
    }

    static func temporaryFolder() -> String { ScratchFolder.make("cli") }

    static func contents(of folder: String) -> [String] { CLITests.contents(of: folder) }
}

enum Launch {
    static func start(_ arguments: [String], executable: String = Program.pmoReportPath,
                      environment: [String: String] = ProcessInfo.processInfo.environment.merging(Program.sourceDateEpoch) { $1 }
    ) throws -> Program.Running {
        try Program(executable, arguments, environment: .exactly(environment), in: Program.projectRoot).start()
    }
}

extension RunCommandTests {
    static func waitFor<T>(seconds: Double, _ condition: () -> T?) throws -> T {
        try Wait.until("a condition", seconds: seconds, condition)
    }
}
