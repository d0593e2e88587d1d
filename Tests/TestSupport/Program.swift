import Foundation

/// A program a test runs: pmo-report itself, or a tool that checks its outputs independently
/// (unzip, qpdf, poppler, Python). Every process a test starts is started here, so each gets the
/// same care: its output is read while it runs, so that a chatty program never stalls on a full
/// pipe, and its standard input is `input` or empty, never the test runner's.
public struct Program: Sendable {
    public enum Environment: Sendable {
        /// The test process's own, with these variables added or replaced.
        case inherited(adding: [String: String])
        /// Exactly these variables and no others, as cron gives.
        case exactly([String: String])
    }

    /// A path, or a name looked up on the test process's `PATH`.
    public var executable: String
    public var arguments: [String]
    public var environment: Environment
    /// The working folder; the test process's own when nil.
    public var folder: String?
    /// Written to standard input, which is then closed.
    public var input: Data?

    public init(_ executable: String, _ arguments: [String] = [], environment: Environment = .inherited(adding: [:]),
                in folder: String? = nil, input: Data? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.folder = folder
        self.input = input
    }

    /// Runs the program to its end.
    public func run() throws -> Result {
        try start().finish()
    }

    /// Runs the program to its end and throws `Failed` unless it exits 0: for a tool whose
    /// failure must fail the test, rather than be read as an empty answer.
    public func runChecked() throws -> Result {
        let result = try run()
        guard result.reason == .exit, result.status == 0 else { throw Failed(program: self, result: result) }
        return result
    }

    /// Starts the program and returns at once, for a test that acts while it runs.
    public func start() throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        switch environment {
        case let .inherited(adding: variables):
            process.environment = ProcessInfo.processInfo.environment.merging(variables) { $1 }
        case let .exactly(variables):
            process.environment = variables
        }
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let standardInput = input.map { _ in Pipe() }
        process.standardInput = standardInput ?? FileHandle.nullDevice
        try process.run()
        if let standardInput, let input { Self.write(input, to: standardInput.fileHandleForWriting) }
        return Running(process: process, output: Capture(output.fileHandleForReading),
                       errors: Capture(errors.fileHandleForReading))
    }

    public struct Failed: Error, CustomStringConvertible {
        public let program: Program
        public let result: Result
        public var description: String {
            "\(([program.executable] + program.arguments.prefix(1)).joined(separator: " ")) failed: \(result)"
        }
    }

    public struct NotFound: Error, CustomStringConvertible {
        public let name: String
        public var description: String { "no program \(name) on PATH" }
    }

    private func path() throws -> String {
        if executable.contains("/") { return executable }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let found = folders.map({ "\($0)/\(executable)" }).first(where: FileManager.default.isExecutableFile)
        else { throw NotFound(name: executable) }
        return found
    }

    /// Writes on a thread of its own, so that a program which answers before reading all of its
    /// input cannot deadlock with the test. SIGPIPE is blocked on that thread alone, so a program
    /// that exits without reading makes the write fail instead of killing the test process.
    private static func write(_ data: Data, to handle: FileHandle) {
        Thread.detachNewThread {
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            try? handle.write(contentsOf: data)
            try? handle.close()
        }
    }
}
