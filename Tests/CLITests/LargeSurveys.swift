import Foundation
import Synchronization
import TestSupport

/// Large made-up surveys (`pmo-report sample-data`), for runs long enough to be killed or have
/// their folder removed mid-way. Each is written once per test process, when a test first asks for
/// it, and only read: tests that run on the same survey share the file.
enum LargeSurveys {
    private static let made = Mutex<[String: String]>([:])

    /// The survey of `trusts` trusts over two waves drawn with `seed`.
    static func path(trusts: Int, seed: Int) throws -> String {
        let name = "sample-\(trusts)-trusts-seed-\(seed).csv"
        // Held while the file is written, so that a second test waits for it rather than writing it again.
        return try made.withLock { made in
            if let path = made[name] { return path }
            let path = ScratchFolder.make("large-survey") + "/" + name
            _ = try Program.pmoReport(["sample-data", "--trusts", String(trusts), "--waves", "2", "--seed", String(seed),
                                       "--output", path]).runChecked()
            made[name] = path
            return path
        }
    }
}
