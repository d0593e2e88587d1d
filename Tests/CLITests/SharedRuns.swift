import Foundation
import TestSupport

/// Runs of pmo-report on the shipped sample that several tests only read, each made once per test
/// process, when a test first asks for it. `generate --packs` is the slowest command the tests run
/// (a PDF and a workbook for each of some 160 trusts: about 10 s of CPU in a debug build), and the
/// plain `generate` is run by many tests. No test writes into a shared output: one that needs to
/// change the folder copies it (`copy(to:)`) first.
struct SharedRun: Sendable {
    /// The output folder.
    let output: String
    /// What the run printed: the shared runs are not `--quiet`.
    let result: Program.Result

    /// `generate` on the sample, keyed by the project's own peer-code secret as a plain run is.
    static let sample = Result { try SharedRun(["generate", "--input", GenerateCommandTests.sample]) }

    /// A known peer-code secret, so that a test can recompute peer codes or key another run alike.
    static let secret = String(repeating: "0123456789abcdef", count: 4)
    /// The file that holds `secret`, for `--secret-file`.
    static let secretFile: String = {
        let path = ScratchFolder.make("shared-secret") + "/peer-code-secret"
        try! secret.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }()

    /// `generate --packs` on the sample, keyed by `secret`.
    static let samplePacks = Result {
        try SharedRun(["generate", "--input", GenerateCommandTests.sample, "--packs", "--secret-file", secretFile])
    }

    private init(_ arguments: [String]) throws {
        output = ScratchFolder.make("shared-run") + "/reports"
        result = try Program.pmoReport(arguments + ["--output", output]).runChecked()
    }

    /// A copy of the output folder at `path`, for a test that writes into it.
    func copy(to path: String) throws {
        _ = try Program("/bin/cp", ["-a", output, path]).runChecked()
    }
}
